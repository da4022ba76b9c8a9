// Calendar dates as plain 'YYYY-MM-DD' strings: no time zone can shift them (the office is in UTC+8,
// Excel serials are UTC), and string comparison orders them.
import { z } from 'zod';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

export function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function isValidMonth(s: string): boolean {
  const m = MONTH_RE.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export const dateString = (label = '日期') =>
  z
    .string({ error: `${label}必须填写` })
    .refine(isValidDate, { message: `${label}不是有效日期（格式：2026-04-15）` });

export const monthString = (label = '月份') =>
  z
    .string({ error: `${label}必须填写` })
    .refine(isValidMonth, { message: `${label}不是有效月份（格式：2026-04）` });

/** A closed date range [from, to], both inclusive. */
export interface DateRange {
  from: string;
  to: string;
}

export function inRange(date: string | undefined | null, range: DateRange): boolean {
  return !!date && date >= range.from && date <= range.to;
}

/** Today's date in the local calendar (the office's clock), as YYYY-MM-DD. */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** "4月15日" — the form Chinese reports use for 截至X月X日. */
export function chineseMonthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}

/** "2026年4月15日". */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
