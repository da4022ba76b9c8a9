// The counting projection of a confidential record: the fields statistics need and nothing that names a person.
// It is stored in clear beside the encrypted record, so indicators work for everyone while the vault is locked.
import { createHmac } from 'node:crypto';
import { ledgerDef } from '../shared/ledgers';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import { open, seal } from './crypto';

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
/**
 * The record's title (for clues its 线索编号), sealed on its own (AES-GCM, bound to the record id). It lives in the
 * clear file, apart from the sealed buckets, so that when a bucket is lost the records it held can still be named
 * to the clue group ("XS-2026-104 needs re-entering") once the vault is unlocked. Nobody else can read it.
 */
export const SEALED_TITLE = 'sealedTitle';

const keysCache = new Map<LedgerKey, Set<string>>();
export function projectionKeys(ledger: LedgerKey): Set<string> {
  let keys = keysCache.get(ledger);
  if (!keys) {
    keys = new Set([...BASE, ...(EXTRA[ledger] ?? []), PERSON_KEY, SEALED_TITLE]);
    keysCache.set(ledger, keys);
  }
  return keys;
}

/** Sub-keys a projection is made with: 'person' for the pseudonym, 'records' (optional) for the sealed title. */
export interface ProjectionKeys {
  person: Buffer;
  records?: Buffer;
}

const titleAad = (ledger: LedgerKey, id: string) => `campaign-desk/${ledger}/v1/title/${id}`;

/** iv.tag.data, base64: compact, since every projection carries one. */
export function sealTitle(key: Buffer, ledger: LedgerKey, id: string, title: string): string {
  const s = seal(key, Buffer.from(title, 'utf8'), titleAad(ledger, id));
  return `${s.iv}.${s.tag}.${s.data}`;
}

/** The title sealed in a projection, or undefined when there is none or it does not open (damaged, other key). */
export function openTitle(
  key: Buffer,
  ledger: LedgerKey,
  projection: Record<string, unknown>,
): string | undefined {
  const v = projection[SEALED_TITLE];
  if (typeof v !== 'string' || typeof projection.id !== 'string') return undefined;
  const [iv, tag, data] = v.split('.');
  if (!iv || !tag || data === undefined) return undefined;
  try {
    return open(key, { iv, tag, data }, titleAad(ledger, projection.id)).toString('utf8');
  } catch {
    return undefined;
  }
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

/**
 * The clear projection of a full record; `personKey` and the sealed title only when the keys to make them are at
 * hand (otherwise whatever the record already carries).
 */
export function project(
  ledger: LedgerKey,
  record: Record<string, unknown>,
  keys?: ProjectionKeys,
): LedgerRecord {
  const out: Record<string, unknown> = {};
  for (const k of projectionKeys(ledger))
    if (k !== PERSON_KEY && k !== SEALED_TITLE && record[k] !== undefined) out[k] = record[k];
  const pk = keys ? personKeyOf(record, keys.person) : (record[PERSON_KEY] as string | undefined);
  if (pk) out[PERSON_KEY] = pk;
  const title = record[ledgerDef(ledger).titleField];
  const st =
    keys?.records && typeof title === 'string' && typeof record.id === 'string'
      ? sealTitle(keys.records, ledger, record.id, title)
      : record[SEALED_TITLE];
  if (st !== undefined) out[SEALED_TITLE] = st;
  return out as LedgerRecord;
}

/** A record in the clear collection carrying more than its projection: written by a path that bypassed the vault. */
export function isStray(ledger: LedgerKey, record: Record<string, unknown>): boolean {
  const keys = projectionKeys(ledger);
  return Object.keys(record).some((k) => !keys.has(k));
}
