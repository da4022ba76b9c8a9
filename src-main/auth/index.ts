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
import type { Logger, Store, StoreNotice } from '../store';
import { readBundle } from '../store/backup-files';
import { AppFailure } from '../shared/result';
import { keyedProblems, keylessProblems } from './account-check';
import { CHECK_ACTOR, createAccountGuard } from './account-guard';
import { createAccounts } from './accounts';
import type { Accounts } from './accounts';
import type { SecurityCore } from './core';
import { accountsEnabled, accountsProblem, usersOf, vaultOf } from './core';
import type { KdfParams } from './crypto';
import { DEFAULT_KDF } from './crypto';
import { sealLeftovers } from './leftovers';
import type { IntegrityDoc } from './integrity';
import { emptyIntegrity, INTEGRITY_COLLECTION, IntegrityRing } from './integrity';
import { createPolicy } from './policy';
import type { SecurityAuthorizer } from './policy';
import { isStray } from './projection';
import { CONFIDENTIAL_LEDGERS, createSealedRepo, needsAdmin } from './sealed-repo';
import { createRecovery } from './recovery';
import { Sessions } from './sessions';
import { createSignIn } from './sign-in';
import type { SignIn } from './sign-in';
import { SignInThrottle } from './throttle';
import type { UserRecord } from './users';
import { hasClueAccess, USERS_COLLECTION } from './users';
import { createVaultCheck } from './vault-check';
import type { VaultDoc } from './vault';
import { isDemoVault, KeyRing, VAULT_COLLECTION, vaultActive } from './vault';

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
  /**
   * Whether users.json and integrity.json are what the app wrote, one Chinese sentence per problem naming the file
   * and the account (with the account-integrity key too while an administrator's sign-in has it in memory); the
   * first time a problem is found it is written to the 操作日志. For `verify`.
   */
  verifyAccounts(): Promise<string[]>;
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
  /**
   * Start-up, once, before any door serves: checks every sealed bucket against its digest (no key needed) and
   * repairs from backups what a backup holds verbatim; the rest waits for the first unlock (GCM). Never throws.
   */
  checkVault(): Promise<void>;
  /**
   * What the sealed-bucket checks found and did, for the banner beside the store's notices and for `verify`; those
   * naming records (线索编号) only where `mayRead` allows that ledger (the banner passes the caller's policy).
   */
  notices(mayRead?: (ledger: LedgerKey) => boolean): StoreNotice[];
  /** Problems with the sealed buckets now (digests; GCM too while unlocked), one Chinese sentence each. */
  verifyVault(): Promise<string[]>;
  /**
   * For 'demo:load', inside its one write: the collections that mark this store as holding the demo's fake clues.
   * Refuses to mix demo clues into a store holding clues of its own (they would become viewable as "demo").
   */
  demoMark(get: <T>(c: string) => T, replace: boolean): Record<string, unknown>;
  close(): Promise<void>;
}

export function createSecurity(opts: SecurityOptions): Security {
  const { store, logger } = opts;
  const now = opts.now ?? (() => new Date());
  const ring = new KeyRing();
  // The account-integrity key: in memory from the first administrator sign-in until the process ends.
  const iring = new IntegrityRing();
  const trail = createAuditTrail({
    dataDir: opts.dataDir,
    now,
    logger,
    key: () => (iring.unlocked ? Buffer.from(iring.key('audit')) : null),
    keyed: () => !!store.get<IntegrityDoc>(INTEGRITY_COLLECTION).accounts,
    assertOwner: () => store.assertOwner(),
  });
  const guard = createAccountGuard({ store, iring, trail, logger });
  const checkCtx: CallContext = { door: 'internal', user: null, sessionId: 'account-check' };
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
    demo: () => !enabled() && isDemoVault(vaultOf(store)),
    afterUnlock: () => check.atUnlock(),
  });
  const check = createVaultCheck({ store, ring, logger, now, open: (l, e) => sealed.openEntry(l, e) });

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
    iring,
    guard,
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
  const recovery = createRecovery(core, signIn);
  const { authorize, policy, effectiveUser } = createPolicy({ accountsEnabled: enabled, sessions });

  const timer = setInterval(() => {
    sessions.sweep();
    core.relockIfIdle();
  }, opts.sweepIntervalMs ?? 30_000);
  timer.unref();

  function status(ctx: CallContext): AuthStatus {
    const user = enabled() ? effectiveUser(ctx) : null;
    const record = user ? usersOf(store).find((u) => u.id === user.id) : undefined;
    const tampered = enabled() ? guard.problems() : [];
    if (tampered.length) void guard.report(checkCtx);
    const problem = accountsProblem(store) ?? (tampered.length ? guard.refusal(tampered).message : undefined);
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
      ...createAuthHandlers({ security: { status }, signIn, accounts, recovery, effectiveUser }),
      ...createAuditHandlers({ trail }),
    },
    sessions: sessionApi,
    accounts,
    accountsEnabled: enabled,
    status,
    async verifyAccounts() {
      const problems = guard.problems();
      if (problems.length) await guard.report(checkCtx);
      return problems;
    },
    verifyAuditChain: () => trail.verify(),
    auditRows: (filter) => trail.rows(filter),
    async guardRestore(file) {
      const bundle = await readBundle(file);
      const users = bundle.collections[USERS_COLLECTION];
      const vault = bundle.collections[VAULT_COLLECTION] as VaultDoc | undefined;
      const withAccounts =
        (Array.isArray(users) && users.length > 0) ||
        (!!vault && Array.isArray(vault.keys) && vaultActive(vault));
      // Clue records in clear in the bundle: they would land in the data directory as they are.
      const clear = CONFIDENTIAL_LEDGERS.some((l) => {
        const rs = bundle.collections[ledgerCollection(l)];
        return Array.isArray(rs) && rs.some((r: LedgerRecord) => isStray(l, r));
      });
      if (enabled()) {
        if (!Array.isArray(users) || users.length === 0) {
          throw new AppFailure(
            'conflict',
            '该备份创建于启用账户之前，恢复它会关闭账户登录并使问题线索失去加密保护，已拒绝恢复',
          );
        }
        if (clear)
          throw new AppFailure('conflict', '该备份中有未加密的问题线索记录，恢复后会以明文存放，已拒绝恢复');
        // The backup's account list must be one the app wrote: checked like users.json at sign-in.
        const doc =
          (bundle.collections[INTEGRITY_COLLECTION] as IntegrityDoc | undefined) ?? emptyIntegrity();
        const s = {
          users: users as UserRecord[],
          vault: vault ?? { version: 1 as const, createdAt: null, keys: [] },
          doc,
        };
        const problems = [...keylessProblems(s), ...keyedProblems(iring, s)];
        if (problems.length) {
          await trail.recordAs(CHECK_ACTOR, checkCtx, {
            action: '账户数据被改动',
            target: 'store',
            detail: `拒绝恢复备份 ${file}：${problems.join('；')}`,
          });
          throw new AppFailure(
            'conflict',
            `该备份中的账户数据被改动（${problems.slice(0, 3).join('；')}），已拒绝恢复`,
            { problems },
          );
        }
        return;
      }
      // Before accounts: only a demo store's backup may bring clues in clear (the demo's fake ones).
      if (clear && !withAccounts && !isDemoVault(vault)) {
        throw needsAdmin(
          '该备份中有未加密的问题线索记录，恢复会把真实人员的姓名以明文写入数据目录：请先设置管理员（启用加密）；启用后，数据目录中的备份会自动加密',
        );
      }
    },
    afterRestore() {
      sessions.endAll('revoked');
      ring.lock();
      // The restored list is checked afresh; the key comes back with the next administrator sign-in.
      iring.lock();
      guard.reset();
      sealed.clear();
    },
    async sealPlainCopies() {
      const n = await sealed.sealStrays();
      if (n) await core.sealLeftovers();
      return n;
    },
    countingRecords: (ledger) => sealed.counting(ledger),
    cluesUnlocked: () => ring.unlocked,
    checkVault: () => check.atStart(),
    notices: (mayRead) => check.notices(mayRead),
    verifyVault: () => check.problems(),
    demoMark(get, replace) {
      const vault = get<VaultDoc>(VAULT_COLLECTION);
      if (vaultActive(vault)) throw new AppFailure('conflict', '已启用账户的数据目录不能载入演示数据');
      const own = CONFIDENTIAL_LEDGERS.some((l) => get<LedgerRecord[]>(ledgerCollection(l)).length > 0);
      if (!replace && own && !isDemoVault(vault)) {
        throw new AppFailure(
          'conflict',
          '数据目录中已有问题线索记录，不能与演示数据混在一起：请先设置管理员将其加密保存，或选择替换全部数据后再载入演示数据',
        );
      }
      return { [VAULT_COLLECTION]: { ...vault, demo: { loadedAt: now().toISOString() } } satisfies VaultDoc };
    },
    async close() {
      clearInterval(timer);
      // Lines still being written (a sign-out's) keep their tag: the keys go only after them.
      await trail.close();
      ring.lock();
      iring.lock();
      sealed.clear();
    },
  };
  return security;
}

export type { SecurityAuthorizer } from './policy';
export { securityCollectionSpecs } from './collections';
