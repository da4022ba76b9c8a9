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
      if (v !== undefined && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
        return run(payload, ctx);
      let hit = cache.get(v);
      if (!hit) {
        const out = run({ value: v, issues: [] }, ctx);
        if (out instanceof Promise) {
          // Never for record schemas (no async checks); passed through unchanged if one ever appears.
          return out.then((o) => {
            payload.value = o.value;
            payload.issues.push(...o.issues);
            return payload;
          });
        }
        hit = { value: out.value, issues: copy(out.issues) };
        if (cache.size < PER_FIELD) cache.set(v, hit);
      }
      payload.value = hit.value;
      if (hit.issues.length) payload.issues.push(...copy(hit.issues));
      return payload;
    };
  }
  return schema;
}
