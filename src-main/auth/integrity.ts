// The account-integrity key (IK): 32 random bytes per installation, wrapped for every administrator (with the same
// key-encryption key as their clue data key, so one scrypt opens both) and for the recovery code, and held in memory
// from the first administrator sign-in of the process until it exits. It MACs the account list (integrity.json keeps
// the list as the app last wrote it, per-record and whole-list tags) and the 操作日志 (src-main/audit).
// Members and clue-group users never hold it: whoever holds it could forge the account list.
import { hkdfSync, randomBytes } from 'node:crypto';
import { canonical } from '../audit/chain';
import type { Sealed, StoredKdf } from './crypto';
import { isSealed, mac, open, sameMac, seal } from './crypto';
import type { UserRecord } from './users';
import { validateUsers } from './users';
import type { WrappedKey } from './vault';
import { RECOVERY_HOLDER } from './vault';

export const INTEGRITY_COLLECTION = 'integrity';
export { RECOVERY_HOLDER };

/** A password change an account made for itself while no administrator was signed in (no IK in memory). */
export interface PendingChange {
  id: string;
  /** The account's record in users.json after the change. */
  record: UserRecord;
  /** mac(self key of the password before the change, the record): only that password could have made it. */
  cert: string;
  /** The self key of the new password, sealed with the old one, for the next administrator sign-in to take over. */
  next: Sealed;
}

export interface AccountSeal {
  /** users.json as the app last wrote it (before the pending changes below). */
  users: UserRecord[];
  /** Per account id: mac(IK, the record). */
  macs: Record<string, string>;
  /** mac(IK, the ids in order, their record tags and the holders of the IK). */
  mac: string;
  /** Per account id: the account's self key (see crypto.hashPasswordWithSelfKey) sealed with the IK. */
  selfKeys: Record<string, Sealed>;
  pending: PendingChange[];
}

export interface IntegrityDoc {
  version: 1;
  /** The IK wrapped per administrator (holder = user id) and for the recovery code (holder 'recovery'). */
  keys: WrappedKey[];
  /** Null until the administrator exists. */
  accounts: AccountSeal | null;
}

export const emptyIntegrity = (): IntegrityDoc => ({ version: 1, keys: [], accounts: null });

const ikAad = (holder: string) => `campaign-desk/integrity/v1/ik/${holder}`;
const selfAad = (id: string, salt: string) => `campaign-desk/integrity/v1/self/${id}/${salt}`;
const nextAad = (id: string, salt: string) => `campaign-desk/integrity/v1/next/${id}/${salt}`;

export const newIntegrityKey = () => randomBytes(32);

/** Wraps the IK with a key-encryption key already derived for this holder (vault.deriveKek, same `kdf`). */
export function wrapIk(ik: Buffer, kek: Buffer, holder: string, kdf: StoredKdf): WrappedKey {
  return { holder, kdf, ...seal(kek, ik, ikAad(holder)) };
}

/** The IK, or null when the key does not open the entry (wrong secret, or an entry made for someone else). */
export function unwrapIk(entry: WrappedKey, kek: Buffer): Buffer | null {
  try {
    return open(kek, entry, ikAad(entry.holder));
  } catch {
    return null;
  }
}

export const ikEntryOf = (doc: IntegrityDoc, holder: string) => doc.keys.find((k) => k.holder === holder);

/** The IK in memory and the keys derived from it, one per purpose. Never written anywhere. */
export class IntegrityRing {
  private ik: Buffer | null = null;
  private sub = new Map<string, Buffer>();

  get unlocked(): boolean {
    return this.ik !== null;
  }

  /** Keeps its own copy. */
  set(ik: Buffer): void {
    this.lock();
    this.ik = Buffer.from(ik);
  }

  /** True when `ik` is the key already held (an entry that opens to another key was made by someone else). */
  holds(ik: Buffer): boolean {
    return this.ik !== null && this.ik.equals(ik);
  }

  /** The raw IK, for wrapping it for a new administrator. */
  raw(): Buffer {
    if (!this.ik) throw new Error('integrity key locked');
    return this.ik;
  }

  key(purpose: 'accounts' | 'audit' | 'self'): Buffer {
    if (!this.ik) throw new Error('integrity key locked');
    let k = this.sub.get(purpose);
    if (!k) {
      k = Buffer.from(
        hkdfSync('sha256', this.ik, Buffer.alloc(0), `campaign-desk/integrity/${purpose}/v1`, 32),
      );
      this.sub.set(purpose, k);
    }
    return k;
  }

  lock(): void {
    this.ik?.fill(0);
    for (const k of this.sub.values()) k.fill(0);
    this.ik = null;
    this.sub.clear();
  }
}

export const recordMac = (key: Buffer, u: UserRecord) => mac(key, `user\n${canonical(u)}`);

function listMac(
  key: Buffer,
  users: readonly UserRecord[],
  macs: Record<string, string>,
  keys: WrappedKey[],
) {
  const holders = keys.map((k) => k.holder).sort();
  return mac(key, `list\n${canonical({ ids: users.map((u) => [u.id, macs[u.id] ?? null]), holders })}`);
}

/** The seal of an account list as the app writes it now: copy, tags, self keys. */
export function sealAccounts(
  ring: IntegrityRing,
  users: readonly UserRecord[],
  keys: WrappedKey[],
  selfKeys: Record<string, Sealed>,
): AccountSeal {
  const k = ring.key('accounts');
  const macs = Object.fromEntries(users.map((u) => [u.id, recordMac(k, u)]));
  const ids = new Set(users.map((u) => u.id));
  return {
    users: [...users],
    macs,
    mac: listMac(k, users, macs, keys),
    selfKeys: Object.fromEntries(Object.entries(selfKeys).filter(([id]) => ids.has(id))),
    pending: [],
  };
}

/** Whether the whole seal (list, order, IK holders) is what the app wrote. */
export function listMacOk(ring: IntegrityRing, seal: AccountSeal, keys: WrappedKey[]): boolean {
  const k = ring.key('accounts');
  const macs = Object.fromEntries(seal.users.map((u) => [u.id, recordMac(k, u)]));
  return (
    seal.users.every((u) => sameMac(seal.macs[u.id], macs[u.id])) &&
    sameMac(seal.mac, listMac(k, seal.users, macs, keys))
  );
}

export const recordMacOk = (ring: IntegrityRing, seal: AccountSeal | null, u: UserRecord) =>
  !!seal && sameMac(seal.macs[u.id], recordMac(ring.key('accounts'), u));

export function sealSelfKey(ring: IntegrityRing, u: UserRecord, self: Buffer): Sealed {
  return seal(ring.key('self'), self, selfAad(u.id, u.password.salt));
}

/** The account's current self key, from the seal (null when missing or made for another password). */
export function openSelfKey(ring: IntegrityRing, seal: AccountSeal, u: UserRecord): Buffer | null {
  const s = seal.selfKeys[u.id];
  if (!s) return null;
  try {
    return open(ring.key('self'), s, selfAad(u.id, u.password.salt));
  } catch {
    return null;
  }
}

/** A self-made password change while the IK is not in memory: certified by the password it replaces. */
export function pendingChange(record: UserRecord, oldSelf: Buffer, newSelf: Buffer): PendingChange {
  return {
    id: record.id,
    record,
    cert: mac(oldSelf, `pending\n${canonical(record)}`, 32),
    next: seal(oldSelf, newSelf, nextAad(record.id, record.password.salt)),
  };
}

/** The next self key when `p` was made with `oldSelf`, else null. */
export function openPending(p: PendingChange, oldSelf: Buffer): Buffer | null {
  if (!sameMac(p.cert, mac(oldSelf, `pending\n${canonical(p.record)}`, 32))) return null;
  try {
    return open(oldSelf, p.next, nextAad(p.record.id, p.record.password.salt));
  } catch {
    return null;
  }
}

/** users.json as it should read: the sealed list with the pending changes applied in order. */
export function expectedUsers(seal: AccountSeal): UserRecord[] {
  let users = seal.users;
  for (const p of seal.pending) users = users.map((u) => (u.id === p.id ? p.record : u));
  return users;
}

function isWrapped(k: unknown): k is WrappedKey {
  if (!isSealed(k)) return false;
  const w = k as Partial<WrappedKey>;
  return (
    typeof w.holder === 'string' &&
    typeof w.kdf === 'object' &&
    w.kdf !== null &&
    typeof w.kdf.salt === 'string' &&
    Number.isInteger(w.kdf.N)
  );
}

/** Structural check when the store opens or restores 'integrity.json'; what the content means is checked by sign-in. */
export function validateIntegrity(value: unknown): IntegrityDoc {
  const v = value as Partial<IntegrityDoc> | null;
  const bad = (why: string) => new Error(`账户完整性数据格式不正确：${why}`);
  if (typeof v !== 'object' || v === null || v.version !== 1 || !Array.isArray(v.keys))
    throw bad('缺少版本或密钥');
  if (!v.keys.every(isWrapped)) throw bad('有密钥条目不完整');
  const a = v.accounts as Partial<AccountSeal> | null | undefined;
  if (a !== null) {
    if (
      typeof a !== 'object' ||
      !Array.isArray(a.users) ||
      typeof a.mac !== 'string' ||
      typeof a.macs !== 'object' ||
      a.macs === null ||
      typeof a.selfKeys !== 'object' ||
      a.selfKeys === null ||
      !Array.isArray(a.pending)
    ) {
      throw bad('账户列表的校验记录不完整');
    }
    validateUsers(a.users);
    const pendingOk = (p: Partial<PendingChange>) =>
      typeof p?.id === 'string' && typeof p.cert === 'string' && isSealed(p.next);
    if (!a.pending.every(pendingOk)) throw bad('有待核对的密码修改记录不完整');
    validateUsers(a.pending.map((p: PendingChange) => p.record));
  }
  return value as IntegrityDoc;
}
