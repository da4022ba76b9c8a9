// Incremental JSON encoding of collection values: unchanged array elements reuse the bytes already written.
//
// Re-serializing a 5 MB array on every save costs more than writing it (pitfalls.md, lowdb section). Values in the
// store are deep-frozen, so an element that is the same object as in the previous version has the same bytes:
// runs of unchanged elements are referenced from the previous bytes, and only new elements are stringified.
import { ByteRope, RopeBuilder } from './byte-rope';

export interface Encoded {
  readonly value: unknown;
  /** The compact JSON of `value`. */
  readonly rope: ByteRope;
  /** For arrays: [start0, end0, start1, end1, …], the byte span of each element inside `rope`; null otherwise. */
  readonly spans: Uint32Array | null;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
/** After this many elements not found next to their old position, build an identity index (a sort or filter). */
const MISSES_BEFORE_INDEX = 64;

const COMMA_BYTES = Buffer.from(',');
const OPEN_BRACKET_BYTES = Buffer.from('[');
const CLOSE_BRACKET_BYTES = Buffer.from(']');

/**
 * Freezes a JSON value and everything inside it, so the cached bytes can never go stale behind our back.
 * Always walks the whole value (no "already frozen" shortcut): a caller may have frozen an object only shallowly.
 */
export function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  if (ArrayBuffer.isView(value)) return; // typed arrays cannot be frozen; they are not JSON values anyway
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    // for-in is several times faster than Object.keys here; JSON data has no enumerable inherited keys.
    for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  }
}

function stringifyElement(item: unknown): string {
  // Inside an array JSON.stringify writes undefined, functions and symbols as null; keep the same bytes.
  return JSON.stringify(item) ?? 'null';
}

/** Encodes `value`, reusing bytes from `prev` for array elements that are the very same objects. Freezes `value`. */
export function encodeValue(value: unknown, prev: Encoded | null): Encoded {
  if (value === undefined) throw new Error('集合的值不能为 undefined');
  if (!Array.isArray(value)) {
    const rope = ByteRope.of([Buffer.from(JSON.stringify(value))]);
    deepFreeze(value);
    return { value, rope, spans: null };
  }
  const items = value as readonly unknown[];
  const prevItems = prev?.spans && Array.isArray(prev.value) ? (prev.value as readonly unknown[]) : [];
  const prevSpans = prev?.spans ?? new Uint32Array(0);
  const n = items.length;
  const pn = prevItems.length;
  const spans = new Uint32Array(2 * n);
  const out = new RopeBuilder();
  out.push(OPEN_BRACKET_BYTES);
  let i = 0;
  let j = 0;
  let misses = 0;
  let index: Map<unknown, number> | null = null;

  /** Reuses prev's bytes for `count` elements from prev[from] as items[i…]; separators between them come along. */
  const copyPrev = (from: number, count: number): void => {
    const start = prevSpans[2 * from];
    const end = prevSpans[2 * (from + count - 1) + 1];
    const delta = out.length - start;
    prev!.rope.copyRangeTo(start, end, out);
    for (let q = 0; q < count; q++) {
      spans[2 * (i + q)] = prevSpans[2 * (from + q)] + delta;
      spans[2 * (i + q) + 1] = prevSpans[2 * (from + q) + 1] + delta;
    }
  };

  while (i < n) {
    const item = items[i];
    if (j < pn && item === prevItems[j]) {
      let k = 1;
      while (i + k < n && j + k < pn && items[i + k] === prevItems[j + k]) k++;
      if (i > 0) out.push(COMMA_BYTES);
      copyPrev(j, k);
      i += k;
      j += k;
      continue;
    }
    if (j + 1 < pn && item === prevItems[j + 1]) {
      j += 1; // prev[j] was removed
      continue;
    }
    if (i > 0) out.push(COMMA_BYTES);
    misses += 1;
    if (index === null && misses > MISSES_BEFORE_INDEX && pn > 0) index = indexOf(prevItems);
    const found = index?.get(item);
    if (found !== undefined) {
      copyPrev(found, 1);
      j = found + 1;
    } else {
      spans[2 * i] = out.length;
      out.pushString(stringifyElement(item));
      spans[2 * i + 1] = out.length;
      deepFreeze(item);
      // A replacement consumes prev[j]; an insertion (next item is prev[j]) does not.
      if (j < pn && !(i + 1 < n && items[i + 1] === prevItems[j])) j += 1;
    }
    i += 1;
  }
  out.push(CLOSE_BRACKET_BYTES);
  // Elements are frozen already (copied ones when first encoded, new ones above); only the container is new.
  Object.freeze(items);
  return { value: items, rope: out.build(), spans };
}

function indexOf(items: readonly unknown[]): Map<unknown, number> {
  const map = new Map<unknown, number>();
  for (let q = items.length - 1; q >= 0; q--) map.set(items[q], q);
  return map;
}

/**
 * Adopts bytes read from disk as the encoding of `value` (their parse result), so the first save after opening
 * does not have to stringify every element. The element spans are found on first use, by that first save: a run
 * that only reads (a CLI command) never scans. Bytes that are not a plain array of `value`'s length have no spans,
 * and the first save encodes every element afresh.
 */
export function encodeFromFile(value: unknown, bytes: Buffer): Encoded {
  deepFreeze(value);
  const rope = ByteRope.of([bytes]);
  if (!Array.isArray(value)) return { value, rope, spans: null };
  let spans: Uint32Array | null | undefined;
  return {
    value,
    rope,
    get spans() {
      return spans === undefined ? (spans = scanArraySpans(bytes, value.length)) : spans;
    },
  };
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Finds the byte span of each top-level element of a JSON array that is already known to parse (one pass, with a
 * tight inner loop for strings, which are most of the bytes). Returns null if the layout does not fit `count`.
 */
export function scanArraySpans(b: Uint8Array, count: number): Uint32Array | null {
  const spans = new Uint32Array(2 * count);
  const len = b.length;
  let p = 0;
  while (p < len && isWhitespace(b[p])) p++;
  if (b[p] !== OPEN_BRACKET) return null;
  let k = 0;
  let depth = 1;
  let start = -1;
  for (p += 1; p < len; p++) {
    const c = b[p];
    if (c === QUOTE) {
      if (depth === 1 && start < 0) start = p;
      for (p += 1; p < len; p++) {
        const d = b[p];
        if (d === QUOTE) break;
        if (d === BACKSLASH) p++;
      }
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === 1 && start < 0) start = p;
      depth++;
      continue;
    }
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth > 0) continue;
    } else if (depth !== 1 || c !== COMMA) {
      if (depth === 1 && start < 0 && !isWhitespace(c)) start = p;
      continue;
    }
    // A top-level comma or the closing bracket ends the current element.
    if (start >= 0) {
      let end = p;
      while (end > start && isWhitespace(b[end - 1])) end--;
      if (k >= count) return null;
      spans[2 * k] = start;
      spans[2 * k + 1] = end;
      k++;
      start = -1;
    }
    if (depth === 0) break;
  }
  return k === count ? spans : null;
}
