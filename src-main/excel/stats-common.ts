// Types and helpers shared by the statistics sheets: the workbook input, a tolerant lookup of indicator values
// by name (a missing breakdown counts as 0), and how an indicator value becomes a cell.
import type { IndicatorRaw, IndicatorValue } from '../shared/indicators';
import type { Settings } from '../shared/settings';
import { halfWidth } from './cell-value';

/** Sources × dispositions of clues (累计), when the stats module can provide it. */
export interface ClueMatrix {
  rows: {
    source: string;
    received: number;
    byDisposition: Record<string, number>;
    closed: number;
    filed: number;
    sanctioned: number;
  }[];
}

export interface StatsWorkbookInput {
  settings: Settings;
  query: { from: string; to: string };
  values: IndicatorValue[];
  perUnit: { unitId: string; unitName: string; values: IndicatorValue[] }[];
  /** Sources × dispositions, when the stats module provides it; otherwise derived from indicator names. */
  clueTable?: ClueMatrix;
  preparedBy?: string;
  reviewedBy?: string;
  /** 制表日期 (YYYY-MM-DD); defaults to the end of the period. */
  date?: string;
}

/** Looks indicators up by name, tolerant of full-width/half-width brackets and spaces. */
export class ValueIndex {
  private readonly map = new Map<string, IndicatorValue>();
  constructor(values: IndicatorValue[]) {
    for (const v of values) this.map.set(ValueIndex.norm(v.name), v);
  }
  static norm(name: string): string {
    return halfWidth(name).replace(/\s+/g, '');
  }
  get(...names: string[]): IndicatorValue | undefined {
    for (const n of names) {
      const v = this.map.get(ValueIndex.norm(n));
      if (v) return v;
    }
    return undefined;
  }
  /** A missing name counts as 0, so a table never breaks because the catalog lacks one breakdown. */
  num(variant: 'period' | 'cumulative', ...names: string[]): number {
    return toNumber(this.get(...names)?.[variant]);
  }
}

export function toNumber(v: IndicatorRaw | undefined): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  if (typeof v === 'string') return Number(v) || 0;
  return 0;
}

/** An indicator percentage (0..100) as the fraction a '0.0%' cell holds, without float noise (0.952, not 0.9520000000000001). */
export function pct(v: number): number {
  return Math.round(v * 1e4) / 1e6;
}

export function cellOf(v: IndicatorValue, variant: 'period' | 'cumulative'): string | number {
  const raw = v[variant];
  if (Array.isArray(raw)) return raw.join('、');
  if (v.kind === 'percent') return pct(toNumber(raw));
  if (v.kind === 'text' || v.kind === 'list') return String(raw ?? '');
  return toNumber(raw);
}

export function numFmtOf(v: IndicatorValue): string | undefined {
  if (v.kind === 'percent') return '0.0%';
  if (v.kind === 'count') return '0';
  return undefined;
}

export interface SheetContext {
  input: StatsWorkbookInput;
  index: ValueIndex;
  /** Text of row 2: the reporting unit. */
  unitLine: string;
  /** 截至X月X日 / the period. */
  cutoff: string;
  period: string;
  date: string;
}
