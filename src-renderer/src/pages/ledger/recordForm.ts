// Form values ↔ record payload, and validation messages for the form: the same schema main validates with.
import { choiceMeaningsOf } from '../../../../src-main/shared/choice-meanings';
import { buildRecordSchema } from '../../../../src-main/shared/ledgers/schema';
import type { SchemaContext } from '../../../../src-main/shared/ledgers/schema';
import type { LedgerDef, LedgerRecord } from '../../../../src-main/shared/ledgers/types';
import type { FieldIssue } from '../../../../src-main/shared/result';
import type { Settings } from '../../../../src-main/shared/settings';

export type FormValues = Record<string, unknown>;

/** Keys the user edits: the common ones, then the ledger's own. */
export function editableKeys(def: LedgerDef): string[] {
  return ['group', 'unit', 'date', 'remarks', ...def.fields.map((f) => f.key)];
}

export function schemaContext(settings: Settings, previous?: Record<string, unknown>): SchemaContext {
  return {
    choiceLists: settings.choiceLists,
    unitIds: settings.units.map((u) => u.id),
    groupKeys: settings.groups.map((g) => g.key),
    previous,
    meanings: choiceMeaningsOf(settings),
  };
}

export function initialValues(
  def: LedgerDef,
  settings: Settings,
  today: string,
  record?: LedgerRecord,
): FormValues {
  if (record) {
    const v: FormValues = {};
    for (const k of editableKeys(def)) v[k] = record[k];
    return v;
  }
  const v: FormValues = {
    group: settings.groups.some((g) => g.key === def.ownerGroup) ? def.ownerGroup : settings.groups[0]?.key,
    unit: settings.units.find((u) => u.active !== false)?.id,
    date: today,
  };
  for (const f of def.fields) if (f.type === 'bool') v[f.key] = false;
  return v;
}

function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && !v.length)
  );
}

/** What is sent to main: the editable keys that have a value. An update replaces the record's editable part,
 *  so leaving a cleared field out clears it. */
export function toPayload(def: LedgerDef, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of editableKeys(def)) if (!isEmpty(values[k])) out[k] = values[k];
  return out;
}

/** Client-side check with the shared schema; returns issues keyed by field, in the server's path shape. */
export function validate(def: LedgerDef, ctx: SchemaContext, payload: Record<string, unknown>): FieldIssue[] {
  const r = buildRecordSchema(def, ctx).safeParse(payload);
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    path: ['record', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: i.message,
  }));
}

/** Splits server or client issues into those a form field can show and the rest (shown above the form). */
export function splitIssues(
  def: LedgerDef,
  issues: FieldIssue[],
): { fields: { name: string; errors: string[] }[]; other: string[] } {
  const keys = new Set(editableKeys(def));
  const byField = new Map<string, string[]>();
  const other: string[] = [];
  for (const i of issues) {
    const path = i.path[0] === 'record' ? i.path.slice(1) : i.path;
    const k = String(path[0] ?? '');
    if (keys.has(k)) byField.set(k, [...(byField.get(k) ?? []), i.message]);
    else other.push(i.message);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })), other };
}
