// Placeholder → cell value for Excel templates: numbers stay numbers (so a filled cell can be summed), lists
// are joined with 、, a name the catalog does not have gives an empty cell.
import type { IndicatorValue } from '../shared/indicators';
import type { Placeholder } from '../shared/placeholders';
import { UNIT_NAME } from '../shared/placeholders';
import type { Lookup, PerUnitLookup } from './template-fill';

function cell(v: IndicatorValue | undefined, variant: 'period' | 'cumulative'): string | number {
  if (!v) return '';
  const raw = v[variant];
  if (Array.isArray(raw)) return raw.join('、');
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : 0;
  return raw ?? '';
}

/** `previous` holds the values of the period just before, for {{名称|上期}}. */
export function excelLookup(values: readonly IndicatorValue[], previous?: readonly IndicatorValue[]): Lookup {
  const now = new Map(values.map((v) => [v.name, v]));
  const before = new Map((previous ?? []).map((v) => [v.name, v]));
  return (p: Placeholder) =>
    p.variant === 'previous' ? cell(before.get(p.name), 'period') : cell(now.get(p.name), p.variant);
}

export function excelUnitLookups(
  perUnit: readonly { unitId: string; unitName: string; values: IndicatorValue[] }[],
  previous?: readonly { unitId: string; values: IndicatorValue[] }[],
): PerUnitLookup[] {
  const prev = new Map((previous ?? []).map((u) => [u.unitId, u.values]));
  return perUnit.map((u) => {
    const base = excelLookup(u.values, prev.get(u.unitId));
    return {
      unitName: u.unitName,
      lookup: (p: Placeholder) => (p.name === UNIT_NAME ? u.unitName : base(p)),
    };
  });
}
