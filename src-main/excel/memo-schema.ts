// Makes a record schema remember its per-field results for repeated plain values. An import validates the
// same unit, date, type or place thousands of times; zod would redo each check (half the import's own cost at
// 10,000 rows). The object, its strictness and its cross-field rules still run through zod unchanged.
import type { z } from 'zod';

interface RawIssue {
  path?: PropertyKey[];
  [k: string]: unknown;
}
interface Payload {
  value: unknown;
  issues: RawIssue[];
}
type Run = (payload: Payload, ctx: unknown) => Payload | Promise<Payload>;
interface Internals {
  _zod?: { run?: Run };
}

/** Distinct values remembered per field; beyond this a field's values are mostly unique and not worth it. */
const PER_FIELD = 5000;

// zod prefixes issue paths in place, so cached issues are handed out as copies.
const copy = (issues: RawIssue[]) => issues.map((i) => ({ ...i, path: [...(i.path ?? [])] }));

/**
 * The one place a cache entry is made. Kept apart from the per-call path on purpose: V8 decides per allocation
 * site whether objects start in the old generation, and entries (which live) sharing a site with per-call objects
 * (which die at once) made it place every call's garbage there, out of reach of the cheap collections.
 */
function entry(out: Payload): Payload {
  return { value: out.value, issues: copy(out.issues) };
}

/**
 * Wraps each field's `_zod.run` of `schema` (a fresh instance, owned by the caller) with a cache keyed by
 * the field's input value when it is a string, number, boolean or undefined. Returns the schema; when zod's
 * internals are not as expected it is returned untouched.
 */
export function memoizeFields<T extends z.ZodType>(schema: T): T {
  const shape = (schema as unknown as { shape?: Record<string, Internals> }).shape;
  if (!shape || !Object.values(shape).every((f) => typeof f._zod?.run === 'function')) return schema;
  for (const field of Object.values(shape)) {
    const internals = field._zod as { run: Run };
    const run = internals.run;
    const cache = new Map<unknown, Payload>();
    internals.run = (payload, ctx) => {
      const v = payload.value;
      // Only plain values, and only a payload carrying no issues yet (what zod's object parser passes): what the
      // field's run returns is then this value's result alone.
      if (
        (v !== undefined && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') ||
        payload.issues.length
      )
        return run(payload, ctx);
      const hit = cache.get(v);
      if (hit) {
        payload.value = hit.value;
        if (hit.issues.length) payload.issues.push(...copy(hit.issues));
        return payload;
      }
      const out = run(payload, ctx);
      // A promise never comes from record schemas (no async checks); passed through uncached if one ever does.
      if (!(out instanceof Promise) && cache.size < PER_FIELD) cache.set(v, entry(out));
      return out;
    };
  }
  return schema;
}
