// The only cryptography of the app: scrypt (passwords, key-encryption keys) and AES-256-GCM (data key, clue records).
import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost. N=2^16, r=8 uses 64 MiB and takes ~0.2 s on the two-core reference machine; a sign-in of an
 * authorized user runs it twice (login check, then the key-encryption key), ~0.45 s, inside the 1 s budget.
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
  const k = { ...params, salt: newSalt() };
  return { alg: 'scrypt', ...k, hash: b64(await scryptAsync(password, k)) };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  const want = unb64(stored.hash);
  const got = await scryptAsync(password, stored, want.length);
  return got.length === want.length && timingSafeEqual(got, want);
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
