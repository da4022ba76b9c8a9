// How any ledger's values read on screen and in search, derived from its FieldDef alone (no ledger is special).
import { COMMON_FIELD_LABELS } from '../../../src-main/shared/ledgers/types';
import type { FieldDef, LedgerDef, LedgerKey, LedgerRecord } from '../../../src-main/shared/ledgers/types';
import type { Settings } from '../../../src-main/shared/settings';
import { formatNumber, formatStamp } from './format';

export interface Lookups {
  unitName: (id: string) => string;
  groupName: (key: string) => string;
  /** Title of a linked record, or undefined when it is not (yet) known. */
  linkTitle: (ledger: LedgerKey, id: string) => string | undefined;
}

export function makeLookups(settings: Settings, links?: Map<string, Map<string, string>>): Lookups {
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

/** The text shown for a field's value in tables, search and read-only views. */
export function fieldText(f: Pick<FieldDef, 'type' | 'linkTo'>, v: unknown, lk: Lookups): string {
  if (v === undefined || v === null || v === '') return '';
  switch (f.type) {
    case 'int':
    case 'decimal':
      return typeof v === 'number' ? formatNumber(v) : str(v);
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

export interface ColumnSpec {
  key: string;
  label: string;
  /** Pseudo field used for formatting and sorting. */
  field: Pick<FieldDef, 'type' | 'linkTo'>;
  width: number;
  defaultHidden: boolean;
  numeric: boolean;
}

const WIDTH: Partial<Record<FieldDef['type'], number>> = {
  date: 116,
  month: 96,
  int: 96,
  decimal: 100,
  bool: 72,
  choice: 140,
  textarea: 260,
  textList: 240,
  unit: 160,
  units: 220,
  group: 130,
};

/** Every column a ledger table can show: the date, the ledger's own fields, then the common ones. */
export function columnSpecs(def: LedgerDef): ColumnSpec[] {
  const own = def.fields.map<ColumnSpec>((f) => ({
    key: f.key,
    label: f.label,
    field: f,
    width: f.table?.width ?? WIDTH[f.type] ?? 160,
    defaultHidden: !!f.table?.hidden || f.type === 'textarea',
    numeric: f.type === 'int' || f.type === 'decimal',
  }));
  const common = (
    key: string,
    label: string,
    type: FieldDef['type'],
    hidden: boolean,
    width = 130,
  ): ColumnSpec => ({
    key,
    label,
    field: { type },
    width,
    defaultHidden: hidden,
    numeric: false,
  });
  // The title and the status come first: they are what a row is looked up by.
  const rank = (c: ColumnSpec) => (c.key === def.titleField ? 0 : c.key === def.statusField ? 1 : 2);
  own.sort((a, b) => rank(a) - rank(b));
  return [
    common('date', def.dateLabel, 'date', false, 116),
    ...own,
    common('unit', COMMON_FIELD_LABELS.unit, 'unit', false, 160),
    common('group', COMMON_FIELD_LABELS.group, 'group', false),
    common('remarks', COMMON_FIELD_LABELS.remarks, 'textarea', true, 200),
    common('createdBy', COMMON_FIELD_LABELS.createdBy, 'text', true, 100),
    common('createdAt', COMMON_FIELD_LABELS.createdAt, 'text', true, 150),
    common('updatedBy', COMMON_FIELD_LABELS.updatedBy, 'text', true, 110),
    common('updatedAt', COMMON_FIELD_LABELS.updatedAt, 'text', true, 150),
  ];
}

export function cellText(spec: ColumnSpec, r: LedgerRecord, lk: Lookups): string {
  if (spec.key === 'createdAt' || spec.key === 'updatedAt') return formatStamp(str(r[spec.key]));
  return fieldText(spec.field, r[spec.key], lk);
}

/** Types whose text is searched by the quick search box. */
const SEARCHED = new Set<FieldDef['type']>([
  'text',
  'textarea',
  'textList',
  'choice',
  'multiChoice',
  'link',
  'links',
]);

/** Lower-cased text of a record's text fields, its unit and remarks: built once per load, searched per key. */
export function searchText(def: LedgerDef, r: LedgerRecord, lk: Lookups): string {
  const parts: string[] = [lk.unitName(str(r.unit)), str(r.remarks)];
  for (const f of def.fields)
    if (SEARCHED.has(f.type) && !f.confidential) parts.push(fieldText(f, r[f.key], lk));
  return parts.join('\u0001').toLowerCase();
}
