// Builds the zod schema of a ledger's editable record from its declarative definition and the current
// settings (choice lists, units, groups). Used by the router on every door, and by the form for messages.
// Every problem of a record is reported at once: the cross-field rules run even when some fields failed (on the
// fields that passed), so a clerk fixes a record in one round, in the drawer and in an import preview alike.
// Free text is cleaned of characters an .xlsx/.docx cannot hold (see xml-text.ts) rather than refused: they are
// invisible (pasted from Word or a broken file), so a clerk told about them could not find them to delete.
// recordSchemas() keeps the built schema per (ledger, settings object): building one costs as much as parsing
// dozens of records, and a bulk import used to build one per record.
import * as z from 'zod';
import { checkDate } from '../date-schemas';
import { isValidMonth } from '../dates';
import { cleanXmlText } from '../xml-text';
import type { FieldDef, LedgerDef } from './types';
import { choiceMeaningsOf, NO_RENAMES } from '../choice-meanings';
import type { ChoiceMeaningMap, ChoiceMeanings } from '../choice-meanings';

export interface SchemaContext {
  choiceLists: Record<string, string[]>;
  unitIds: string[];
  groupKeys: string[];
  /** Values already stored on the record being edited: a value removed from a list later stays valid. */
  previous?: Record<string, unknown>;
  /** What stored choices mean after renames in 设置 (cross-field rules ask by meaning); none renamed if absent. */
  meanings?: ChoiceMeanings;
}

function choiceSchema(f: FieldDef, ctx: SchemaContext): z.ZodType {
  const allowed = new Set(ctx.choiceLists[f.choiceList ?? ''] ?? []);
  const prev = ctx.previous?.[f.key];
  const keep = new Set<unknown>(Array.isArray(prev) ? prev : prev == null ? [] : [prev]);
  const ok = (v: string) => allowed.has(v) || keep.has(v);
  const hint = `${f.label}只能从列表中选择（${[...allowed].slice(0, 6).join('、')}${allowed.size > 6 ? '等' : ''}）`;
  return f.type === 'choice'
    ? z.string().refine(ok, { message: hint })
    : z.array(z.string()).refine((vs) => vs.every(ok), { message: hint });
}

function fieldSchema(f: FieldDef, ctx: SchemaContext): z.ZodType {
  const min = f.min ?? 0;
  const need = `${f.label}必须填写`;
  switch (f.type) {
    case 'text':
    case 'textarea':
      return z
        .string({ error: `${f.label}必须是文字` })
        .overwrite(cleanXmlText)
        .trim()
        .max(f.maxLength ?? 10000, `${f.label}不能超过${f.maxLength ?? 10000}字`);
    case 'date':
      return z.string({ error: need }).superRefine(checkDate(f.label));
    case 'month':
      return z.string({ error: need }).refine(isValidMonth, `${f.label}不是有效月份（格式：2026-04）`);
    case 'int':
      return z
        .number({ error: `${f.label}必须是数字` })
        .int(`${f.label}必须是整数`)
        .min(min, `${f.label}不能小于${min}`)
        .max(f.max ?? Number.MAX_SAFE_INTEGER, `${f.label}不能大于${f.max}`);
    case 'decimal':
      return z
        .number({ error: `${f.label}必须是数字` })
        .min(min, `${f.label}不能小于${min}`)
        .max(f.max ?? Number.MAX_SAFE_INTEGER, `${f.label}不能大于${f.max}`);
    case 'bool':
      return z.boolean({ error: `${f.label}只能是“是”或“否”` });
    case 'choice':
    case 'multiChoice':
      return choiceSchema(f, ctx);
    case 'textList':
      return z.array(z.string().overwrite(cleanXmlText).trim().min(1)).max(500);
    case 'unit':
      return z.string().refine((v) => ctx.unitIds.includes(v), `${f.label}不在单位列表中`);
    case 'units':
      return z
        .array(z.string())
        .refine((vs) => vs.every((v) => ctx.unitIds.includes(v)), `${f.label}含有不在单位列表中的单位`);
    case 'group':
      return z.string().refine((v) => ctx.groupKeys.includes(v), `${f.label}不是已设置的工作组`);
    case 'link':
      return z.string().min(1);
    case 'links':
      return z.array(z.string().min(1));
  }
}

/**
 * Blank input counts as absent, so a required field filled with spaces (or only with invisible characters the
 * cleaning removes) is still reported as missing.
 */
function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === 'string' && cleanXmlText(v).trim() === '') ||
    (Array.isArray(v) && v.length === 0)
  );
}

/** Schema of the user-editable part of a record: common fields plus the ledger's own. */
export function buildRecordSchema(def: LedgerDef, ctx: SchemaContext) {
  const shape: Record<string, z.ZodType> = {
    group: z.string().refine((v) => ctx.groupKeys.includes(v), '所属工作组不是已设置的工作组'),
    unit: z.string({ error: '单位必须选择' }).refine((v) => ctx.unitIds.includes(v), '单位不在单位列表中'),
    date: z.string({ error: `${def.dateLabel}必须填写` }).superRefine(checkDate(def.dateLabel)),
    remarks: z.string().overwrite(cleanXmlText).max(2000, '备注不能超过2000字').optional(),
  };
  for (const f of def.fields) {
    const s = fieldSchema(f, ctx);
    // Empty optional fields are stored as absent, so "" from a cleared input is not a validation error.
    shape[f.key] = f.required
      ? z.preprocess(
          (v) => (isEmpty(v) ? undefined : v),
          // abort: false — a missing field must not stop the cross-field rules below from reporting too.
          z.custom((v) => v !== undefined, { message: `${f.label}必须填写`, abort: false }).pipe(s),
        )
      : z.preprocess((v) => (isEmpty(v) ? undefined : v), s.optional());
  }
  return z
    .object(shape)
    .strict()
    .superRefine(
      (rec, payload) => {
        // A field that failed its own check is left out: a rule about it would only repeat the problem, and other
        // rules see it as not filled (the rules skip empty fields), so only real contradictions are added.
        const failed = new Set(payload.issues.map((i) => String(i.path?.[0] ?? '')));
        const usable = failed.size
          ? Object.fromEntries(Object.entries(rec).filter(([k]) => !failed.has(k)))
          : rec;
        for (const rule of def.rules ?? []) {
          if (rule.paths.some((p) => failed.has(p))) continue;
          if (!rule.test(usable, ctx.meanings ?? NO_RENAMES))
            payload.addIssue({ code: 'custom', path: [rule.paths[0]], message: rule.message });
        }
      },
      // By default zod skips object refinements once a field failed; every problem is wanted at once.
      { when: (p) => typeof p.value === 'object' && p.value !== null && !Array.isArray(p.value) },
    );
}

/** The parts of the settings a record schema depends on. */
export interface SchemaSettings {
  choiceLists: Record<string, string[]>;
  units: readonly { id: string }[];
  groups: readonly { key: string }[];
  choiceMeanings?: ChoiceMeaningMap;
}

export function schemaContextOf(settings: SchemaSettings): SchemaContext {
  return {
    choiceLists: settings.choiceLists,
    unitIds: settings.units.map((u) => u.id),
    groupKeys: settings.groups.map((g) => g.key),
    meanings: choiceMeaningsOf(settings),
  };
}

/** Schemas for records that keep removed choices, per set of kept values; beyond this the map starts over. */
const KEPT_VARIANTS = 32;

/**
 * The record schemas of one ledger under one set of settings, each built once. `previous` (the record being
 * updated) only widens choice fields: the schema for it is the plain one unless the record holds a choice since
 * removed from its list, which a look at its choice fields tells without building anything.
 */
export class RecordSchemas {
  readonly base: z.ZodType;
  private readonly choices: { key: string; allowed: ReadonlySet<string> }[];
  private readonly kept = new Map<string, z.ZodType>();
  private readonly copies = new WeakSet<z.ZodType>();
  private readonly vouched = new WeakSet<object>();

  constructor(
    readonly def: LedgerDef,
    private readonly ctx: SchemaContext,
  ) {
    this.base = buildRecordSchema(def, { ...ctx, previous: undefined });
    this.choices = def.fields
      .filter((f) => f.type === 'choice' || f.type === 'multiChoice')
      .map((f) => ({ key: f.key, allowed: new Set(ctx.choiceLists[f.choiceList ?? ''] ?? []) }));
  }

  /** The schema that validates an edit of `previous` (the plain one when previous keeps nothing removed). */
  for(previous?: Record<string, unknown>): z.ZodType {
    if (!previous) return this.base;
    let keep: Record<string, unknown[]> | null = null;
    for (const { key, allowed } of this.choices) {
      const v = previous[key];
      const vs: unknown[] = Array.isArray(v) ? v : v == null ? [] : [v];
      // Values still in the list change nothing; only those since removed are kept (choiceSchema's keep set).
      const gone = vs.filter((x) => typeof x !== 'string' || !allowed.has(x));
      if (gone.length) (keep ??= {})[key] = gone;
    }
    if (!keep) return this.base;
    const id = JSON.stringify(keep);
    let schema = this.kept.get(id);
    if (!schema) {
      if (this.kept.size >= KEPT_VARIANTS) this.kept.clear();
      schema = buildRecordSchema(this.def, { ...this.ctx, previous: keep });
      this.kept.set(id, schema);
    }
    return schema;
  }

  /** A fresh copy of the plain schema, the caller's own for one operation (an import memoizes its field checks). */
  copy(): z.ZodType {
    const schema = buildRecordSchema(this.def, { ...this.ctx, previous: undefined });
    this.copies.add(schema);
    return schema;
  }

  /**
   * Parses `input` with the plain schema or a copy() of it. A valid record comes back frozen and is remembered:
   * validating it again under the same settings (an import hands each record it read to the ledger service)
   * then costs a look-up instead of a second parse. Valid without `previous` means valid for any previous.
   */
  safeParse(input: unknown, schema: z.ZodType = this.base): ReturnType<z.ZodType['safeParse']> {
    if (schema !== this.base && !this.copies.has(schema)) throw new Error('不是本台账记录的校验规则');
    const parsed = schema.safeParse(input);
    if (parsed.success && typeof parsed.data === 'object' && parsed.data !== null) {
      freezeRecord(parsed.data);
      this.vouched.add(parsed.data);
    }
    return parsed;
  }

  /** True when `record` is a valid record that safeParse() returned (frozen since, so still as it was). */
  vouches(record: unknown): boolean {
    return typeof record === 'object' && record !== null && this.vouched.has(record);
  }
}

/** Freezes a parsed record and the lists in it (its values are plain: text, numbers, lists of text). */
function freezeRecord(value: object): void {
  Object.freeze(value);
  for (const v of Object.values(value) as unknown[]) if (typeof v === 'object' && v !== null) freezeRecord(v);
}

const cache = new WeakMap<object, Map<LedgerDef, RecordSchemas>>();

/**
 * The record schemas of `def` under `settings`, built once per (ledger, settings object). The store's settings
 * are deep-frozen, and an edit replaces the object, so the object is the key. Settings that are not frozen (a
 * caller's own, which it may still change) get fresh schemas every call: hold on to them for one operation.
 */
export function recordSchemas(def: LedgerDef, settings: SchemaSettings): RecordSchemas {
  if (!Object.isFrozen(settings)) return new RecordSchemas(def, schemaContextOf(settings));
  let perLedger = cache.get(settings);
  if (!perLedger) cache.set(settings, (perLedger = new Map<LedgerDef, RecordSchemas>()));
  let schemas = perLedger.get(def);
  if (!schemas) perLedger.set(def, (schemas = new RecordSchemas(def, schemaContextOf(settings))));
  return schemas;
}
