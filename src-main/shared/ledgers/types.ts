// The declarative shape of a ledger (台账). One definition per ledger drives the validation schema, the form,
// the table columns, the detail view and the Excel import/export columns.
import type { ChoiceListKey, DefaultChoice } from '../choices';

import type { ChoiceMeanings } from '../choice-meanings';

export const LEDGER_KEYS = [
  'meetings',
  'tasks',
  'inspections',
  'studies',
  'writings',
  'materials',
  'rules',
  'clues',
  'rectifications',
  'publicity',
  'opinions',
  'bulletins',
] as const;
export type LedgerKey = (typeof LEDGER_KEYS)[number];

export type FieldType =
  | 'text'
  | 'textarea'
  | 'date' // YYYY-MM-DD
  | 'month' // YYYY-MM
  | 'int' // whole number ≥ min (default 0)
  | 'decimal' // number ≥ min (default 0)
  | 'bool'
  | 'choice' // one value from an editable choice list (settings.choiceLists[choiceList])
  | 'multiChoice' // several values from a choice list
  | 'textList' // a free list of strings (agenda items, contents studied)
  | 'unit' // id of one unit in settings.units
  | 'units' // ids of several units
  | 'group' // key of a working group in settings.groups
  | 'link' // id of one record in another ledger (linkTo)
  | 'links'; // ids of several records in another ledger (linkTo)

export interface FieldDef {
  key: string;
  /** Chinese label: form label, table header, Excel import/export header. */
  label: string;
  type: FieldType;
  required?: boolean;
  /** For choice / multiChoice: the key of the editable list in settings.choiceLists. */
  choiceList?: string;
  /** For link / links: the ledger pointed to. */
  linkTo?: LedgerKey;
  min?: number;
  max?: number;
  maxLength?: number;
  /** Other headers real spreadsheets use for this column (import matching). */
  aliases?: string[];
  /** Names a person who must be protected (e.g. 反映人): left out of exports unless asked, masked in logs. */
  confidential?: boolean;
  /** One-line help under the form field. */
  help?: string;
  /** Form section title; fields with the same section are grouped. */
  section?: string;
  /** Table hints. */
  table?: { width?: number; hidden?: boolean };
}

/**
 * Which options of a choice field mean the work is finished, named by meaning tag (the default label, see
 * choice-meanings.ts), so renaming 已完成 in 设置 keeps it done. Statistics and the task light read it.
 */
export type DoneMeaning = {
  [K in ChoiceListKey]: { field: string; list: K; tags: readonly DefaultChoice<K>[] };
}[ChoiceListKey];

/** A check across fields, e.g. "present ≤ expected". The message is shown at the first path. */
export interface CrossFieldRule {
  paths: string[];
  message: string;
  /**
   * Returns true when the record is fine. Runs on the fields that passed their own checks (a failed field is
   * left out, so every problem of a record is reported at once). `meanings` tells what
   * a stored choice means, so a rule about 已办结 or 党纪处分 holds after the office renames that option.
   */
  test: (record: Record<string, unknown>, meanings: ChoiceMeanings) => boolean;
}

export interface LedgerDef {
  key: LedgerKey;
  /** Chinese name, e.g. 会议. */
  label: string;
  /** Default owning working group key (settings.groups). */
  ownerGroup: string;
  /** Only users allowed to see confidential ledgers may open it (问题线索). */
  confidential: boolean;
  /** Label of the common `date` field for this ledger ("会议日期", "受理日期"). */
  dateLabel: string;
  /** Other headers real spreadsheets use for the common `date` column (import matching). */
  dateAliases?: string[];
  /** Field whose value names a record in lists and links. */
  titleField: string;
  /** Field shown as the status filter, if any. */
  statusField?: string;
  /** Which status options mean done (任务、整改、线索、舆情): one declaration for every count and light. */
  done?: DoneMeaning;
  fields: FieldDef[];
  rules?: CrossFieldRule[];
  /** Fields that together recognize the same record on re-import (duplicate detection). */
  dedupeKeys: string[];
}

/** Fields every record carries, whatever its ledger. */
export interface RecordBase {
  id: string;
  /** Owning working group key. */
  group: string;
  /** Unit id (settings.units); the commission's own office is a unit too. */
  unit: string;
  /** The date the record belongs to (YYYY-MM-DD). */
  date: string;
  remarks?: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  /** Revision number, incremented on every update; stale edits are refused. */
  rev: number;
  /** Set when moved to the recycle bin (回收站). */
  deletedAt?: string | null;
  deletedBy?: string | null;
}

export type LedgerRecord = RecordBase & Record<string, unknown>;

/** Labels of the common fields, shared by forms, tables and Excel headers. */
export const COMMON_FIELD_LABELS = {
  id: '编号(系统)',
  group: '所属工作组',
  unit: '单位',
  remarks: '备注',
  createdBy: '录入人',
  createdAt: '录入时间',
  updatedBy: '最后修改人',
  updatedAt: '最后修改时间',
} as const;
