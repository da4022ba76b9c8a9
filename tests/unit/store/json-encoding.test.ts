// Incremental encoding must always produce exactly JSON.stringify's bytes, whatever the edit.
import { describe, expect, it } from 'vitest';
import {
  encodeFromFile,
  encodeValue,
  scanArraySpans,
  type Encoded,
} from '../../../src-main/store/json-encoding';

type Rec = { id: number; name: string; tags: string[] };
const rec = (id: number): Rec => ({ id, name: `记录"${id}"\\，[}`, tags: ['甲', `${id}`] });

function check(enc: Encoded, value: unknown[]): void {
  const bytes = enc.rope.flatten();
  expect(bytes.toString()).toBe(JSON.stringify(value));
  for (let i = 0; i < value.length; i++) {
    const span = bytes.subarray(enc.spans![2 * i], enc.spans![2 * i + 1]).toString();
    expect(span).toBe(JSON.stringify(value[i]) ?? 'null');
  }
}

describe('incremental JSON encoding', () => {
  it('matches JSON.stringify across a long random sequence of edits', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    let value: unknown[] = Array.from({ length: 300 }, (_, i) => rec(i));
    let enc = encodeValue(value, null);
    let next = 1000;
    const edits: ((v: unknown[]) => unknown[])[] = [
      (v) => [...v, rec(next++)],
      (v) => [rec(next++), ...v],
      (v) => v.filter((_, i) => i !== random(v.length)),
      (v) => v.map((x, i) => (i === random(v.length) ? rec(next++) : x)),
      (v) => [...v].reverse(),
      (v) => [...v].sort(() => random(3) - 1),
      (v) => v.filter(() => random(10) > 0),
      (v) => [...v.slice(5), v[3], v[3], null, 'text', 0, undefined],
      (v) => [...v.slice(0, 10), ...Array.from({ length: 100 }, () => rec(next++)), ...v.slice(10)],
    ];
    for (let step = 0; step < 400; step++) {
      value = edits[random(edits.length)](value);
      enc = encodeValue(value, enc);
      check(enc, value);
      expect(Object.isFrozen(value)).toBe(true);
    }
  });

  it('adopts bytes read from disk, even pretty-printed ones, and keeps encoding from them', () => {
    const original = [rec(1), { nested: [[1], { a: '"]' }] }, 'a,b', 3, null, true, [], {}];
    const text = Buffer.from(JSON.stringify(original, null, 2));
    const enc = encodeFromFile(JSON.parse(text.toString()) as unknown[], text);
    const value = enc.value as unknown[];
    const next = [...value.slice(1), rec(2)];
    const out = encodeValue(next, enc);
    expect(JSON.parse(out.rope.flatten().toString())).toEqual([...original.slice(1), rec(2)]);
  });

  it('finds element spans around escaped quotes, backslashes and brackets inside strings', () => {
    const value = ['\\', '\\"', '"]', { k: '}\\\\' }, [['[']]];
    const bytes = Buffer.from(JSON.stringify(value));
    const spans = scanArraySpans(bytes, value.length)!;
    expect(spans).not.toBeNull();
    const parts = value.map((_, i) => bytes.subarray(spans[2 * i], spans[2 * i + 1]).toString());
    expect(parts.map((p) => JSON.parse(p) as unknown)).toEqual(value);
    expect(scanArraySpans(bytes, value.length + 1)).toBeNull();
  });

  it('freezes new elements deeply so the cached bytes cannot go stale', () => {
    const value = [rec(1)];
    encodeValue(value, null);
    expect(() => value[0].tags.push('乙')).toThrow(TypeError);
  });
});

describe('the bytes an encoding keeps', () => {
  const big = (i: number) => ({
    id: `r-${i}`,
    title: `第${i}次教育整顿工作会议`,
    notes: '按期推进，加强督导。'.repeat(20),
  });

  it('writes a large import into a few large chunks, each new byte written once', () => {
    const value = Array.from({ length: 20_000 }, (_, i) => big(i));
    const enc = encodeValue(value, null);
    check(enc, value);
    // No per-record buffers and no copy of gathered pieces: chunks grow with the rope, none of them tiny.
    expect(enc.rope.chunks.length).toBeLessThan(30);
    expect(Math.min(...enc.rope.chunks.slice(1, -1).map((c) => c.length))).toBeGreaterThan(8 * 1024);
  });

  it('keeps only the bytes of a one-record save, not the chunk it was written into', () => {
    const value = Array.from({ length: 5_000 }, (_, i) => big(i));
    const first = encodeValue(value, null);
    const next = encodeValue([...value, big(5_000)], first);
    check(next, [...value, big(5_000)]);
    const fresh = next.rope.chunks.filter((c) => !first.rope.chunks.some((p) => p.buffer === c.buffer));
    // New bytes (the record, with the short runs of old bytes copied around it) keep at most twice their size alive,
    // plus Node's shared 8 KB pool for the smallest copies: never a chunk allocated for more.
    const bytes = fresh.reduce((t, c) => t + c.length, 0);
    const held = new Set(fresh.map((c) => c.buffer));
    const allocated = [...held].reduce((t, b) => t + b.byteLength, 0);
    expect(bytes).toBeGreaterThan(JSON.stringify(big(5_000)).length);
    expect(allocated).toBeLessThanOrEqual(2 * bytes + 8192);
  });

  it('splits no character when a chunk fills in the middle of Chinese text', () => {
    const value = Array.from({ length: 3_000 }, (_, i) => ({ i, text: '纪'.repeat(1 + (i % 97)) + '🀄' }));
    check(encodeValue(value, null), value);
  });
});
