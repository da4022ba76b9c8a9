// How any ledger's values read on screen, derived from its FieldDef alone (no ledger is special). The texts
// themselves come from src-main/shared/ledgers/record-text.ts, which the ledger query in main searches and sorts by.
import {
  fieldText,
  ledgerColumns,
  makeLookups,
  recordTitle,
  str,
} from '../../../src-main/shared/ledgers/record-text';
import type { LedgerColumn, Lookups } from '../../../src-main/shared/ledgers/record-text';
import type { FieldDef, LedgerDef, LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { formatStamp } from './format';

export { fieldText, makeLookups, recordTitle, str };
export type { Lookups };

export interface ColumnSpec extends LedgerColumn {
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

/** Widths of the common columns (the ledger's own fields take theirs from the type or the FieldDef). */
const COMMON: Record<string, { width: number; hidden: boolean }> = {
  date: { width: 116, hidden: false },
  unit: { width: 160, hidden: false },
  group: { width: 130, hidden: false },
  remarks: { width: 200, hidden: true },
  createdBy: { width: 100, hidden: true },
  createdAt: { width: 150, hidden: true },
  updatedBy: { width: 110, hidden: true },
  updatedAt: { width: 150, hidden: true },
};

/** Every column a ledger table can show: the date, the ledger's own fields, then the common ones. */
export function columnSpecs(def: LedgerDef): ColumnSpec[] {
  return ledgerColumns(def).map((c) => {
    const own = def.fields.find((f) => f.key === c.key);
    const common = own ? undefined : COMMON[c.key];
    return {
      ...c,
      width: own ? (own.table?.width ?? WIDTH[own.type] ?? 160) : (common?.width ?? 130),
      defaultHidden: own ? !!own.table?.hidden || own.type === 'textarea' : (common?.hidden ?? true),
      numeric: c.field.type === 'int' || c.field.type === 'decimal',
    };
  });
}

export function cellText(spec: ColumnSpec, r: LedgerRecord, lk: Lookups): string {
  if (spec.key === 'createdAt' || spec.key === 'updatedAt') return formatStamp(str(r[spec.key]));
  return fieldText(spec.field, r[spec.key], lk);
}
