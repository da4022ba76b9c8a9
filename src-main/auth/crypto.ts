// The only cryptography of the app: scrypt (passwords, key-encryption keys), AES-256-GCM (data key, clue records)
// and HMAC-SHA256 (the account list and the 操作日志).
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';

/**
 * scrypt cost. N=2^16, r=8 uses 64 MiB and takes ~0.2 s on the two-core reference machine; a sign-in of an
 * account that may open clues runs it twice, side by side (login check; the key-encryption key, which opens the
 * clue data key and, for an administrator, the account-integrity key too), well inside the 1 s budget.
 * Parameters are stored beside every hash, so raising them later only affects new hashes.
 */
export interface KdfParams {
  N: number;
  r: number;
  p: number;
}
export const DEFAULT_KDF: KdfParams = { N: 2 ** 16, r: 8, p: 1 };

/** A salted scrypt output as stored: everything needed to recompute it except the secret. */
export interface StoredKdf extends KdfParams {
  salt: string;
}

export interface PasswordHash extends StoredKdf {
  alg: 'scrypt';
  hash: string;
}

/** AES-256-GCM output; every field base64. */
export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

export const b64 = (b: Buffer) => b.toString('base64');
export const unb64 = (s: string) => Buffer.from(s, 'base64');

export function newSalt(): string {
  return b64(randomBytes(16));
}

export function scryptAsync(secret: string, k: StoredKdf, length = 32): Promise<Buffer> {
  // Node refuses scrypt above 32 MiB unless maxmem is raised; 128·N·r is what the algorithm needs.
  const maxmem = 256 * k.N * k.r * k.p + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFKC'), unb64(k.salt), length, { N: k.N, r: k.r, p: k.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string, params: KdfParams): Promise<PasswordHash> {
  return (await hashPasswordWithSelfKey(password, params)).hash;
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const self = await verifyPasswordWithSelfKey(password, stored);
  self?.fill(0);
  return self !== null;
}

/**
 * The same scrypt run as the login hash, 64 bytes long instead of 32: scrypt ends in PBKDF2-HMAC-SHA256, whose
 * output blocks are independent PRF outputs, so bytes 0–31 are exactly the stored hash (old hashes stay valid) and
 * bytes 32–63 are a second secret that only the password gives: the account's "self key". It certifies a password
 * change made while no administrator is signed in (src-main/auth/integrity.ts), at no extra cost.
 */
export async function hashPasswordWithSelfKey(
  password: string,
  params: KdfParams,
): Promise<{ hash: PasswordHash; self: Buffer }> {
  const k = { ...params, salt: newSalt() };
  const out = await scryptAsync(password, k, 64);
  return { hash: { alg: 'scrypt', ...k, hash: b64(out.subarray(0, 32)) }, self: out.subarray(32) };
}

/** The self key when the password is right, null when it is wrong. */
export async function verifyPasswordWithSelfKey(
  password: string,
  stored: PasswordHash,
): Promise<Buffer | null> {
  const want = unb64(stored.hash);
  const got = await scryptAsync(password, stored, want.length + 32);
  const ok = want.length === 32 && timingSafeEqual(got.subarray(0, 32), want);
  if (!ok) {
    got.fill(0);
    return null;
  }
  return got.subarray(32);
}

/** HMAC-SHA256 as hex, truncated to `bytes` (16 = 128 bits is plenty for a tag nobody can try offline). */
export function mac(key: Buffer, data: string, bytes = 16): string {
  return createHmac('sha256', key).update(data, 'utf8').digest().subarray(0, bytes).toString('hex');
}

/** Constant-time comparison of two hex tags. */
export function sameMac(a: string | undefined, b: string): boolean {
  if (typeof a !== 'string' || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function needsRehash(stored: KdfParams, params: KdfParams): boolean {
  return stored.N !== params.N || stored.r !== params.r || stored.p !== params.p;
}

/** Encrypts with a fresh 96-bit IV. `aad` binds the ciphertext to where it belongs (a record id, a user id). */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: b64(iv), tag: b64(cipher.getAuthTag()), data: b64(data) };
}

/** Decrypts and authenticates; throws if the key is wrong or a single byte was changed. */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, unb64(sealed.iv));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(unb64(sealed.tag));
  return Buffer.concat([decipher.update(unb64(sealed.data)), decipher.final()]);
}

export function isSealed(v: unknown): v is Sealed {
  const s = v as Partial<Sealed> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.iv === 'string' &&
    typeof s.tag === 'string' &&
    typeof s.data === 'string'
  );
}

/** Recovery code: 160 random bits as 32 Crockford base-32 characters in groups of four (easy to copy by hand). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function newRecoveryCode(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** What the user typed, made comparable: case, dashes, spaces and the look-alikes O/I/L folded away. */
export function normalizeRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
