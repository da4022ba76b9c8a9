// What the accounts, sign-in and policy modules share: the store's account collections, the unlocked key ring,
// the sessions, the audit trail and the clock. Built once by createSecurity().
import type { AuditTrail } from '../audit/audit-trail';
import { AppFailure } from '../shared/result';
import type { Logger, Store } from '../store';
import type { KdfParams } from './crypto';
import type { SealedRepo } from './sealed-repo';
import type { Sessions } from './sessions';
import type { SignInThrottle } from './throttle';
import type { UserRecord } from './users';
import { USERS_COLLECTION } from './users';
import type { KeyRing, VaultDoc } from './vault';
import { VAULT_COLLECTION, vaultActive, wrapKey } from './vault';

export interface SecurityCore {
  store: Store;
  ring: KeyRing;
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

/** Writes users and vault in one commit; `fn` runs inside the store's queue, so its checks see the current values. */
export async function commitAccounts(
  store: Store,
  fn: (users: readonly UserRecord[], vault: VaultDoc) => { users?: UserRecord[]; vault?: VaultDoc },
): Promise<void> {
  await store.updateMany((get) => {
    const out = fn(get<UserRecord[]>(USERS_COLLECTION), get<VaultDoc>(VAULT_COLLECTION));
    return {
      ...(out.users ? { [USERS_COLLECTION]: out.users } : {}),
      ...(out.vault ? { [VAULT_COLLECTION]: out.vault } : {}),
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
 * Wraps the unlocked data key for another holder. Works on a copy: the ring may lock (and zero its buffer) while
 * scrypt runs, and a wrap of zeros would silently cost that holder their clue access.
 */
export async function wrapRingKey(
  ring: KeyRing,
  what: string,
  secret: string,
  holder: string,
  kdf: KdfParams,
) {
  if (!ring.unlocked) {
    throw new AppFailure(
      'conflict',
      `线索密钥当前未解开，无法${what}：请由管理员或线索工作组成员重新登录后再试`,
    );
  }
  const dek = Buffer.from(ring.dataKey());
  try {
    return await wrapKey(dek, secret, holder, kdf);
  } finally {
    dek.fill(0);
  }
}
