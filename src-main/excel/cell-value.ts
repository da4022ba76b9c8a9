// The one place where an exceljs cell value becomes something the app understands: text, number, date,
// boolean. Dates come back from exceljs as the Excel serial read as a UTC Date, so only getUTC* is used here.
import { halfWidth, parseDateInput, parseMonthInput, tidyDateText } from '../shared/dates';
import type { YearContext } from '../shared/dates';

/** A cell reduced to one plain value. Dates are 'YYYY-MM-DD' strings so no time zone can shift them. */
export type Scalar =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; date: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; code: string };

const EMPTY: Scalar = { kind: 'empty' };
const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a Date produced by exceljs (serial read as UTC). */
export function utcYmd(d: Date): string {
  return intern(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
}

/** Excel serial (1900 system, or 1904 when the workbook says so) → YYYY-MM-DD; null when out of range. */
export function serialToYmd(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  // The integer part is the day, the fraction the time of day; the epsilon absorbs float noise (…99999).
  const day = Math.floor(serial + 1e-9) + (date1904 ? 1462 : 0);
  return utcYmd(new Date(Date.UTC(1899, 11, 30) + day * 86400000));
}

/** YYYY-MM-DD → a Date at UTC midnight: what exceljs writes as the intended calendar day. */
export function ymdToUtcDate(ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * A copy of `s` that does not point into a bigger string. The streaming reader hands out slices of its 64 KB
 * XML chunks; keeping one slice in a record keeps the whole chunk alive (≈ 100 MB at 100,000 rows). V8
 * flattens the concatenation into a fresh string before slicing it, so the chunk is released.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Keeps one copy of the strings a column repeats (places, chairs, agenda items), detached from the reader's
 * chunks. A column whose values are mostly unique (titles, document numbers) stops paying for the table.
 */
export class ColumnStrings {
  private map: Map<string, string> | null = new Map();
  private lookups = 0;
  private hits = 0;

  own(s: string): string {
    if (!this.map) return detach(s);
    const hit = this.map.get(s);
    this.lookups++;
    if (hit !== undefined) {
      this.hits++;
      return hit;
    }
    const copy = detach(s);
    if (this.map.size < 20_000) this.map.set(copy, copy);
    if (this.lookups === 512 && this.hits < 128) this.map = null;
    return copy;
  }
}

/** Dates kept once however many rows repeat them: a small bounded table, reset per import. */
const INTERN_LIMIT = 5_000;
let interned = new Map<string, string>();

export function resetIntern(): void {
  interned = new Map();
}

export function intern(s: string): string {
  const hit = interned.get(s);
  if (hit !== undefined) return hit;
  const own = detach(s);
  if (interned.size < INTERN_LIMIT) interned.set(own, own);
  return own;
}

function fromPrimitive(v: unknown): Scalar {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'string') return v.trim() === '' ? EMPTY : { kind: 'text', text: detach(v) };
  if (typeof v === 'number')
    return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', code: '#NUM!' };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? { kind: 'error', code: '#VALUE!' } : { kind: 'date', date: utcYmd(v) };
  return EMPTY;
}

/** Normalizes every shape exceljs gives a cell value (both the document model and the streaming reader). */
export function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) return fromPrimitive(v);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    const text = (o.richText as { text?: unknown }[])
      .map((r) => (typeof r.text === 'string' ? r.text : ''))
      .join('');
    return fromPrimitive(text);
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const r = o.result;
    // The streaming reader turns a cached error or boolean of a formula into NaN or 0/1: NaN means an error.
    if (typeof r === 'number' && Number.isNaN(r)) return { kind: 'error', code: '#VALUE!' };
    if (r && typeof r === 'object' && 'error' in r) return { kind: 'error', code: String(r.error) };
    return toScalar(r);
  }
  if ('error' in o) return { kind: 'error', code: String(o.error) };
  if ('hyperlink' in o || 'text' in o) return toScalar(o.text);
  return EMPTY;
}

/** The cell as the user reads it, for messages and text fields. */
export function scalarText(s: Scalar): string {
  switch (s.kind) {
    case 'empty':
      return '';
    case 'text':
      return s.text.trim();
    case 'number':
      // Float noise such as 0.1+0.2 would show as 0.30000000000000004: 15 significant digits is what Excel shows.
      return String(Number(s.value.toPrecision(15)));
    case 'date':
      return s.date;
    case 'bool':
      return s.value ? '是' : '否';
    case 'error':
      return s.code;
  }
}

export { halfWidth };

/** Which year a date written without one ("4月15日") belongs to: the one that puts it inside the campaign. */
export type { YearContext };

/**
 * A date written as text in the forms Chinese offices use (the shared parser the form uses too: 2026-04-15,
 * 2026/4/15, 2026.4.15, 2026年4月15日, 20260415, 二〇二六年四月十五日, 4月15日 with the year from context, a trailing
 * time), and in a spreadsheet also a 5-digit Excel serial stored as text.
 */
export function parseDateText(raw: string, ctx?: YearContext): string | null {
  const t = tidyDateText(raw);
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return n >= 20000 && n <= 80000 ? serialToYmd(n) : null;
  }
  const d = parseDateInput(t, ctx);
  return d ? intern(d) : null;
}

/** 2026-04, 2026/4, 2026.4, 2026年4月, 202604, or any full date (its month). */
export function parseMonthText(raw: string, ctx?: YearContext): string | null {
  return parseMonthInput(raw, ctx);
}

export type NumberParse = { ok: true; value: number } | { ok: false; reason: string };

/** "12", "12 人", "1,200", "１２", "12.5%": a number stored as text, with a unit word after it tolerated. */
export function parseNumberText(raw: string): NumberParse {
  const t = halfWidth(raw)
    .trim()
    .replace(/(\d)[,，](?=\d{3}(\D|$))/g, '$1');
  const m = /^([-+]?\d+(?:\.\d+)?)\s*([\u4e00-\u9fa5%]{0,4})$/.exec(t);
  if (!m) return { ok: false, reason: '不是数字' };
  // 万/千/亿 change the magnitude; guessing would store a number a hundred times off, so ask for digits.
  if (/[万千亿]/.test(m[2])) return { ok: false, reason: `请直接填写数字，不要带“${m[2]}”` };
  return { ok: true, value: Number(m[1]) };
}

const TRUE_WORDS = new Set(['是', '√', '✓', '✔', '对', '有', 'y', 'yes', 'true', '1', '已']);
const FALSE_WORDS = new Set(['否', '×', '✗', '✘', 'x', '无', 'n', 'no', 'false', '0', '未', '不是', '没有']);

/** 是/否, √/×, Y/N, TRUE/FALSE, 1/0, 有/无. */
export function parseBoolText(raw: string): boolean | null {
  const t = halfWidth(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}
