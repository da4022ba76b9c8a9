// How a record's values read as text, derived from its FieldDef alone: the table's cells (renderer), and the quick
// search and sort order of the ledger query (main). One module, so what the search finds is what the table shows.
import { halfWidth, parseDateInput, parseMonthInput } from '../dates';
import type { Settings } from '../settings';
import { COMMON_FIELD_LABELS } from './types';
import type { FieldDef, LedgerDef, LedgerKey, LedgerRecord } from './types';

export interface Lookups {
  unitName: (id: string) => string;
  groupName: (key: string) => string;
  /** Title of a linked record, or undefined when it is not (yet) known or the caller may not read its ledger. */
  linkTitle: (ledger: LedgerKey, id: string) => string | undefined;
}

/** `links`: ledger → (record id → linkLabel). */
export function makeLookups(
  settings: Pick<Settings, 'units' | 'groups'>,
  links?: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Lookups {
  const units = new Map(settings.units.map((u) => [u.id, u.name]));
  const groups = new Map(settings.groups.map((g) => [g.key, g.name]));
  return {
    unitName: (id) => units.get(id) ?? id,
    groupName: (k) => groups.get(k) ?? k,
    linkTitle: (ledger, id) => links?.get(ledger)?.get(id),
  };
}

/** Text of a stored scalar; objects (never expected) show as JSON rather than [object Object]. */
export function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  if (v === undefined || v === null) return '';
  return JSON.stringify(v);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];
}

// Made once: toLocaleString builds a formatter on every call, which shows in a table of numbers. Made on first
// use: the first Chinese formatter loads ICU's locale data (about 10 ms), which a run showing no numbers skips.
let formats: { whole: Intl.NumberFormat; decimal: Intl.NumberFormat } | undefined;

/** 1,234 and 3.5 as the office reads them (the renderer's formatNumber does the same). */
function numberText(n: number): string {
  formats ??= {
    whole: new Intl.NumberFormat('zh-CN'),
    decimal: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }),
  };
  return (Number.isInteger(n) ? formats.whole : formats.decimal).format(n);
}

/** The text shown for a field's value in tables, search and read-only views. */
export function fieldText(f: Pick<FieldDef, 'type' | 'linkTo'>, v: unknown, lk: Lookups): string {
  if (v === undefined || v === null || v === '') return '';
  switch (f.type) {
    case 'int':
    case 'decimal':
      return typeof v === 'number' ? numberText(v) : str(v);
    case 'bool':
      return v === true ? '是' : v === false ? '否' : str(v);
    case 'multiChoice':
    case 'textList':
      return list(v).map(str).join('、');
    case 'unit':
      return lk.unitName(str(v));
    case 'units':
      return list(v)
        .map((x) => lk.unitName(str(x)))
        .join('、');
    case 'group':
      return lk.groupName(str(v));
    case 'link':
      return (f.linkTo && lk.linkTitle(f.linkTo, str(v))) ?? str(v);
    case 'links':
      return list(v)
        .map((x) => (f.linkTo && lk.linkTitle(f.linkTo, str(x))) ?? str(x))
        .join('、');
    default:
      return str(v);
  }
}

/** The name a record goes by in lists, links and the recycle bin. */
export function recordTitle(def: LedgerDef, r: Record<string, unknown>): string {
  const v = r[def.titleField];
  const t = Array.isArray(v) ? v.join('、') : v === undefined || v === null ? '' : str(v);
  return t || `${def.label}（${str(r.date)}）`;
}

/** How a linked record is named in the linking record's cell and picker: its title and date. */
export function linkLabel(def: LedgerDef, r: LedgerRecord): string {
  return `${recordTitle(def, r)}（${r.date}）`;
}

// ── Columns ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface LedgerColumn {
  key: string;
  label: string;
  /** Pseudo field used for formatting and sorting. */
  field: Pick<FieldDef, 'type' | 'linkTo' | 'confidential'>;
}

/** Every column a ledger table can show, in order: the date, the ledger's own fields (title and status first), then the common ones. */
export function ledgerColumns(def: LedgerDef): LedgerColumn[] {
  const rank = (f: FieldDef) => (f.key === def.titleField ? 0 : f.key === def.statusField ? 1 : 2);
  const own = [...def.fields]
    .sort((a, b) => rank(a) - rank(b))
    .map((f) => ({ key: f.key, label: f.label, field: f }));
  const common = (key: keyof typeof COMMON_FIELD_LABELS, type: FieldDef['type']): LedgerColumn => ({
    key,
    label: COMMON_FIELD_LABELS[key],
    field: { type },
  });
  return [
    { key: 'date', label: def.dateLabel, field: { type: 'date' } },
    ...own,
    common('unit', 'unit'),
    common('group', 'group'),
    common('remarks', 'textarea'),
    common('createdBy', 'text'),
    common('createdAt', 'text'),
    common('updatedBy', 'text'),
    common('updatedAt', 'text'),
  ];
}

/**
 * How a column sorts: numbers by value, dates and time stamps by their stored text (which orders them), everything
 * else by the text shown, in Chinese (pinyin) order.
 */
export function sortKind(c: LedgerColumn): 'number' | 'raw' | 'text' {
  const t = c.field.type;
  if (t === 'int' || t === 'decimal') return 'number';
  if (t === 'date' || t === 'month' || c.key === 'createdAt' || c.key === 'updatedAt') return 'raw';
  return 'text';
}

/** A column's sort key for one record (see sortKind); a missing or unreadable number sorts first. */
export function sortKey(c: LedgerColumn, r: LedgerRecord, lk: Lookups): number | string {
  const kind = sortKind(c);
  if (kind === 'number') {
    const n = Number(r[c.key] ?? -Infinity);
    return Number.isNaN(n) ? -Infinity : n;
  }
  if (kind === 'raw') return str(r[c.key]);
  return fieldText(c.field, r[c.key], lk);
}

// ── Quick search ─────────────────────────────────────────────────────────────────────────────────────────────

/** Types whose text is searched by the quick search box (besides the unit, the remarks and the dates). */
const SEARCHED = new Set<FieldDef['type']>([
  'text',
  'textarea',
  'textList',
  'choice',
  'multiChoice',
  'link',
  'links',
]);

/**
 * Lower-cased text of a record's text fields, choices, links, its unit's name and remarks. Confidential fields
 * (反映人) are never part of it, whoever searches: a match would tell a name the caller may not see.
 */
export function searchText(def: LedgerDef, r: LedgerRecord, lk: Lookups): string {
  const parts: string[] = [lk.unitName(str(r.unit)), str(r.remarks)];
  for (const f of def.fields)
    if (SEARCHED.has(f.type) && !f.confidential) parts.push(fieldText(f, r[f.key], lk));
  return parts.join('\u0001').toLowerCase();
}

/** The record's dates (its own date, then date and month fields) as `|2026-04-15|2026-05|`, for date terms. */
export function dateText(def: LedgerDef, r: LedgerRecord): string {
  let out = `|${str(r.date)}|`;
  for (const f of def.fields) {
    if ((f.type !== 'date' && f.type !== 'month') || f.confidential) continue;
    const v = r[f.key];
    if (typeof v === 'string' && v) out += `${v}|`;
  }
  return out;
}

export interface SearchTerm {
  /** Lower-cased, found anywhere in the search text. */
  text: string;
  /** When the term is a date written as people write it: what it matches in dateText. */
  date?: (dates: string) => boolean;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Reads a term typed into the search box as a date, the ways a Chinese office writes one: 2026-04-15, 2026.4.15,
 * 20260415, 2026年4月15日, 二〇二六年四月十五日 (that day); 4月15日 (that day in any year); 2026年4月, 2026-04
 * (that month); 4月 (that month in any year); 2026年 (that year).
 */
function dateProbe(term: string): SearchTerm['date'] {
  const t = halfWidth(term).replace(/\s+/g, '');
  const day = parseDateInput(t);
  if (day) return (d) => d.includes(`|${day}|`);
  let m = /^(\d{1,2})月(\d{1,2})[日号]?$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31) {
    const md = `-${pad2(Number(m[1]))}-${pad2(Number(m[2]))}|`;
    return (d) => d.includes(md);
  }
  if (/^\d{4}(年\d{1,2}月?|[-/.]\d{1,2}|\d{2})$/.test(t)) {
    const month = parseMonthInput(t);
    if (month) return (d) => d.includes(`|${month}`);
  }
  m = /^(\d{1,2})月份?$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) {
    const month = new RegExp(`\\|\\d{4}-${pad2(Number(m[1]))}[-|]`);
    return (d) => month.test(d);
  }
  m = /^(\d{4})年$/.exec(t);
  if (m) {
    const year = `|${m[1]}-`;
    return (d) => d.includes(year);
  }
  return undefined;
}

/** At most this many words of a query are used (a pasted paragraph does not make a slow query). */
const MAX_TERMS = 12;

/** The words of a quick search: each must match (its text, or for a date, a date of the record). */
export function searchTerms(q: string): SearchTerm[] {
  return q
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_TERMS)
    .map((text) => ({ text, date: dateProbe(text) }));
}

export function matchesTerms(terms: readonly SearchTerm[], text: string, dates: string): boolean {
  for (const t of terms) if (!text.includes(t.text) && !(t.date && t.date(dates))) return false;
  return true;
}
