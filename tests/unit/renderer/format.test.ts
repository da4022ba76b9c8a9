// The cards' numbers are written without Intl (its Chinese data cost the dashboard's first frame 20 ms): they must
// read exactly as Intl.NumberFormat('zh-CN') writes them, grouping and two decimals at most.
import { describe, expect, it } from 'vitest';
import { formatIndicator, formatNumber } from '../../../src-renderer/src/lib/format';

const intl = (n: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(n);

describe('formatNumber', () => {
  it('writes what Intl writes for counts, sums and percentages', () => {
    const values = [
      0,
      1,
      7,
      12,
      999,
      1000,
      1234,
      99999,
      100000,
      1234567,
      987654321,
      12345678901234,
      -1,
      -1234,
      -0.5,
      0.1,
      0.25,
      3.5,
      12.34,
      66.67,
      99.99,
      99.995,
      1234.5,
      1000000.75,
      0.004,
      0.006,
      2.675,
      1 / 3,
      2 / 3,
      -2 / 3,
    ];
    for (const v of values) expect(formatNumber(v), String(v)).toBe(intl(v));
  });

  it('agrees with Intl over many random values', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 1e7;
    for (let i = 0; i < 2000; i++) {
      const v = Math.round(random()) / [1, 10, 100, 1000, 7][i % 5];
      expect(formatNumber(v), String(v)).toBe(intl(v));
    }
  });

  it('shows percentages and missing values on cards as before', () => {
    expect(formatIndicator(66.666, '%')).toBe('66.67%');
    expect(formatIndicator(12345, '次')).toBe('12,345');
    expect(formatIndicator(undefined, '次')).toBe('—');
  });
});
