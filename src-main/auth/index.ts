// createSecurity(): accounts, sessions, the access policy, the encrypted clue repository and the 操作日志, built
// once by the composition root. Everything the rest of the app needs from security comes out of this one call.
import { createAuditTrail } from '../audit/audit-trail';
import type { AuditFilter } from '../audit/audit-trail';
import { createAuditHandlers } from '../services/audit-handlers';
import { createAuthHandlers } from '../services/auth-handlers';
import { ledgerCollection } from '../services/ledger-service';
import type { AccessPolicy, AuditSink, RecordRepository } from '../services/service-context';
import { SETTINGS_COLLECTION } from '../services/settings-service';
import type { CallContext, Door, SessionUser } from '../shared/context';
import type { AuditRow, AuditVerifyResult, AuthStatus } from '../shared/contract/auth';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import type { Logger, Store } from '../store';
import { readBundle } from '../store/backup-files';
import { AppFailure } from '../shared/result';
import { createAccounts } from './accounts';
import type { Accounts } from './accounts';
import type { SecurityCore } from './core';
import { accountsEnabled, accountsProblem, usersOf } from './core';
import type { KdfParams } from './crypto';
import { DEFAULT_KDF } from './crypto';
import { sealLeftovers } from './leftovers';
import { createPolicy } from './policy';
import type { SecurityAuthorizer } from './policy';
import { createSealedRepo } from './sealed-repo';
import { Sessions } from './sessions';
import { createSignIn } from './sign-in';
import type { SignIn } from './sign-in';
import { SignInThrottle } from './throttle';
import { hasClueAccess, USERS_COLLECTION } from './users';
import { KeyRing } from './vault';

export interface SecurityOptions {
  store: Store;
  dataDir: string;
  logger: Logger;
  now?: () => Date;
  /** scrypt cost; tests pass a cheaper one. */
  kdf?: KdfParams;
  /** How a failed sign-in is held back; tests pass one that records instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** How often idle sessions are ended (and the vault relocked) without any call arriving; default 30 s. */
  sweepIntervalMs?: number;
}

export interface Security {
  policy: AccessPolicy;
  /** Pass as the router's `authorize` (structurally an Authorizer). */
  authorize: SecurityAuthorizer;
  audit: AuditSink;
  /** Wraps the plain repository: confidential ledgers are stored encrypted once accounts exist. Call once. */
  repo(plain: RecordRepository): RecordRepository;
  /** Handlers of authContract and auditContract. */
  handlers: ReturnType<typeof createAuthHandlers> & ReturnType<typeof createAuditHandlers>;
  sessions: {
    signIn(username: string, password: string, door: Door): ReturnType<SignIn['signIn']>;
    signOut(sessionId: string): boolean;
    /** The account behind a session id (null if none, expired, disabled or removed): what a door puts in ctx.user. */
    userFor(sessionId: string | undefined | null): SessionUser | null;
    /** A whole CallContext for a door: the session's user, or none. */
    contextFor(door: Door, sessionId: string | undefined | null, fallbackSessionId: string): CallContext;
  };
  accounts: Accounts;
  accountsEnabled(): boolean;
  status(ctx: CallContext): AuthStatus;
  verifyAuditChain(): Promise<AuditVerifyResult>;
  /** Audit rows for the Excel export of the log screen (same filter as 'audit:list', no paging). */
  auditRows(filter: AuditFilter): Promise<AuditRow[]>;
  /** Before 'store:restore': refuses a backup without accounts while accounts are in use (it would switch them off). */
  guardRestore(file: string): Promise<void>;
  /** After 'store:restore': ends every session and relocks (the restored accounts and keys may differ). */
  afterRestore(): void;
  /**
   * After anything that wrote clue records around the repository (today: 'demo:load'), while unlocked: seals the plain
   * copies now instead of at the next sign-in, and re-seals backups taken meanwhile. Returns how many were sealed.
   */
  sealPlainCopies(): Promise<number>;
  /**
   * What statistics should count: for a confidential ledger its clear projections (no names, same numbers whoever is
   * signed in; 处分人数 then counts `personKey`), for any other ledger the plain records. Recycled rows included.
   */
  countingRecords(ledger: LedgerKey): LedgerRecord[];
  /** Whether clue records can be decrypted right now (an admin or clue member is signed in). */
  cluesUnlocked(): boolean;
  close(): Promise<void>;
}

export function createSecurity(opts: SecurityOptions): Security {
  const { store, logger } = opts;
  const now = opts.now ?? (() => new Date());
  const ring = new KeyRing();
  const trail = createAuditTrail({ dataDir: opts.dataDir, now, logger });
  const lockMinutes = () => store.get<Settings>(SETTINGS_COLLECTION).lockMinutes ?? 15;
  const enabled = () => accountsEnabled(store);

  // The plain repository the composition root hands us; until then, the store's ledger collections directly.
  let plain: RecordRepository = {
    all: (ledger) => store.get<LedgerRecord[]>(ledgerCollection(ledger)),
    write: async (ledger, fn) => void (await store.update<LedgerRecord[]>(ledgerCollection(ledger), fn)),
  };
  const sealed = createSealedRepo({
    store,
    ring,
    logger,
    plain: { all: (l) => plain.all(l), write: (l, fn) => plain.write(l, fn) },
    active: () => enabled(),
  });

  // Sessions report their end to the sign-in module, which is built after them (it needs them too).
  let onEnd: SignIn['onEnd'] = () => undefined;
  const sessions = new Sessions({
    users: () => usersOf(store),
    lockMinutes,
    now,
    onEnd: (s, user, reason) => onEnd(s, user?.username, reason),
  });

  const core: SecurityCore = {
    store,
    ring,
    sealed,
    trail,
    sessions,
    throttle: new SignInThrottle({ now }),
    kdf: opts.kdf ?? DEFAULT_KDF,
    now,
    logger,
    sleep: opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
    relockIfIdle() {
      // Choice: the key stays in memory while at least one session of an account allowed to open clues is alive,
      // whichever door it came through; the last such session ending (sign-out, idle expiry, revoked) wipes it.
      if (!ring.unlocked) return;
      if (sessions.liveUsers().some((u) => hasClueAccess(u.role) && !u.disabled)) return;
      ring.lock();
      sealed.clear();
      logger.info('线索密钥已清除（没有可查看线索的账户在线）');
    },
    sealLeftovers: async () => void (await sealLeftovers(ring, store, logger)),
  };
  const signIn = createSignIn(core, lockMinutes);
  onEnd = (s, user, reason) => signIn.onEnd(s, user, reason);
  const accounts = createAccounts(core);
  const { authorize, policy, effectiveUser } = createPolicy({ accountsEnabled: enabled, sessions });

  const timer = setInterval(() => {
    sessions.sweep();
    core.relockIfIdle();
  }, opts.sweepIntervalMs ?? 30_000);
  timer.unref();

  function status(ctx: CallContext): AuthStatus {
    const user = enabled() ? effectiveUser(ctx) : null;
    const record = user ? usersOf(store).find((u) => u.id === user.id) : undefined;
    const problem = accountsProblem(store);
    return {
      accountsEnabled: enabled(),
      user,
      mustChangePassword: record?.mustChangePassword ?? false,
      lockMinutes: lockMinutes(),
      cluesUnlocked: ring.unlocked,
      ...(problem ? { problem } : {}),
    };
  }

  const sessionApi: Security['sessions'] = {
    signIn: (username, password, door) => signIn.signIn(username, password, door),
    signOut: (id) => signIn.signOut(id),
    userFor: (id) => sessions.userFor(id),
    contextFor: (door, id, fallback) => ({ door, user: sessions.userFor(id), sessionId: id || fallback }),
  };

  const security: Security = {
    policy,
    authorize,
    audit: trail.sink,
    repo(given) {
      plain = given;
      return sealed;
    },
    handlers: {
      ...createAuthHandlers({ security: { status }, signIn, accounts, effectiveUser }),
      ...createAuditHandlers({ trail }),
    },
    sessions: sessionApi,
    accounts,
    accountsEnabled: enabled,
    status,
    verifyAuditChain: () => trail.verify(),
    auditRows: (filter) => trail.rows(filter),
    async guardRestore(file) {
      if (!enabled()) return;
      const bundle = await readBundle(file);
      const users = bundle.collections[USERS_COLLECTION];
      if (!Array.isArray(users) || users.length === 0) {
        throw new AppFailure(
          'conflict',
          '该备份创建于启用账户之前，恢复它会关闭账户登录并使问题线索失去加密保护，已拒绝恢复',
        );
      }
    },
    afterRestore() {
      sessions.endAll('revoked');
      ring.lock();
      sealed.clear();
    },
    async sealPlainCopies() {
      const n = await sealed.sealStrays();
      if (n) await core.sealLeftovers();
      return n;
    },
    countingRecords: (ledger) => sealed.counting(ledger),
    cluesUnlocked: () => ring.unlocked,
    async close() {
      clearInterval(timer);
      ring.lock();
      sealed.clear();
      await trail.close();
    },
  };
  return security;
}

export type { SecurityAuthorizer } from './policy';
export { securityCollectionSpecs } from './collections';
