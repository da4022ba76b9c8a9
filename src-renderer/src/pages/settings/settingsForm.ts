// Checking and saving settings from a form: the shared SettingsSchema first, then main's answer, both at the field.
import type { FormInstance } from 'antd';
import type { FieldIssue } from '../../../../src-main/shared/result';
import { SettingsSchema } from '../../../../src-main/shared/settings';
import type { Settings } from '../../../../src-main/shared/settings';
import { call } from '../../api/client';

export interface SaveOutcome {
  saved?: Settings;
  /** First field path with a problem (for switching to its tab or step). */
  firstPath?: (string | number)[];
  message?: string;
}

function fieldPath(i: FieldIssue): (string | number)[] {
  return i.path[0] === 'settings' ? i.path.slice(1) : i.path;
}

export function showSettingsIssues(
  form: FormInstance,
  issues: FieldIssue[],
): (string | number)[] | undefined {
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const i of issues) {
    const name = fieldPath(i);
    const k = JSON.stringify(name);
    const e = byPath.get(k) ?? { name, errors: [] };
    e.errors.push(i.message);
    byPath.set(k, e);
  }
  const fields = [...byPath.values()];
  form.setFields(fields);
  if (fields[0]) form.scrollToField(fields[0].name, { block: 'center' });
  return fields[0]?.name;
}

/** Clears every message the form shows, before a new check. */
function clearErrors(form: FormInstance) {
  form.setFields(
    form
      .getFieldsError()
      .filter((f) => f.errors.length)
      .map((f) => ({ name: f.name, errors: [] })),
  );
}

export async function saveSettings(
  form: FormInstance,
  base: Settings,
  patch?: Partial<Settings>,
): Promise<SaveOutcome> {
  clearErrors(form);
  const values = form.getFieldsValue(true) as Partial<Settings>;
  const merged: Settings = { ...base, ...values, ...patch };
  const check = SettingsSchema.safeParse(merged);
  if (!check.success) {
    const issues = check.error.issues.map((i) => ({
      path: i.path as (string | number)[],
      message: i.message,
    }));
    return {
      firstPath: showSettingsIssues(form, issues),
      message: '设置中有需要修正的内容，已在对应位置标出。',
    };
  }
  const r = await call('settings:update', { settings: check.data });
  if (r.ok) return { saved: r.data };
  const issues = r.error.details?.issues ?? [];
  return {
    firstPath: issues.length ? showSettingsIssues(form, issues) : undefined,
    message: r.error.message,
  };
}
