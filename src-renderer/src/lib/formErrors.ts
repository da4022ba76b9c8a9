// Putting messages where they belong in the small account forms: the shared zod schema's issues and the server's
// answer at the field they name; whatever names no field comes back to be shown above the form.
import type { FormInstance } from 'antd';
import type { AppError } from '../../../src-main/shared/result';

type Path = (string | number)[];
interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

export interface FieldError {
  name: Path;
  errors: string[];
}

function group(issues: { path: Path; message: string }[]): FieldError[] {
  const by = new Map<string, FieldError>();
  for (const i of issues) {
    const k = JSON.stringify(i.path);
    const e = by.get(k) ?? { name: i.path, errors: [] };
    if (!e.errors.includes(i.message)) e.errors.push(i.message);
    by.set(k, e);
  }
  return [...by.values()];
}

const toPath = (p: readonly PropertyKey[]): Path => p.map((x) => (typeof x === 'symbol' ? String(x) : x));

/**
 * Checks values with a shared schema (anything with safeParse); shows its issues at the fields and returns false,
 * or returns the parsed data.
 */
export function checkWith<T>(
  form: FormInstance,
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
  },
  values: unknown,
): T | null {
  const r = schema.safeParse(values);
  if (r.success) return r.data;
  const fields = group(r.error.issues.map((i) => ({ path: toPath(i.path), message: i.message })));
  form.setFields(fields);
  return null;
}

/**
 * Shows a server refusal at the fields: its `details.issues` when present, else the field `guess` picks from the
 * message (the accounts service says 用户名… or 密码… without a path). Returns the message when no field took it.
 */
export function showServerError(
  form: FormInstance,
  error: AppError,
  guess: (message: string) => string | undefined,
  known: string[],
): string | null {
  const issues = (error.details?.issues ?? []).filter((i) => known.includes(String(i.path[0])));
  if (issues.length) {
    form.setFields(group(issues.map((i) => ({ path: [i.path[0]], message: i.message }))));
    return null;
  }
  const field = error.code === 'validation' || error.code === 'conflict' ? guess(error.message) : undefined;
  if (field && known.includes(field)) {
    form.setFields([{ name: field, errors: [error.message] }]);
    return null;
  }
  return error.message;
}

/** Seconds to wait from a refused sign-in: `details.retryAfterSeconds`, or the "请N秒后再试" in its message. */
export function retryAfter(error: AppError): number | null {
  const d = error.details?.retryAfterSeconds;
  if (typeof d === 'number' && d > 0) return Math.ceil(d);
  const m = /请(\d+)秒后再试/.exec(error.message);
  return m ? Number(m[1]) : null;
}
