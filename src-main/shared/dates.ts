// Calendar dates as plain 'YYYY-MM-DD' strings: no time zone can shift them (the office is in UTC+8,
// Excel serials are UTC), and string comparison orders them. No zod here (the schemas are in date-schemas.ts): the
// renderer's first screen uses these functions, and a module it shares with later screens carries its imports along.

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

// ── Reading dates as people type them ────────────────────────────────────────────────────────────────────────
// One parser for the form and the Excel import: 2026-11-25, 2026.11.25, 2026/11/25, 20261125, 2026年11月25日,
// 二〇二六年十一月二十五日, full-width digits, the Chinese full stop of an IME left on (2026。11。25), a trailing time.

/** Which year a date written without one ("4月15日") belongs to: the one that puts it inside the campaign. */
export interface YearContext {
  start: string;
  end: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

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

function ymdOf(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
  return isValidDate(s) ? s : null;
}

function guessYear(m: number, d: number, ctx?: YearContext): number | null {
  if (!ctx) return null;
  const y0 = Number(ctx.start.slice(0, 4));
  const y1 = Number(ctx.end.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    const s = ymdOf(y, m, d);
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

/** The text with what an IME or a copy from Word adds normalized away: full-width forms, 。 for ., a trailing time. */
export function tidyDateText(raw: string): string {
  return (
    halfWidth(raw)
      .replace(/[。｡]/g, '.')
      .trim()
      .replace(/\s+/g, ' ')
      // A trailing time (10:30, 10:30:00, 上午9时) does not change the day.
      .replace(/(\s+|T)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '')
      .replace(/\s+[上下]午.*$/, '')
  );
}

/**
 * A date written the way Chinese offices write it → 'YYYY-MM-DD', or null when it is not a real date (2026.2.30)
 * or not a date at all. "4月15日" needs `ctx` for its year.
 */
export function parseDateInput(raw: string, ctx?: YearContext): string | null {
  const t = tidyDateText(raw);
  for (const p of DATE_PATTERNS) {
    const m = p.re.exec(t);
    if (!m) continue;
    if (p.year === 'none') {
      const y = guessYear(Number(m[1]), Number(m[2]), ctx);
      return y === null ? null : ymdOf(y, Number(m[1]), Number(m[2]));
    }
    const cn = p.year === 'cn';
    const y = cnNumber(m[1], true);
    const mo = cn ? cnNumber(m[2], false) : Number(m[2]);
    const d = cn ? cnNumber(m[3], false) : Number(m[3]);
    return y === null || mo === null || d === null ? null : ymdOf(y, mo, d);
  }
  return null;
}

/**
 * Why a text written as a date is no date, when it has a date's shape but the day does not exist ("2026-02-30" →
 * "2026年2月没有30日", "2026-13-01" → "一年没有13月"); null when it does not look like a date at all (the caller then
 * asks for the format). A clerk told "格式不对" about 2026-02-30 looks for a formatting mistake that is not there.
 */
export function impossibleDateReason(raw: string): string | null {
  const t = tidyDateText(raw);
  for (const p of DATE_PATTERNS) {
    if (p.year === 'none') continue;
    const m = p.re.exec(t);
    if (!m) continue;
    const cn = p.year === 'cn';
    const y = cnNumber(m[1], true);
    const mo = cn ? cnNumber(m[2], false) : Number(m[2]);
    const d = cn ? cnNumber(m[3], false) : Number(m[3]);
    if (y === null || mo === null || d === null) return null;
    if (mo < 1 || mo > 12) return `一年没有${mo}月`;
    if (d < 1) return `没有${d}日`;
    if (d > daysInMonth(y, mo)) return `${y}年${mo}月只有${daysInMonth(y, mo)}天，没有${d}日`;
    return null;
  }
  return null;
}

/** 2026-04, 2026/4, 2026.4, 2026年4月, 202604, or any full date (its month) → 'YYYY-MM'. */
export function parseMonthInput(raw: string, ctx?: YearContext): string | null {
  const t = halfWidth(raw).replace(/[。｡]/g, '.').trim();
  const m = /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*月?|(\d{2}))$/.exec(t);
  if (m) {
    const mo = Number(m[2] ?? m[3]);
    return mo >= 1 && mo <= 12 ? `${m[1]}-${pad2(mo)}` : null;
  }
  const d = parseDateInput(t, ctx);
  return d ? d.slice(0, 7) : null;
}
