// Small pure helpers the indicators share: reading loosely typed record fields, sums, rates, distinct lists,
// and the "done by the period end" tests for tasks and rectification items.
import type { LedgerRecord } from '../shared/ledgers/types';

export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;
export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
export const strList = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim())
    : [];

export function sum(records: LedgerRecord[], field: string): number {
  let t = 0;
  for (const r of records) t += num(r[field]);
  return t;
}

export function count(records: LedgerRecord[], test: (r: LedgerRecord) => boolean): number {
  let n = 0;
  for (const r of records) if (test(r)) n++;
  return n;
}

/** Percentage with one decimal; 0 when there is nothing to divide by (never NaN or Infinity). */
export function rate(part: number, whole: number): number {
  if (!(whole > 0)) return 0;
  return Math.round((part / whole) * 1000) / 10;
}

/** Characters → 万字 with two decimals. */
export function wan(chars: number): number {
  return Math.round(chars / 100) / 100;
}

/** Records sorted by date (stable), so lists read in the order things happened. */
export function byDate(records: LedgerRecord[]): LedgerRecord[] {
  return [...records].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Distinct values, first occurrence wins, order kept. */
export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

export const TASK_DONE = ['已完成', '已销号'];
export const RECT_DONE = ['已整改', '已销号'];

/** Done on or before `asOf`: a done status, with its done date (when recorded) not after asOf. */
export function doneBy(
  r: LedgerRecord,
  doneStatuses: string[],
  asOf: string,
  statusField = 'status',
): boolean {
  if (!doneStatuses.includes(r[statusField] as string)) return false;
  const d = str(r.doneDate);
  return !d || d <= asOf;
}

/** "2026年4月1日至4月30日" (the year once when both ends share it). */
export function periodText(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return fy === ty ? `${fy}年${fm}月${fd}日至${tm}月${td}日` : `${fy}年${fm}月${fd}日至${ty}年${tm}月${td}日`;
}

/** "《title》", whether or not the stored title already carries the brackets. */
export function bookTitle(title: string): string {
  return `《${title.trim().replace(/^《/, '').replace(/》$/, '')}》`;
}
