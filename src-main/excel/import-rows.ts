// Turns the data rows of an import sheet into records: decode each mapped cell, validate the whole record with
// the ledger's schema, recognize duplicates (by def.dedupeKeys) against stored records and earlier rows.
import type { z } from 'zod';
import { closest } from '../shared/closest';
import { chineseDate } from '../shared/dates';
import type { ImportCellError, ImportRowPreview } from '../shared/contract/excel';
import { recordSchemas } from '../shared/ledgers/schema';
import type { RecordSchemas } from '../shared/ledgers/schema';
import type { LedgerDef, LedgerRecord } from '../shared/ledgers/types';
import { COMMON_FIELD_LABELS } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import type { ColumnSpec } from './columns';
import { normValue } from './columns';
import type { Lookups } from './codec';
import { DecodeError, decodeRaw, splitList } from './codec';
import { ColumnStrings, scalarText, toScalar } from './cell-value';
import { memoizeFields } from './memo-schema';

export interface MappedColumn {
  col: number;
  letter: string;
  /** Header text as written in the file. */
  header: string;
  spec: ColumnSpec;
}

export interface RowContext {
  def: LedgerDef;
  settings: Settings;
  lookups: Lookups;
  columns: MappedColumn[];
  existing: LedgerRecord[];
  onDuplicate: 'skip' | 'update';
  /** The unit of rows that name none (the sheet has no unit column): the return's, or the 填报单位 line's. */
  defaultUnit?: string;
  /** The file is this unit's return: a row of another unit is an error. */
  expectUnit?: string;
  /** …for this period: a row dated outside it is an error (it would be another period's record). */
  expectPeriod?: { from: string; to: string };
}

/** Shared by every clean row: 100,000 empty arrays are garbage the import does not need. */
const NO_ERRORS: ImportCellError[] = Object.freeze([]) as unknown as ImportCellError[];

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function editableKeys(def: LedgerDef): string[] {
  return ['group', 'unit', 'date', 'remarks', ...def.fields.map((f) => f.key)];
}

function dedupeValue(v: unknown): string {
  if (Array.isArray(v))
    return v
      .map((x) => normValue(String(x)))
      .sort()
      .join('|');
  return isEmpty(v) ? '' : normValue(String(v));
}

export function dedupeKey(def: LedgerDef, rec: Record<string, unknown>): string | null {
  if (!def.dedupeKeys.length) return null;
  const parts = def.dedupeKeys.map((k) => dedupeValue(rec[k]));
  return parts.some((p) => p === '') ? null : parts.join('\u0001');
}

/** Two 32-bit FNV-1a hashes folded into 53 bits: a false match among 100,000 keys is about one in a billion. */
export function hash53(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** Same stored value: empty forms alike, lists item by item (an update that changes nothing is no update). */
function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function fieldLabel(def: LedgerDef, key: string): string {
  if (key === 'date') return def.dateLabel;
  const common = (COMMON_FIELD_LABELS as Record<string, string>)[key];
  return def.fields.find((f) => f.key === key)?.label ?? common ?? key;
}

/** Processes rows one at a time (the sheet is streamed); keeps only the indexes duplicates need. */
export class RowProcessor {
  /** The ledger's schemas under these settings: the same set the ledger service validates with. */
  private readonly schemas: RecordSchemas;
  /** This import's own copy of the plain schema, memoized: the rows repeat their values. */
  private readonly schema: z.ZodType;
  private readonly byKey = new Map<string, MappedColumn>();
  private readonly existingByKey = new Map<string, LedgerRecord>();
  /** Earlier rows of the file by a 53-bit hash of their key: the keys themselves would hold ~15 MB at 100,000 rows. */
  private readonly seenInFile = new Map<number, number>();
  private readonly keys: string[];
  private readonly dedupeLabels: string;
  private readonly strings: ColumnStrings[];

  constructor(private readonly ctx: RowContext) {
    this.schemas = recordSchemas(ctx.def, ctx.settings);
    this.schema = memoizeFields(this.schemas.copy());
    for (const c of ctx.columns) if (!this.byKey.has(c.spec.key)) this.byKey.set(c.spec.key, c);
    for (const r of ctx.existing) {
      if (r.deletedAt) continue;
      const k = dedupeKey(ctx.def, r);
      if (k && !this.existingByKey.has(k)) this.existingByKey.set(k, r);
    }
    this.keys = editableKeys(ctx.def);
    this.strings = ctx.columns.map(() => new ColumnStrings());
    this.dedupeLabels = ctx.def.dedupeKeys.map((k) => fieldLabel(ctx.def, k)).join('、');
  }

  private unitName(id: unknown): string {
    return this.ctx.settings.units.find((u) => u.id === id)?.name ?? String(id);
  }

  /** Would writing `record` over `existing` change any field the import can set? */
  private unchanged(record: Record<string, unknown>, existing: LedgerRecord): boolean {
    for (const k of this.keys) if (!sameValue(record[k], existing[k])) return false;
    return true;
  }

  /** For a unit the list does not have, the nearest unit name (东湖乡纪委 → 东湖镇纪委), each item of a list. */
  private nearUnit(spec: ColumnSpec, said: string): string | undefined {
    if (spec.type !== 'unit' && spec.type !== 'units') return undefined;
    const names = this.ctx.settings.units.map((u) => u.name);
    const known = new Set(names.map(normValue));
    const items = spec.type === 'units' ? splitList(said) : [said];
    for (const item of items) {
      if (known.has(normValue(item))) continue;
      const near = closest(item, names, normValue);
      if (near) return near;
    }
    return undefined;
  }

  /** The value with its strings copied out of the reader's buffers (and shared when the column repeats them). */
  private own(i: number, v: unknown): unknown {
    if (typeof v === 'string') return this.strings[i].own(v);
    if (Array.isArray(v)) return v.map((x: unknown) => (typeof x === 'string' ? this.strings[i].own(x) : x));
    return v;
  }

  /** Returns null for a blank row (skipped silently, as people leave gaps in their sheets). */
  process(rowNumber: number, cell: (col: number) => unknown): ImportRowPreview | null {
    const { def, lookups, columns } = this.ctx;
    let errors: ImportCellError[] | null = null;
    const draft: Record<string, unknown> = {};
    let blank = true;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      const v = cell(c.col);
      if (v === undefined || v === null || v === '') continue;
      const d = decodeRaw(c.spec, v, lookups);
      if (d === undefined) continue;
      blank = false;
      if (d instanceof DecodeError)
        (errors ??= []).push({ row: rowNumber, column: c.letter, header: c.header, message: d.message });
      else draft[c.spec.key] = this.own(i, d);
    }
    if (blank) return null;

    const key = dedupeKey(def, draft);
    const hash = key ? hash53(key) : 0;
    const fileDup = key ? this.seenInFile.get(hash) : undefined;
    const existing = key && fileDup === undefined ? this.existingByKey.get(key) : undefined;
    if (key && fileDup === undefined) this.seenInFile.set(hash, rowNumber);

    // An update starts from the stored record: columns the file lacks (e.g. 反映人 left out of an export) keep
    // their stored values; a blank or unreadable cell in a column the file has leaves the field empty.
    let base: Record<string, unknown> = draft;
    if (existing && this.ctx.onDuplicate === 'update') {
      base = {};
      for (const k of this.keys) if (!this.byKey.has(k) && !isEmpty(existing[k])) base[k] = existing[k];
      Object.assign(base, draft);
    }
    if (isEmpty(base.unit) && this.ctx.defaultUnit) base.unit = this.ctx.defaultUnit;
    if (isEmpty(base.group)) base.group = existing?.group ?? def.ownerGroup;

    // A valid record comes back frozen and vouched for: the ledger service takes it at the commit without a
    // second parse. Values kept from before (a choice since removed from its list) are valid on a matching
    // record only, checked by that record's own schema.
    let parsed = this.schemas.safeParse(base, this.schema);
    if (!parsed.success && existing) {
      const kept = this.schemas.for(existing);
      if (kept !== this.schemas.base) parsed = kept.safeParse(base);
    }
    let record: Record<string, unknown> | undefined;
    if (parsed.success) {
      record = parsed.data as Record<string, unknown>;
      const expected = this.ctx.expectUnit;
      if (expected && record.unit !== expected) {
        const col = this.byKey.get('unit');
        (errors ??= []).push({
          row: rowNumber,
          column: col?.letter ?? '',
          header: col?.header ?? fieldLabel(def, 'unit'),
          message: `这一行的单位是“${this.unitName(record.unit)}”，不是本次报送的“${this.unitName(expected)}”：一份报送只能包含本单位的记录`,
        });
        record = undefined;
      }
      const period = this.ctx.expectPeriod;
      const date = record?.date;
      if (record && period && typeof date === 'string' && (date < period.from || date > period.to)) {
        const col = this.byKey.get('date');
        (errors ??= []).push({
          row: rowNumber,
          column: col?.letter ?? '',
          header: col?.header ?? def.dateLabel,
          message: `${def.dateLabel}“${date}”不在本次报送期间（${chineseDate(period.from)}至${chineseDate(period.to)}）内`,
        });
        record = undefined;
      }
    } else {
      const flagged = new Set((errors ?? []).map((e) => e.column));
      for (const issue of parsed.error.issues) {
        const k = String(issue.path[0] ?? '');
        const col = this.byKey.get(k);
        if (col && flagged.has(col.letter)) continue; // the decode message already says it better
        // A required column missing from the whole file is reported once for the file, not on every row.
        if (!col && base[k] === undefined && k !== '') continue;
        const said = col ? scalarText(toScalar(cell(col.col))) : '';
        let message =
          said && !issue.message.includes(said)
            ? `${issue.message}（填写的是“${said.slice(0, 30)}”）`
            : issue.message;
        const near = col && said ? this.nearUnit(col.spec, said) : undefined;
        if (near) message += `，是不是“${near}”？`;
        (errors ??= []).push({
          row: rowNumber,
          column: col?.letter ?? '',
          header: col?.header ?? fieldLabel(def, k),
          message,
        });
      }
    }

    const row: ImportRowPreview = { rowNumber, record, action: 'create', errors: errors ?? NO_ERRORS };
    if (fileDup !== undefined) {
      row.action = 'skip';
      row.duplicate = {
        of: 'file',
        row: fileDup,
        message: `与本文件第${fileDup}行重复（${this.dedupeLabels}相同），将跳过`,
      };
    } else if (existing && record && this.ctx.onDuplicate === 'update' && this.unchanged(record, existing)) {
      // Already stored exactly so: nothing to write, no new revision, not counted as 更新.
      row.action = 'skip';
      row.existingId = existing.id;
      row.duplicate = { of: 'existing', id: existing.id, message: '与已有记录完全相同，无需更新，将跳过' };
    } else if (existing) {
      const update = this.ctx.onDuplicate === 'update';
      row.action = update ? 'update' : 'skip';
      row.existingId = existing.id;
      row.duplicate = {
        of: 'existing',
        id: existing.id,
        message: `与已有记录重复（${this.dedupeLabels}相同），${update ? '将用本行内容更新该记录' : '将跳过'}`,
      };
    }
    return row;
  }
}
