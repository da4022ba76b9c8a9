// A small app for the security tests: the real store in a temp dir, createSecurity, the real ledger and settings
// services, and the real router for contract channels (auth/audit fragments go through the same steps until the
// lead merges them into the contract). A movable clock and a recording sleep keep the slow-down tests fast.
import { collectionSpecs, SCHEMA_VERSION } from '../../../src-main/app/collections';
import { silentLogger } from '../../../src-main/app/logger';
import { createSecurity } from '../../../src-main/auth';
import type { Security } from '../../../src-main/auth';
import type { KdfParams } from '../../../src-main/auth/crypto';
import { createRouter, validationError, zodIssues } from '../../../src-main/router/router';
import { createLedgerService, ledgerCollection } from '../../../src-main/services/ledger-service';
import type { LedgerService } from '../../../src-main/services/ledger-service';
import type { RecordRepository, ServiceContext } from '../../../src-main/services/service-context';
import { createSettingsService, SETTINGS_COLLECTION } from '../../../src-main/services/settings-service';
import type { CallContext, Door } from '../../../src-main/shared/context';
import { contract } from '../../../src-main/shared/contract';
import type { Handlers } from '../../../src-main/shared/contract';
import { auditContract, authContract } from '../../../src-main/shared/contract/auth';
import type { ChannelDef } from '../../../src-main/shared/contract/channel';
import { localDate } from '../../../src-main/shared/dates';
import { LEDGER_KEYS } from '../../../src-main/shared/ledgers/types';
import type { LedgerKey, LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { isAppFailure } from '../../../src-main/shared/result';
import type { Result } from '../../../src-main/shared/result';
import type { Settings } from '../../../src-main/shared/settings';
import { Store } from '../../../src-main/store';
import { makeTempDir } from '../../helpers/temp-dir';

/** Cheap scrypt for most tests (real scrypt, 4 MiB); one test signs in with the production cost. */
export const FAST_KDF: KdfParams = { N: 2 ** 12, r: 8, p: 1 };
export const ADMIN_PASSWORD = 'Admin#2026';

export interface Harness {
  dir: string;
  store: Store;
  security: Security;
  ledgers: LedgerService;
  sc: ServiceContext;
  sleeps: number[];
  advance(ms: number): void;
  call(channel: string, args: unknown, ctx: CallContext): Promise<Result<unknown>>;
  ok<T = unknown>(channel: string, args: unknown, ctx: CallContext): Promise<T>;
  /** A door's context for a session id (what the web door does with X-Session). */
  ctx(sessionId: string | null, door?: Door): CallContext;
  signIn(username: string, password: string): Promise<CallContext>;
  /**
   * Signs in an account the administrator created or reset, and gets past the forced password change the API
   * enforces: changed away and back, so the account keeps the password the test chose.
   */
  signInReady(username: string, password: string): Promise<CallContext>;
  close(): Promise<void>;
}

const fragments: Record<string, ChannelDef> = { ...authContract, ...auditContract };

export async function openHarness(
  opts: { dir?: string; kdf?: KdfParams; keepDir?: boolean } = {},
): Promise<Harness> {
  const tmp = opts.dir ? null : makeTempDir('campaign-desk-auth-');
  const dir = opts.dir ?? tmp!.dir;
  let t = Date.parse('2026-04-20T10:00:00+08:00');
  const now = () => new Date(t);
  const today = () => localDate(now());
  const store = await Store.open({
    dataDir: dir,
    collections: collectionSpecs(today),
    schemaVersion: SCHEMA_VERSION,
    migrations: [],
    now,
    logger: silentLogger,
    owner: 'test',
  });
  const sleeps: number[] = [];
  const security = createSecurity({
    store,
    dataDir: dir,
    logger: silentLogger,
    now,
    kdf: opts.kdf ?? FAST_KDF,
    sleep: async (ms) => void sleeps.push(ms),
  });
  const plain: RecordRepository = {
    all: (ledger) => store.get<LedgerRecord[]>(ledgerCollection(ledger)),
    write: async (ledger, fn) => void (await store.update<LedgerRecord[]>(ledgerCollection(ledger), fn)),
  };
  const repo = security.repo(plain);
  const live = (l: LedgerKey) => repo.all(l).filter((r) => !r.deletedAt);
  const sc: ServiceContext = {
    store,
    repo,
    logger: silentLogger,
    policy: security.policy,
    audit: security.audit,
    now,
    today,
    settings: () => store.get<Settings>(SETTINGS_COLLECTION),
    records: (l, c) => {
      if (!security.policy.canRead(l, c)) throw new Error('forbidden');
      return live(l);
    },
    allLiveRecords: () =>
      Object.fromEntries(LEDGER_KEYS.map((k) => [k, live(k)])) as Record<LedgerKey, LedgerRecord[]>,
  };
  const ledgers = createLedgerService(sc);
  const settings = createSettingsService(sc, ledgers);
  const partial = {
    'ledgers:list': async (
      { ledger, deleted }: { ledger: LedgerKey; deleted?: boolean },
      c: CallContext,
    ) => ({ records: ledgers.list(ledger, !!deleted, c) }),
    'ledgers:get': async ({ ledger, id }: { ledger: LedgerKey; id: string }, c: CallContext) =>
      ledgers.get(ledger, id, c),
    'ledgers:create': async (
      { ledger, record }: { ledger: LedgerKey; record: Record<string, unknown> },
      c: CallContext,
    ) => ledgers.create(ledger, record, c),
    'ledgers:update': async (
      a: { ledger: LedgerKey; id: string; rev?: number; record: Record<string, unknown> },
      c: CallContext,
    ) => ledgers.update(a.ledger, a.id, a.record, a.rev, c),
    'ledgers:remove': async ({ ledger, id }: { ledger: LedgerKey; id: string }, c: CallContext) =>
      ledgers.remove(ledger, id, c),
    'ledgers:restore': async ({ ledger, id }: { ledger: LedgerKey; id: string }, c: CallContext) =>
      ledgers.restore(ledger, id, c),
    'ledgers:purge': async ({ ledger, id }: { ledger: LedgerKey; id: string }, c: CallContext) =>
      ledgers.purge(ledger, id, c),
    'settings:get': async () => settings.get(),
    'settings:update': async ({ settings: s }: { settings: Record<string, unknown> }, c: CallContext) =>
      settings.update(s, c),
  };
  const router = createRouter({
    handlers: { ...partial, ...security.handlers } as unknown as Handlers,
    logger: silentLogger,
    authorize: security.authorize,
  });
  const handlers = security.handlers as unknown as Record<
    string,
    (a: unknown, c: CallContext) => Promise<unknown>
  >;

  /** The router's steps, for the fragments the contract does not list yet: access, strict args, handler, envelope. */
  async function call(channel: string, args: unknown, c: CallContext): Promise<Result<unknown>> {
    if (channel in contract) return router(channel, args, c);
    const def = fragments[channel];
    const denied = security.authorize(def.access, channel, c);
    if (denied) return { ok: false, error: denied };
    const parsed = def.args.safeParse(args ?? {});
    if (!parsed.success) return { ok: false, error: validationError(zodIssues(parsed.error)) };
    try {
      return { ok: true, data: await handlers[channel](parsed.data, c) };
    } catch (e) {
      if (isAppFailure(e))
        return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
      throw e;
    }
  }
  const ctx = (sessionId: string | null, door: Door = 'http') =>
    security.sessions.contextFor(door, sessionId, `anon-${door}`);
  const h: Harness = {
    dir,
    store,
    security,
    ledgers,
    sc,
    sleeps,
    advance: (ms) => void (t += ms),
    call,
    async ok<T>(channel: string, args: unknown, c: CallContext) {
      const r = await call(channel, args, c);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.data as T;
    },
    ctx,
    async signIn(username, password) {
      const r = await h.ok<{ sessionId: string }>('auth:signIn', { username, password }, ctx(null));
      return ctx(r.sessionId);
    },
    async signInReady(username, password) {
      const c = await h.signIn(username, password);
      const r = await h.ok<{ mustChangePassword: boolean }>('auth:status', {}, c);
      if (r.mustChangePassword) {
        await h.ok('auth:changePassword', { oldPassword: password, newPassword: `${password}~` }, c);
        await h.ok('auth:changePassword', { oldPassword: `${password}~`, newPassword: password }, c);
      }
      return c;
    },
    async close() {
      await security.close();
      await store.close();
      if (!opts.keepDir) tmp?.remove();
    },
  };
  return h;
}

export const sampleMeeting = (over: Record<string, unknown> = {}) => ({
  group: 'drafting',
  unit: 'u-office',
  date: '2026-04-10',
  type: '领导小组会议',
  title: '教育整顿领导小组第一次会议',
  expected: 9,
  present: 8,
  ...over,
});

/** Names chosen to be findable in raw bytes: none of them occurs anywhere else in the app's files. */
export const CLUE_PEOPLE = { reporter: '欧阳举报人', person: '司马被反映', post: '城关街道副主任甲' };

export const sampleClue = (over: Record<string, unknown> = {}) => ({
  group: 'clues',
  unit: 'u-office',
  date: '2026-04-02',
  clueNo: 'XS-2026-001',
  source: '信访举报',
  reporter: CLUE_PEOPLE.reporter,
  personName: CLUE_PEOPLE.person,
  personUnit: '城关街道',
  personPost: CLUE_PEOPLE.post,
  personRank: '乡科级',
  category: '违反廉洁纪律',
  summary: `反映${CLUE_PEOPLE.person}违规收受礼金`,
  status: '待处置',
  ...over,
});

/**
 * Clue records in clear, as an older version of the app stored them before accounts existed (no door writes one
 * now): straight into the store, for the tests of what happens to such a store.
 */
export async function seedClearClues(h: Harness, clues: Record<string, unknown>[]) {
  const at = '2026-04-19T02:00:00.000Z';
  await h.store.update<LedgerRecord[]>('ledger-clues', (rs) => [
    ...rs,
    ...clues.map(
      (c, i) =>
        ({
          ...c,
          id: `legacy-${rs.length + i + 1}`,
          createdBy: '旧版本',
          createdAt: at,
          updatedBy: '旧版本',
          updatedAt: at,
          rev: 1,
        }) as LedgerRecord,
    ),
  ]);
}

/** Sets up the administrator through the open channel and returns its signed-in context and recovery code. */
export async function setupAdmin(h: Harness) {
  const r = await h.ok<{ sessionId: string; recoveryCode: string }>(
    'auth:setupAdmin',
    { username: 'admin', displayName: '办公室主任', password: ADMIN_PASSWORD },
    h.ctx(null),
  );
  return { admin: h.ctx(r.sessionId), recoveryCode: r.recoveryCode };
}
