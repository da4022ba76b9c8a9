// What an audit line may show of a record: confidential ledgers only their counting fields, confidential fields
// never, secrets never; an update keeps only the fields that changed.
import { PERSON_KEY, projectionKeys } from '../auth/projection';
import { LEDGERS } from '../shared/ledgers';
import type { LedgerKey } from '../shared/ledgers/types';

export const MASK = '***';
const SECRET_KEY = /password|passwd|hash|salt|secret|token|recovery|kdf/i;
/** Bookkeeping that changes on every edit, and the derived person pseudonym: not worth a line of the log's diff. */
const NOISE = new Set(['updatedAt', 'updatedBy', 'rev', PERSON_KEY]);
/** Staff names and timestamps, safe to show even for a confidential ledger. */
const SYSTEM = ['createdBy', 'updatedBy', 'deletedBy'];

const isLedger = (t: string): t is LedgerKey => Object.prototype.hasOwnProperty.call(LEDGERS, t);

function maskSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(maskSecrets);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, SECRET_KEY.test(k) ? MASK : maskSecrets(x)]),
  );
}

const present = (x: unknown) =>
  x !== undefined && x !== null && x !== '' && !(Array.isArray(x) && x.length === 0);

/** Masks one record-like value for `target` (a ledger key, 'settings', 'account'…). */
export function maskValue(target: string, value: unknown): unknown {
  if (!isLedger(target) || typeof value !== 'object' || value === null || Array.isArray(value))
    return maskSecrets(value);
  const def = LEDGERS[target];
  const hidden = new Set(def.fields.filter((f) => f.confidential).map((f) => f.key));
  const shown = def.confidential ? new Set([...projectionKeys(target), ...SYSTEM]) : null;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(value)) {
    if (k === PERSON_KEY) continue; // a pseudonym would let a reader of the log link clues about one person
    const hide = hidden.has(k) || (shown !== null && !shown.has(k)) || SECRET_KEY.test(k);
    out[k] = hide ? (present(x) ? MASK : x) : maskSecrets(x);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Masked before/after for the log line. With both sides, only changed keys are kept (diffed on the real values,
 * so a masked field that changed still shows as changed), and `changed` lists their labels for the detail text.
 */
export function maskChange(
  target: string,
  before: unknown,
  after: unknown,
): { before?: unknown; after?: unknown; changed?: string[] } {
  const obj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!obj(before) || !obj(after)) {
    return {
      ...(before !== undefined ? { before: maskValue(target, before) } : {}),
      ...(after !== undefined ? { after: maskValue(target, after) } : {}),
    };
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => !NOISE.has(k) && !same(before[k], after[k]),
  );
  const pick = (v: Record<string, unknown>) =>
    Object.fromEntries(keys.filter((k) => k in v).map((k) => [k, v[k]]));
  const labels = isLedger(target)
    ? new Map(LEDGERS[target].fields.map((f) => [f.key, f.label]))
    : new Map<string, string>();
  return {
    before: maskValue(target, pick(before)),
    after: maskValue(target, pick(after)),
    changed: keys.map((k) => labels.get(k) ?? k),
  };
}
