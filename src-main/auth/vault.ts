// The clue data key: wrapped once per authorized account (and once for the recovery code) in the 'vault'
// collection, and held unwrapped in memory only while the vault is unlocked.
import { hkdfSync, randomBytes } from 'node:crypto';
import type { KdfParams, Sealed, StoredKdf } from './crypto';
import { newSalt, open, scryptAsync, seal } from './crypto';

export const VAULT_COLLECTION = 'vault';
/** Holder id of the entry wrapped with the recovery code instead of a password. */
export const RECOVERY_HOLDER = 'recovery';

export interface WrappedKey extends Sealed {
  /** A user id, or RECOVERY_HOLDER. */
  holder: string;
  /** Salt and cost of the key-encryption key; a different salt from the login hash, so neither reveals the other. */
  kdf: StoredKdf;
}

export interface VaultDoc {
  version: 1;
  /** Set once, when the administrator was created and the clues moved in. */
  createdAt: string | null;
  keys: WrappedKey[];
  /**
   * Set only by 'demo:load' (and carried by that store's backups): the clear clue records here are the demo
   * generator's fake ones, so they may be viewed before accounts exist. It never lets anything write a clue in
   * clear: until the administrator exists every clue write is refused, demo store or not.
   */
  demo?: { loadedAt: string };
}

export const emptyVault = (): VaultDoc => ({ version: 1, createdAt: null, keys: [] });

/** True once the vault exists: clue records are then stored encrypted and need the data key. */
export const vaultActive = (doc: VaultDoc) => doc.keys.length > 0;

/** A store without accounts whose clear clues came from 'demo:load' (see VaultDoc.demo). */
export const isDemoVault = (doc: VaultDoc | undefined | null) =>
  !!doc && !vaultActive(doc) && typeof doc.demo?.loadedAt === 'string';

const wrapAad = (holder: string) => `campaign-desk/vault/v1/dek/${holder}`;

/** Wraps the data key with a key derived from `secret` (a password or the recovery code). */
export async function wrapKey(
  dek: Buffer,
  secret: string,
  holder: string,
  params: KdfParams,
): Promise<WrappedKey> {
  const kdf: StoredKdf = { ...params, salt: newSalt() };
  const kek = await scryptAsync(secret, kdf);
  try {
    return { holder, kdf, ...seal(kek, dek, wrapAad(holder)) };
  } finally {
    kek.fill(0);
  }
}

/** The data key, or null when the secret is wrong or the entry was tampered with (GCM authenticates both). */
export async function unwrapKey(entry: WrappedKey, secret: string): Promise<Buffer | null> {
  const kek = await scryptAsync(secret, entry.kdf);
  try {
    return open(kek, entry, wrapAad(entry.holder));
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export function withKey(doc: VaultDoc, entry: WrappedKey): VaultDoc {
  return { ...doc, keys: [...doc.keys.filter((k) => k.holder !== entry.holder), entry] };
}

export function withoutKey(doc: VaultDoc, holder: string): VaultDoc {
  return { ...doc, keys: doc.keys.filter((k) => k.holder !== holder) };
}

export const newDataKey = () => randomBytes(32);

/**
 * The unlocked data key and the sub-keys derived from it (HKDF), one per purpose, so the key that encrypts records
 * never also makes the pseudonyms that statistics count people by.
 */
export class KeyRing {
  private dek: Buffer | null = null;
  private sub = new Map<string, Buffer>();

  get unlocked(): boolean {
    return this.dek !== null;
  }

  /** Keeps its own copy; the caller may wipe the buffer it passed. */
  set(dek: Buffer): void {
    this.lock();
    this.dek = Buffer.from(dek);
  }

  /** The raw data key, for wrapping it for another holder. */
  dataKey(): Buffer {
    if (!this.dek) throw new Error('vault locked');
    return this.dek;
  }

  /** 'records' (AES-GCM of clue records), 'person' (HMAC pseudonyms), 'files' (sealed stray files). */
  key(purpose: 'records' | 'person' | 'files'): Buffer {
    if (!this.dek) throw new Error('vault locked');
    let k = this.sub.get(purpose);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', this.dek, Buffer.alloc(0), `campaign-desk/${purpose}/v1`, 32));
      this.sub.set(purpose, k);
    }
    return k;
  }

  /** Wipes the key material from memory (as far as JavaScript allows: Buffers are zeroed, not just dropped). */
  lock(): void {
    this.dek?.fill(0);
    for (const k of this.sub.values()) k.fill(0);
    this.dek = null;
    this.sub.clear();
  }
}

/** Structural check when the store opens or restores 'vault.json'. */
export function validateVault(value: unknown): VaultDoc {
  const v = value as Partial<VaultDoc> | null;
  if (typeof v !== 'object' || v === null || v.version !== 1 || !Array.isArray(v.keys)) {
    throw new Error('线索密钥数据格式不正确');
  }
  for (const k of v.keys as Partial<WrappedKey>[]) {
    if (
      typeof k?.holder !== 'string' ||
      typeof k.iv !== 'string' ||
      typeof k.tag !== 'string' ||
      typeof k.data !== 'string'
    ) {
      throw new Error('线索密钥数据格式不正确：有密钥条目不完整');
    }
    if (
      typeof k.kdf !== 'object' ||
      k.kdf === null ||
      typeof k.kdf.salt !== 'string' ||
      !Number.isInteger(k.kdf.N)
    ) {
      throw new Error('线索密钥数据格式不正确：密钥派生参数缺失');
    }
  }
  if (v.demo !== undefined && (typeof v.demo !== 'object' || typeof v.demo?.loadedAt !== 'string')) {
    throw new Error('线索密钥数据格式不正确：演示数据标记无效');
  }
  return value as VaultDoc;
}

/**
 * The key-encryption key of a wrapped entry, derived once so that one scrypt opens (or wraps) several keys of the same
 * holder: the clue data key here, and the account-integrity key of an administrator (src-main/auth/integrity.ts).
 * The caller wipes it.
 */
export function deriveKek(secret: string, kdf: StoredKdf): Promise<Buffer> {
  return scryptAsync(secret, kdf);
}

/** wrapKey() with a key-encryption key derived beforehand (deriveKek) under `kdf`. */
export function wrapKeyWithKek(dek: Buffer, kek: Buffer, holder: string, kdf: StoredKdf): WrappedKey {
  return { holder, kdf, ...seal(kek, dek, wrapAad(holder)) };
}

/** unwrapKey() with a key-encryption key derived beforehand; null when it does not open the entry. */
export function unwrapKeyWithKek(entry: WrappedKey, kek: Buffer): Buffer | null {
  try {
    return open(kek, entry, wrapAad(entry.holder));
  } catch {
    return null;
  }
}
