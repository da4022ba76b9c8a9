// Builds the zod schema of a ledger's editable record from its declarative definition and the current
// settings (choice lists, units, groups). Used by the router on every door, and by the form for messages.
// Every problem of a record is reported at once: the cross-field rules run even when some fields failed (on the
// fields that passed), so a clerk fixes a record in one round, in the drawer and in an import preview alike.
// Free text is cleaned of characters an .xlsx/.docx cannot hold (see xml-text.ts) rather than refused: they are
// invisible (pasted from Word or a broken file), so a clerk told about them could not find them to delete.
import { z } from 'zod';
import { isValidDate, isValidMonth } from '../dates';
import { cleanXmlText } from '../xml-text';
import type { FieldDef, LedgerDef } from './types';
import { NO_RENAMES } from '../choice-meanings';
import type { ChoiceMeanings } from '../choice-meanings';

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
      return z.string({ error: need }).refine(isValidDate, `${f.label}不是有效日期（格式：2026-04-15）`);
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
    date: z
      .string({ error: `${def.dateLabel}必须填写` })
      .refine(isValidDate, `${def.dateLabel}不是有效日期（格式：2026-04-15）`),
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
