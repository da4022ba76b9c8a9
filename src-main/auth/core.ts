// What the accounts, sign-in and policy modules share: the store's account collections, the unlocked key rings (clue
// data key, account-integrity key), the sessions, the audit trail and the clock. Built once by createSecurity().
import type { AuditTrail } from '../audit/audit-trail';
import { AppFailure } from '../shared/result';
import type { Logger, Store } from '../store';
import { keyedProblems, keylessProblems, refreshSeal } from './account-check';
import type { AccountGuard } from './account-guard';
import type { KdfParams } from './crypto';
import { newSalt } from './crypto';
import type { IntegrityDoc, IntegrityRing } from './integrity';
import { INTEGRITY_COLLECTION, sealAccounts, sealSelfKey, wrapIk } from './integrity';
import type { SealedRepo } from './sealed-repo';
import type { Sessions } from './sessions';
import type { SignInThrottle } from './throttle';
import type { UserRecord } from './users';
import { USERS_COLLECTION } from './users';
import type { KeyRing, VaultDoc, WrappedKey } from './vault';
import { deriveKek, VAULT_COLLECTION, vaultActive, wrapKeyWithKek } from './vault';

export interface SecurityCore {
  store: Store;
  ring: KeyRing;
  /** The account-integrity key, in memory from the first administrator sign-in of the process. */
  iring: IntegrityRing;
  guard: AccountGuard;
  sealed: SealedRepo;
  trail: AuditTrail;
  sessions: Sessions;
  throttle: SignInThrottle;
  kdf: KdfParams;
  now: () => Date;
  logger: Logger;
  sleep: (ms: number) => Promise<void>;
  /** Locks the vault when no signed-in account may open clues any more. */
  relockIfIdle(): void;
  /** Seals plain clue copies left in old backups and quarantined files (after migration, after strays). */
  sealLeftovers(): Promise<void>;
}

/** What one account change writes besides users.json and vault.json: the IK entries and the new self keys. */
export interface AccountWrite {
  users?: UserRecord[];
  vault?: VaultDoc;
  /** IK entries to set (by holder). */
  ik?: WrappedKey[];
  /** Holders whose IK entry goes (an administrator removed or no longer one). */
  dropIk?: string[];
  /** Self keys (crypto.hashPasswordWithSelfKey) of the accounts whose password this write sets; the caller wipes them. */
  self?: Record<string, Buffer>;
}

/**
 * Writes users, vault and the integrity record in one commit, the list re-sealed with the IK; `fn` runs inside the
 * store's queue, so its checks see the current values. Refused while the account list is not the app's own (only
 * the recovery code writes then) or while the IK is not in memory (no administrator signed in).
 */
export async function commitAccounts(
  core: Pick<SecurityCore, 'store' | 'iring' | 'guard'>,
  fn: (users: readonly UserRecord[], vault: VaultDoc) => AccountWrite,
): Promise<void> {
  const { store, iring } = core;
  await store.updateMany((get) => {
    const s = {
      users: get<UserRecord[]>(USERS_COLLECTION),
      vault: get<VaultDoc>(VAULT_COLLECTION),
      doc: get<IntegrityDoc>(INTEGRITY_COLLECTION),
    };
    if (!iring.unlocked) {
      throw new AppFailure('conflict', '账户完整性密钥当前未解开，无法修改账户：请由管理员重新登录后再试');
    }
    const problems = [...keylessProblems(s), ...keyedProblems(iring, s)];
    if (problems.length) throw core.guard.refusal(problems);
    const out = fn(s.users, s.vault);
    const users = out.users ?? s.users;
    const replaced = new Set([...(out.dropIk ?? []), ...(out.ik ?? []).map((k) => k.holder)]);
    const keys = [...s.doc.keys.filter((k) => !replaced.has(k.holder)), ...(out.ik ?? [])];
    // Password changes made while no administrator was signed in were checked just above: taken over here.
    const current = refreshSeal(iring, s)?.accounts ?? s.doc.accounts;
    const selfKeys = { ...(current?.selfKeys ?? {}) };
    for (const [id, k] of Object.entries(out.self ?? {})) {
      const u = users.find((x) => x.id === id);
      if (u) selfKeys[id] = sealSelfKey(iring, u, k);
    }
    const doc: IntegrityDoc = { ...s.doc, keys, accounts: sealAccounts(iring, users, keys, selfKeys) };
    return {
      ...(out.users ? { [USERS_COLLECTION]: out.users } : {}),
      ...(out.vault ? { [VAULT_COLLECTION]: out.vault } : {}),
      [INTEGRITY_COLLECTION]: doc,
    };
  });
}

export const usersOf = (store: Store) => store.get<UserRecord[]>(USERS_COLLECTION);
export const vaultOf = (store: Store) => store.get<VaultDoc>(VAULT_COLLECTION);

/** Accounts exist once an administrator was set up; a vault without users (users.json lost) still counts: fail closed. */
export function accountsEnabled(store: Store): boolean {
  return usersOf(store).length > 0 || vaultActive(vaultOf(store));
}

export function accountsProblem(store: Store): string | undefined {
  if (usersOf(store).length === 0 && vaultActive(vaultOf(store))) {
    return '账户数据缺失（users.json 丢失或被清空），而问题线索仍处于加密状态：请在命令行中从备份恢复数据（campaign-desk store restore）。';
  }
  return undefined;
}

export function keyEntryOf(store: Store, holder: string) {
  return vaultOf(store).keys.find((k) => k.holder === holder);
}

/**
 * Wraps the unlocked clue data key and/or the IK for `holder` with one scrypt of `secret` (same salt, so a sign-in
 * opens both with one). Works on copies: a ring may lock (and zero its buffer) while scrypt runs, and a wrap of
 * zeros would silently cost that holder their access.
 */
export async function wrapKeysFor(
  core: Pick<SecurityCore, 'ring' | 'iring' | 'kdf'>,
  what: string,
  secret: string,
  holder: string,
  want: { dek: boolean; ik: boolean },
): Promise<{ dek?: WrappedKey; ik?: WrappedKey }> {
  if (want.dek && !core.ring.unlocked) {
    throw new AppFailure(
      'conflict',
      `线索密钥当前未解开，无法${what}：请由管理员或线索工作组成员重新登录后再试`,
    );
  }
  if (want.ik && !core.iring.unlocked) {
    throw new AppFailure('conflict', `账户完整性密钥当前未解开，无法${what}：请由管理员重新登录后再试`);
  }
  if (!want.dek && !want.ik) return {};
  const dek = want.dek ? Buffer.from(core.ring.dataKey()) : null;
  const ik = want.ik ? Buffer.from(core.iring.raw()) : null;
  const kdf = { ...core.kdf, salt: newSalt() };
  try {
    const kek = await deriveKek(secret, kdf);
    try {
      return {
        ...(dek ? { dek: wrapKeyWithKek(dek, kek, holder, kdf) } : {}),
        ...(ik ? { ik: wrapIk(ik, kek, holder, kdf) } : {}),
      };
    } finally {
      kek.fill(0);
    }
  } finally {
    dek?.fill(0);
    ik?.fill(0);
  }
}
