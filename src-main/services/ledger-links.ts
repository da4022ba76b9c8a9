// Links between records: which records a record points to, and which live records point at a given one.
// A record that others point to cannot silently vanish; names are resolved at display time, so renaming a
// target never leaves a stale copy behind.
import { LEDGERS } from '../shared/ledgers';
import type { LedgerDef, LedgerKey, LedgerRecord } from '../shared/ledgers/types';

export interface LinkRef {
  ledger: LedgerKey;
  record: LedgerRecord;
  field: string;
}

function asIds(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Outgoing link targets of a record, by field: [{ field, ledger, ids }]. */
export function outgoingLinks(def: LedgerDef, record: Record<string, unknown>) {
  return def.fields
    .filter((f) => (f.type === 'link' || f.type === 'links') && f.linkTo)
    .map((f) => ({ field: f, ledger: f.linkTo as LedgerKey, ids: asIds(record[f.key]) }))
    .filter((l) => l.ids.length > 0);
}

/** Records (live only, unless includeDeleted) that point at `id` of `target`. */
export function incomingLinks(
  target: LedgerKey,
  id: string,
  get: (ledger: LedgerKey) => LedgerRecord[],
  includeDeleted = false,
): LinkRef[] {
  const refs: LinkRef[] = [];
  for (const def of Object.values(LEDGERS)) {
    const fields = def.fields.filter((f) => (f.type === 'link' || f.type === 'links') && f.linkTo === target);
    if (!fields.length) continue;
    for (const record of get(def.key)) {
      if (!includeDeleted && record.deletedAt) continue;
      for (const f of fields)
        if (asIds(record[f.key]).includes(id)) refs.push({ ledger: def.key, record, field: f.key });
    }
  }
  return refs;
}

/** "制度《…》等2条记录" — names the referrers in an error message. */
export function describeRefs(refs: LinkRef[]): string {
  const names = refs.slice(0, 3).map((r) => {
    const def = LEDGERS[r.ledger];
    const t = def ? r.record[def.titleField] : undefined;
    const title = typeof t === 'string' && t ? t : r.record.id;
    return `${def?.label ?? r.ledger}“${title}”`;
  });
  return `${names.join('、')}${refs.length > 3 ? `等${refs.length}条记录` : ''}`;
}
