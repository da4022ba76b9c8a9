// Indicator values as Chinese reports write them: plain integers, 万字 with up to two decimals, "87.5%",
// lists joined with 、. The unit word (次, 篇, 万字) is left to the sentence around the number.
import type { IndicatorKind, IndicatorRaw } from '../shared/indicators';

/** Up to `places` decimals, trailing zeros dropped: 12.50 → "12.5", 3.00 → "3". */
function trim(n: number, places: number): string {
  if (!Number.isFinite(n)) return '0';
  const s = n.toFixed(places);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

export function formatIndicator(v: IndicatorRaw, kind: IndicatorKind): string {
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'string') return v;
  switch (kind) {
    case 'percent':
      return `${trim(v, 1)}%`;
    case 'amount':
      return trim(v, 2);
    case 'count':
      return trim(v, 0);
    default:
      return String(v);
  }
}
