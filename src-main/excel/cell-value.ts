// The one place where an exceljs cell value becomes something the app understands: text, number, date,
// boolean. Dates come back from exceljs as the Excel serial read as a UTC Date, so only getUTC* is used here.
import { isValidDate } from '../shared/dates';

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

/** Full-width → half-width (ＡＢ１２，（）), unified spaces; what every comparison of user text goes through. */
export function halfWidth(text: string): string {
  return text.normalize('NFKC').replace(/[\u3000\u00a0]/g, ' ');
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十五 → 15, 二十一 → 21, 三十 → 30; digit by digit for years (二〇二六 → 2026). */
function cnNumber(s: string, positional: boolean): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (positional) {
    const ds = [...s].map((c) => CN_DIGITS[c]);
    return ds.every((d) => d !== undefined) ? Number(ds.join('')) : null;
  }
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3]) || (m[1] && !m[2] && m[3])) return null;
  const tens = m[2] ? (m[1] ? CN_DIGITS[m[1]] : 1) : 0;
  const ones = m[3] ? CN_DIGITS[m[3]] : m[2] ? 0 : (CN_DIGITS[m[1] ?? ''] ?? 0);
  return tens * 10 + ones;
}

function ymd(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isValidDate(s) ? intern(s) : null;
}

/** Which year a date written without one ("4月15日") belongs to: the one that puts it inside the campaign. */
export interface YearContext {
  start: string;
  end: string;
}

function guessYear(m: number, d: number, ctx?: YearContext): number | null {
  if (!ctx) return null;
  const y0 = Number(ctx.start.slice(0, 4));
  const y1 = Number(ctx.end.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    const s = ymd(y, m, d);
    if (s && s >= ctx.start && s <= ctx.end) return y;
  }
  return y0;
}

const CN = '[〇零一二两三四五六七八九十\\d]';
const DATE_PATTERNS: { re: RegExp; year: 'full' | 'cn' | 'none' }[] = [
  { re: /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\.?$/, year: 'full' },
  { re: /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/, year: 'full' },
  { re: /^(\d{4})(\d{2})(\d{2})$/, year: 'full' },
  { re: new RegExp(`^(${CN}{4})年(${CN}{1,3})月(${CN}{1,3})[日号]$`), year: 'cn' },
  { re: /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/, year: 'none' },
];

/**
 * A date written as text in the forms Chinese offices use: 2026-04-15, 2026/4/15, 2026.4.15, 2026年4月15日,
 * 20260415, 二〇二六年四月十五日, 4月15日 (year from context), optionally followed by a time; 5-digit serials.
 */
export function parseDateText(raw: string, ctx?: YearContext): string | null {
  let t = halfWidth(raw).trim().replace(/\s+/g, ' ');
  // A trailing time (10:30, 10:30:00, 上午9时) does not change the day.
  t = t
    .replace(/(\s+|T)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '')
    .replace(/\s+[上下]午.*$/, '');
  if (/^\d{5}(\.\d+)?$/.test(t)) {
    const n = Number(t);
    return n >= 20000 && n <= 80000 ? serialToYmd(n) : null;
  }
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    if (p.year === 'none') {
      const y = guessYear(Number(m[1]), Number(m[2]), ctx);
      return y === null ? null : ymd(y, Number(m[1]), Number(m[2]));
    }
    const cn = p.year === 'cn';
    const y = cnNumber(m[1], true);
    const mo = cn ? cnNumber(m[2], false) : Number(m[2]);
    const d = cn ? cnNumber(m[3], false) : Number(m[3]);
    return y === null || mo === null || d === null ? null : ymd(y, mo, d);
  }
  return null;
}

/** 2026-04, 2026/4, 2026.4, 2026年4月, 202604, or any full date (its month). */
export function parseMonthText(raw: string, ctx?: YearContext): string | null {
  const t = halfWidth(raw).trim();
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/.exec(t);
  if (m) {
    const mo = Number(m[2] ?? m[3]);
    return mo >= 1 && mo <= 12 ? `${m[1]}-${pad(mo)}` : null;
  }
  const d = parseDateText(t, ctx);
  return d ? d.slice(0, 7) : null;
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
