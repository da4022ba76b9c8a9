// Types and helpers shared by the statistics sheets: the workbook input, a tolerant lookup of indicator values
// by name (a missing breakdown counts as 0), how an indicator value becomes a cell, and the heading lines that
// say which figures a sheet holds (本期 with its dates, 累计 with its cut-off date).
import { chineseDate, chineseMonthDay } from '../shared/dates';
import type { IndicatorRaw, IndicatorValue } from '../shared/indicators';
import type { Settings } from '../shared/settings';
import { halfWidth } from './cell-value';

/** Sources × dispositions of clues over one date range, when the stats module can provide it. */
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
  /**
   * Sources × dispositions for 本期 (query.from..query.to), when the stats module provides it; otherwise the
   * 线索处置统计表 derives what it can from indicator names.
   */
  clueTable?: ClueMatrix;
  /** The same for 累计 (the campaign start, or query.from when earlier, to query.to). */
  clueTableCumulative?: ClueMatrix;
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

export type Variant = 'period' | 'cumulative';

/** What the sheets write into a cell: a number, a text, nothing, or a formula with its cached result. */
export type CellValue = number | string | null | { formula: string; result: number };

export interface SheetContext {
  input: StatsWorkbookInput;
  index: ValueIndex;
  /** Text of row 2, left: the reporting unit. */
  unitLine: string;
  /** "本期：2026年10月1日至10月31日". */
  periodLine: string;
  /** "累计：截至2026年10月31日". */
  cumulativeLine: string;
  /** "截至2026年10月31日". */
  cutoff: string;
  /** "10月1日至10月31日" (years shown when the period spans two), for a header cell. */
  period: string;
  /** 制表日期, "2026年11月2日". */
  date: string;
}

/** "2026年10月1日至10月31日" (the year once when both ends share it). */
export function periodText(from: string, to: string): string {
  return from.slice(0, 4) === to.slice(0, 4)
    ? `${chineseDate(from)}至${chineseMonthDay(to)}`
    : `${chineseDate(from)}至${chineseDate(to)}`;
}

export function sheetContext(input: StatsWorkbookInput): SheetContext {
  const { from, to } = input.query;
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return {
    input,
    index: new ValueIndex(input.values),
    unitLine: `填报单位：${input.settings.commissionName}（盖章）`,
    periodLine: `本期：${periodText(from, to)}`,
    cumulativeLine: `累计：截至${chineseDate(to)}`,
    cutoff: `截至${chineseDate(to)}`,
    period: sameYear
      ? `${chineseMonthDay(from)}至${chineseMonthDay(to)}`
      : `${chineseDate(from)}至${chineseDate(to)}`,
    date: chineseDate(input.date ?? to),
  };
}

/** The heading line of a sheet holding both 本期 and 累计 figures. */
export const bothLines = (ctx: SheetContext): string => `${ctx.periodLine}\n${ctx.cumulativeLine}`;

export const lineOf = (ctx: SheetContext, variant: Variant): string =>
  variant === 'period' ? ctx.periodLine : ctx.cumulativeLine;
