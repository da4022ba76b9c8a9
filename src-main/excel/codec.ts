// Converts between a cell and a record value for each field type: unit and group NAMES ↔ ids, lists ↔
// "、"-joined text, dates ↔ real Excel dates. Import decoding and export encoding live side by side so they
// stay inverse to each other.
import type { Settings } from '../shared/settings';
import type { ColumnSpec } from './columns';
import { normValue } from './columns';
import type { Scalar, YearContext } from './cell-value';
import {
  detach,
  parseBoolText,
  parseDateText,
  parseMonthText,
  parseNumberText,
  scalarText,
  serialToYmd,
  toScalar,
  ymdToUtcDate,
} from './cell-value';
import { impossibleDateReason, isValidDate } from '../shared/dates';

export interface Lookups {
  unitId: Map<string, string>;
  unitName: Map<string, string>;
  groupKey: Map<string, string>;
  groupName: Map<string, string>;
  choice: Map<string, Map<string, string>>;
  year: YearContext;
  date1904: boolean;
}

export function buildLookups(settings: Settings, date1904 = false): Lookups {
  const unitId = new Map<string, string>();
  const groupKey = new Map<string, string>();
  // Names first so a unit whose name equals another's id still resolves by name.
  for (const u of settings.units) unitId.set(normValue(u.name), u.id);
  for (const u of settings.units) if (!unitId.has(normValue(u.id))) unitId.set(normValue(u.id), u.id);
  for (const g of settings.groups) groupKey.set(normValue(g.name), g.key);
  for (const g of settings.groups) if (!groupKey.has(normValue(g.key))) groupKey.set(normValue(g.key), g.key);
  const choice = new Map<string, Map<string, string>>();
  for (const [list, values] of Object.entries(settings.choiceLists)) {
    choice.set(list, new Map(values.map((v) => [normValue(v), v])));
  }
  return {
    unitId,
    unitName: new Map(settings.units.map((u) => [u.id, u.name])),
    groupKey,
    groupName: new Map(settings.groups.map((g) => [g.key, g.name])),
    choice,
    year: { start: settings.campaignStart, end: settings.campaignEnd },
    date1904,
  };
}

/** What a cell becomes: a value (undefined for an empty cell) or a Chinese message. */
export type Decoded = { value: unknown } | { error: string };

const LIST_SPLIT = /[、，；;\r\n]+/;
const LIST_SEP = /[、，；;\r\n]/;

/** Items of a list cell (the caller keeps its own copies: these may be slices of the reader's chunks). */
export function splitList(text: string): string[] {
  if (!LIST_SEP.test(text)) return [text.trim()];
  return text
    .split(LIST_SPLIT)
    .map((s) => s.trim())
    .filter(Boolean);
}

function quoted(s: Scalar): string {
  const t = scalarText(s);
  return `“${t.length > 30 ? `${t.slice(0, 30)}…` : t}”`;
}

function decodeNumber(col: ColumnSpec, s: Scalar): Decoded {
  if (s.kind === 'number') return { value: s.value };
  if (s.kind === 'text') {
    const n = parseNumberText(s.text);
    if (n.ok) return { value: n.value };
    return {
      error: `${col.label}${quoted(s)}${n.reason === '不是数字' ? '不是数字，请只填写数字（如 12）' : `：${n.reason}`}`,
    };
  }
  return { error: `${col.label}${quoted(s)}不是数字，请只填写数字（如 12）` };
}

function decodeDate(col: ColumnSpec, s: Scalar, lk: Lookups): Decoded {
  let d: string | null = null;
  if (s.kind === 'date') return { value: s.date }; // from a real date cell: always a valid calendar day
  if (s.kind === 'number') d = serialToYmd(s.value, lk.date1904);
  else if (s.kind === 'text') d = parseDateText(s.text, lk.year);
  if (d && isValidDate(d)) return { value: d };
  const impossible = s.kind === 'text' ? impossibleDateReason(s.text) : null;
  return impossible
    ? { error: `${col.label}${quoted(s)}这个日期不存在（${impossible}），请核对` }
    : { error: `${col.label}${quoted(s)}不是有效日期，请写成 2026-04-15 或 2026年4月15日` };
}

function decodeMonth(col: ColumnSpec, s: Scalar, lk: Lookups): Decoded {
  let m: string | null = null;
  if (s.kind === 'date') m = s.date.slice(0, 7);
  else if (s.kind === 'number')
    m =
      s.value >= 190001 && s.value <= 999912
        ? parseMonthText(String(s.value))
        : (serialToYmd(s.value, lk.date1904)?.slice(0, 7) ?? null);
  else if (s.kind === 'text') m = parseMonthText(s.text, lk.year);
  return m ? { value: m } : { error: `${col.label}${quoted(s)}不是有效月份，请写成 2026-04 或 2026年4月` };
}

/** Unit names and choices repeat on every row: their normalized forms are memoized. */
const normMemo = new Map<string, string>();
function normCached(text: string): string {
  let n = normMemo.get(text);
  if (n === undefined) {
    if (normMemo.size > 10_000) normMemo.clear();
    n = normValue(text);
    normMemo.set(detach(text), n);
  }
  return n;
}
const mapOr = (map: Map<string, string> | undefined, text: string) => map?.get(normCached(text)) ?? text;

/** A cell that cannot become a value of its column; carries the Chinese message. */
export class DecodeError {
  constructor(readonly message: string) {}
}

/**
 * Decodes a raw exceljs cell value: undefined for an empty cell, a DecodeError, or the value. Plain strings
 * and numbers (nearly every cell) take a path that allocates nothing but the result: at 100,000 rows the
 * garbage of per-cell wrapper objects is what drives the import's peak memory.
 */
export function decodeRaw(col: ColumnSpec, v: unknown, lk: Lookups): unknown {
  if (typeof v === 'string') {
    const t = v.trim();
    if (!t) return undefined;
    switch (col.type) {
      case 'text':
      case 'textarea':
      case 'link':
        return t;
      case 'choice':
        return mapOr(lk.choice.get(col.field?.choiceList ?? ''), t);
      case 'unit':
        return mapOr(lk.unitId, t);
      case 'group':
        return mapOr(lk.groupKey, t);
      case 'textList':
      case 'links':
        return splitList(t);
      default:
        break;
    }
  } else if (typeof v === 'number' && Number.isFinite(v)) {
    if (col.type === 'int' || col.type === 'decimal') return v;
    if (col.type === 'date') {
      const d = serialToYmd(v, lk.date1904);
      if (d) return d;
    }
  } else if (v === null || v === undefined) return undefined;
  const d = decodeCell(col, toScalar(v), lk);
  return 'error' in d ? new DecodeError(d.error) : d.value;
}

/** Decodes one non-empty cell for its column. Unknown choices, units and groups pass through as written so
 *  the record schema (which knows values kept from before) has the last word. */
export function decodeCell(col: ColumnSpec, s: Scalar, lk: Lookups): Decoded {
  if (s.kind === 'empty') return { value: undefined };
  if (s.kind === 'error')
    return { error: `${col.label}单元格是错误值 ${s.code}（公式出错），请改为实际内容` };
  const text = scalarText(s);
  switch (col.type) {
    case 'text':
    case 'textarea':
    case 'link':
      return { value: s.kind === 'text' ? s.text.trim() : text };
    case 'int':
    case 'decimal':
      return decodeNumber(col, s);
    case 'date':
      return decodeDate(col, s, lk);
    case 'month':
      return decodeMonth(col, s, lk);
    case 'bool': {
      if (s.kind === 'bool') return { value: s.value };
      const b = parseBoolText(text);
      return b === null ? { error: `${col.label}${quoted(s)}无法识别，请填写“是”或“否”` } : { value: b };
    }
    case 'choice':
      return { value: mapOr(lk.choice.get(col.field?.choiceList ?? ''), text) };
    case 'multiChoice':
      return { value: splitList(text).map((v) => mapOr(lk.choice.get(col.field?.choiceList ?? ''), v)) };
    case 'textList':
    case 'links':
      return { value: splitList(text) };
    case 'unit':
      return { value: mapOr(lk.unitId, text) };
    case 'units':
      return { value: splitList(text).map((v) => mapOr(lk.unitId, v)) };
    case 'group':
      return { value: mapOr(lk.groupKey, text) };
  }
}

/** Text of a stored value; records hold only strings, numbers, booleans and arrays of strings. */
function str(v: unknown): string {
  return typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : JSON.stringify(v);
}

function joinList(xs: unknown[], names?: Map<string, string>): string {
  let out = '';
  for (let i = 0; i < xs.length; i++) {
    const x = str(xs[i]);
    out += (i ? '、' : '') + (names?.get(x) ?? x);
  }
  return out;
}

/** The cell value an export writes for a record value. */
export function encodeCell(col: ColumnSpec, v: unknown, lk: Lookups): string | number | Date | null {
  if (v === undefined || v === null || v === '') return null;
  switch (col.type) {
    case 'date':
      return typeof v === 'string' && isValidDate(v) ? ymdToUtcDate(v) : str(v);
    case 'int':
    case 'decimal':
      return typeof v === 'number' ? v : str(v);
    case 'bool':
      return v === true ? '是' : v === false ? '否' : str(v);
    case 'unit':
      return lk.unitName.get(str(v)) ?? str(v);
    case 'group':
      return lk.groupName.get(str(v)) ?? str(v);
    case 'units':
      return Array.isArray(v) ? joinList(v, lk.unitName) : str(v);
    case 'multiChoice':
    case 'textList':
    case 'links':
      return Array.isArray(v) ? joinList(v) : str(v);
    default:
      return str(v);
  }
}
