// The Excel columns of a ledger, derived from its declarative definition: the same list drives the import
// template, the export and the import header matching, so an export always re-imports.
import type { FieldDef, FieldType, LedgerDef } from '../shared/ledgers/types';
import { COMMON_FIELD_LABELS } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import { halfWidth } from './cell-value';
import { textWidth } from './width';

export interface ColumnSpec {
  /** Record key ('date', 'unit', 'group', 'remarks' or a field key). */
  key: string;
  label: string;
  aliases: string[];
  type: FieldType;
  required: boolean;
  confidential: boolean;
  /** The values a list validation offers (choices, unit names, group names, 是/否). */
  choices?: string[];
  /** One line telling the user how to fill the column (note on the header cell). */
  hint: string;
  /** Excel column width (characters). */
  width: number;
  field?: FieldDef;
}

const TYPE_HINT: Partial<Record<FieldType, string>> = {
  date: '日期，如 2026-04-15',
  month: '月份，如 2026-04',
  int: '整数',
  decimal: '数字',
  bool: '填“是”或“否”',
  textList: '多项之间用顿号“、”分隔',
  multiChoice: '可多选，用顿号“、”分隔',
  units: '可填多个单位，用顿号“、”分隔',
  links: '填写所关联记录的系统编号，多个用顿号分隔',
  link: '填写所关联记录的系统编号',
};

function choicesOf(
  type: FieldType,
  choiceList: string | undefined,
  settings: Settings,
): string[] | undefined {
  switch (type) {
    case 'choice':
    case 'multiChoice':
      return settings.choiceLists[choiceList ?? ''] ?? [];
    case 'unit':
    case 'units':
      return settings.units.filter((u) => u.active !== false).map((u) => u.name);
    case 'group':
      return settings.groups.map((g) => g.name);
    case 'bool':
      return ['是', '否'];
    default:
      return undefined;
  }
}

function hintOf(spec: Omit<ColumnSpec, 'hint' | 'width'>, help?: string): string {
  const parts = [spec.required ? '必填' : '选填'];
  const typeHint = TYPE_HINT[spec.type];
  if (typeHint) parts.push(typeHint);
  if (spec.choices && spec.type !== 'bool') {
    const shown = spec.choices.slice(0, 8).join('、');
    parts.push(
      `${spec.type === 'multiChoice' || spec.type === 'units' ? '从' : '只能从'}下拉列表选择：${shown}${spec.choices.length > 8 ? '等' : ''}`,
    );
  }
  if (help) parts.push(help);
  return parts.join('；');
}

function widthOf(spec: Omit<ColumnSpec, 'hint' | 'width'>): number {
  const base = { date: 12, month: 10, int: 8, decimal: 9, bool: 6, textarea: 36, textList: 30 } as Partial<
    Record<FieldType, number>
  >;
  const longestChoice = Math.max(0, ...(spec.choices ?? []).slice(0, 30).map(textWidth));
  const w = Math.max(textWidth(spec.label) + 3, base[spec.type] ?? 14, Math.min(longestChoice + 2, 28));
  return Math.min(Math.ceil(w), 50);
}

function make(spec: Omit<ColumnSpec, 'hint' | 'width'>, help?: string): ColumnSpec {
  return {
    ...spec,
    hint: hintOf(spec, help),
    width: spec.field?.table?.width
      ? Math.max(widthOf(spec), Math.round(spec.field.table.width / 8))
      : widthOf(spec),
  };
}

/**
 * Columns in file order: the record's date, its unit, the ledger's own fields, the owning working group,
 * remarks. Confidential fields (反映人) are left out unless asked for.
 */
export function ledgerColumns(
  def: LedgerDef,
  settings: Settings,
  opts: { includeConfidential?: boolean } = {},
): ColumnSpec[] {
  const cols: ColumnSpec[] = [];
  const add = (
    s: Omit<ColumnSpec, 'hint' | 'width' | 'choices' | 'confidential'> & { confidential?: boolean },
    help?: string,
  ) => {
    cols.push(
      make({ confidential: false, ...s, choices: choicesOf(s.type, s.field?.choiceList, settings) }, help),
    );
  };
  add({ key: 'date', label: def.dateLabel, aliases: def.dateAliases ?? [], type: 'date', required: true });
  add({
    key: 'unit',
    label: COMMON_FIELD_LABELS.unit,
    aliases: ['所属单位', '填报单位', '单位名称'],
    type: 'unit',
    required: true,
  });
  for (const f of def.fields) {
    if (f.confidential && !opts.includeConfidential) continue;
    add(
      {
        key: f.key,
        label: f.label,
        aliases: f.aliases ?? [],
        type: f.type,
        required: !!f.required,
        confidential: !!f.confidential,
        field: f,
      },
      f.help,
    );
  }
  add(
    {
      key: 'group',
      label: COMMON_FIELD_LABELS.group,
      aliases: ['工作组', '责任工作组', '牵头工作组'],
      type: 'group',
      required: false,
    },
    '不填则归入本台账的默认工作组',
  );
  add({
    key: 'remarks',
    label: COMMON_FIELD_LABELS.remarks,
    aliases: ['说明', '备考'],
    type: 'textarea',
    required: false,
  });
  return cols;
}

/** Confidential fields left out of an export, for the note saying so. */
export function omittedConfidential(def: LedgerDef, includeConfidential?: boolean): FieldDef[] {
  return includeConfidential ? [] : def.fields.filter((f) => f.confidential);
}

/**
 * How a header or a choice is compared: half-width, no spaces or line breaks, no required marks (*, ※,
 * “必填”) and no trailing colon. "＊会议 名称（必填）" and "会议名称" are the same header.
 */
export function normHeader(text: string): string {
  return halfWidth(text)
    .replace(/\s+/g, '')
    .replace(/[(（[【]?(必填|必填项|选填|可选)[)）\]】]?/g, '')
    .replace(/^[*※★]+|[*※★]+$/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/** The header without a trailing parenthetical (“应到人数（人）” → “应到人数”), tried when the full one fails. */
export function stripParen(norm: string): string {
  return norm.replace(/\([^()]*\)$/, '');
}

/** Compares choice values and names leniently: half-width, no spaces; "推进会／调度会" equals "推进会/调度会". */
export function normValue(text: string): string {
  // Most cells hold only ASCII, CJK ideographs and CJK punctuation, which NFKC leaves alone: skip it there.
  let t = PLAIN.test(text) ? text : halfWidth(text);
  if (/\s/.test(t)) t = t.replace(/\s+/g, '');
  // toLowerCase copies every non-ASCII string even when nothing changes: only call it when it matters.
  return /[A-Z]/.test(t) ? t.toLowerCase() : t;
}
const PLAIN = /^[\x20-\x7e\u4e00-\u9fff\u3001-\u3002\u3008-\u3011\u3014-\u301b]*$/;

export type HeaderIndex = Map<string, ColumnSpec>;

/** Labels first, then aliases: a label always wins over another column's alias. */
export function headerIndex(cols: ColumnSpec[]): HeaderIndex {
  const idx: HeaderIndex = new Map();
  for (const c of cols) if (!idx.has(normHeader(c.label))) idx.set(normHeader(c.label), c);
  for (const c of cols) for (const a of c.aliases) if (!idx.has(normHeader(a))) idx.set(normHeader(a), c);
  return idx;
}

export function matchHeader(idx: HeaderIndex, text: string): ColumnSpec | undefined {
  const n = normHeader(text);
  if (!n) return undefined;
  return idx.get(n) ?? idx.get(stripParen(n));
}
