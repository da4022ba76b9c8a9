// The counting projection of a confidential record: the fields statistics need and nothing that names a person.
// It is stored in clear beside the encrypted record, so indicators work for everyone while the vault is locked.
import { createHmac } from 'node:crypto';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';

/** Fields every projection keeps: identity of the row (not of a person), bookkeeping, the recycle-bin flag. */
const BASE = ['id', 'group', 'unit', 'date', 'status', 'rev', 'createdAt', 'updatedAt', 'deletedAt'];

/**
 * Per ledger, what statistics count. For clues: source, category, disposition, outcome, sanction, case filed and
 * their dates. Left out on purpose: reporter, the person's name, unit text, post and rank, summary, handler,
 * clue number and remarks — any of them alone or together can point to a person.
 */
const EXTRA: Partial<Record<LedgerKey, string[]>> = {
  clues: [
    'source',
    'category',
    'disposition',
    'dispositionDate',
    'outcome',
    'sanction',
    'caseFiled',
    'closedDate',
  ],
};

/** Opaque per-person key (HMAC of name and unit under a key derived from the data key): lets 处分人数 count people. */
export const PERSON_KEY = 'personKey';

const keysCache = new Map<LedgerKey, Set<string>>();
export function projectionKeys(ledger: LedgerKey): Set<string> {
  let keys = keysCache.get(ledger);
  if (!keys) {
    keys = new Set([...BASE, ...(EXTRA[ledger] ?? []), PERSON_KEY]);
    keysCache.set(ledger, keys);
  }
  return keys;
}

/** Same identity as the 处分人数 indicator uses (name and unit as typed), so counts agree locked or unlocked. */
export function personKeyOf(record: Record<string, unknown>, hmacKey: Buffer): string | undefined {
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  const name = text(record.personName);
  if (!name) return undefined;
  return createHmac('sha256', hmacKey)
    .update(`${name}\u0000${text(record.personUnit) ?? ''}`)
    .digest('base64url')
    .slice(0, 22);
}

/** The clear projection of a full record; `personKey` only when the key to make it is at hand. */
export function project(ledger: LedgerKey, record: Record<string, unknown>, hmacKey?: Buffer): LedgerRecord {
  const keys = projectionKeys(ledger);
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k !== PERSON_KEY && record[k] !== undefined) out[k] = record[k];
  const pk = hmacKey ? personKeyOf(record, hmacKey) : (record[PERSON_KEY] as string | undefined);
  if (pk) out[PERSON_KEY] = pk;
  return out as LedgerRecord;
}

/** A record in the clear collection carrying more than its projection: written by a path that bypassed the vault. */
export function isStray(ledger: LedgerKey, record: Record<string, unknown>): boolean {
  const keys = projectionKeys(ledger);
  return Object.keys(record).some((k) => !keys.has(k));
}
