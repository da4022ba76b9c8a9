// What one or several 报送包 do, counted: a package's counts, the sum over the packages received together, and the
// sentence the result says after merging. Also the reports a conflict refusal comes with.
import type { MergeReport } from '../../../../../src-main/shared/contract/exchange';
import type { AppError } from '../../../../../src-main/shared/result';

export type Side = 'office' | 'unit';

export interface Counts {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  conflicts: number;
}

export const countsOf = (r: MergeReport): Counts => ({
  added: r.added,
  changed: r.changed,
  removed: r.removed,
  unchanged: r.unchanged,
  conflicts: r.conflicts.length,
});

export function totalsOf(reports: MergeReport[]): Counts {
  const t: Counts = { added: 0, changed: 0, removed: 0, unchanged: 0, conflicts: 0 };
  for (const r of reports) {
    const c = countsOf(r);
    for (const k of Object.keys(t) as (keyof Counts)[]) t[k] += c[k];
  }
  return t;
}

/** Nothing to write: every record already here unchanged, none changed on both sides. */
export const nothingToDo = (c: Counts) => !c.conflicts && c.added + c.changed + c.removed === 0;

/** How many different units the packages come from (a unit may send several periods at once). */
export const unitCount = (reports: MergeReport[]) => new Set(reports.map((r) => r.unit.id)).size;

/**
 * The conflict refusal carries the reports of what stood in the way, to choose a side from: details.report for
 * one package, details.reports for several.
 */
export function reportsOf(error: AppError): MergeReport[] | null {
  const many = error.details?.reports as MergeReport[] | undefined;
  const one = error.details?.report as MergeReport | undefined;
  const list = Array.isArray(many) ? many : one ? [one] : [];
  return list.length && list.every((r) => Array.isArray(r?.conflicts)) ? list : null;
}

export function doneText(c: Counts, side: Side | undefined): string {
  const parts = [`新增 ${c.added} 条`, `更新 ${c.changed} 条`];
  if (c.removed) parts.push(`移入回收站 ${c.removed} 条`);
  parts.push(`不变 ${c.unchanged} 条`);
  const conflicts = c.conflicts
    ? `；${c.conflicts} 条两边都改过的记录以${side === 'unit' ? '下级单位' : '本机'}为准`
    : '';
  return `${parts.join('，')}${conflicts}。合并前已自动备份，可在“设置 → 数据与备份”中恢复。`;
}
