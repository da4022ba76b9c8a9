// Small pure helpers the indicators share: reading loosely typed record fields, sums, rates, distinct lists,
// and the "done by the period end" test for ledgers whose definition says which statuses mean done.
import type { ChoiceBasis, ChoiceMeanings } from '../shared/choice-meanings';
import { LEDGERS } from '../shared/ledgers';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';

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

/** True when the record's status means done, by the ledger's own declaration (LedgerDef.done). */
export function isDone(ledger: LedgerKey, r: LedgerRecord, choices: ChoiceMeanings): boolean {
  const done = LEDGERS[ledger].done;
  return !!done && choices.labelsMeaning(done.list, done.tags).has(r[done.field] as string);
}

/** The options a ledger declares done, as an indicator's basis (what 设置 warns about before deleting). */
export function doneBasis(ledger: LedgerKey): ChoiceBasis[] {
  const done = LEDGERS[ledger].done;
  return done ? done.tags.map((tag) => ({ list: done.list, tag }) as ChoiceBasis) : [];
}

/** A done date (when recorded) on or before `asOf`: what was done later was not yet done then. */
export const doneDateBy = (r: LedgerRecord, asOf: string): boolean => {
  const d = str(r.doneDate);
  return !d || d <= asOf;
};

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
