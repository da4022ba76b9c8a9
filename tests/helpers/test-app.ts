// The real app (real store, real services, real router) on a temporary data directory, with a fixed clock.
import { join } from 'node:path';
import { createApp } from '../../src-main/app/create-app';
import type { App } from '../../src-main/app/create-app';
import { silentLogger } from '../../src-main/app/logger';
import type { CallContext } from '../../src-main/shared/context';
import type { ArgsOf, Channel, ResultOf } from '../../src-main/shared/contract';
import type { Result } from '../../src-main/shared/result';
import { makeTempDir } from './temp-dir';

export const testCtx: CallContext = { door: 'internal', user: null, sessionId: 'test' };

export interface TestApp {
  app: App;
  dir: string;
  call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>>;
  /** Calls and fails the test with the error message when the call did not succeed. */
  ok<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>>;
  /** From now on calls go with this context (a signed-in session once accounts are enabled). */
  as(ctx: CallContext): void;
  close(): Promise<void>;
}

export async function openTestApp(opts: { now?: () => Date; dir?: string } = {}): Promise<TestApp> {
  const tmp = opts.dir ? null : makeTempDir();
  const dir = opts.dir ?? tmp!.dir;
  const app = await createApp({
    dataDir: dir,
    owner: 'test',
    logger: silentLogger,
    now: opts.now ?? (() => new Date('2026-04-20T10:00:00+08:00')),
    documentsDir: join(dir, 'documents'),
  });
  let ctx = testCtx;
  const call = (async (channel: Channel, args: unknown) => app.call(channel, args, ctx)) as TestApp['call'];
  return {
    app,
    dir,
    call,
    ok: async (channel: Channel, args: unknown) => {
      const r = await app.call(channel, args, ctx);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.data;
    },
    as: (c) => void (ctx = c),
    async close() {
      await app.close();
      tmp?.remove();
    },
  };
}

export const TEST_ADMIN = { username: 'admin', displayName: '办公室主任', password: 'Zhengdun#2026' };

/**
 * Sets up the administrator (问题线索 can only be stored, encrypted, once it exists) and makes `t` call as that
 * signed-in administrator from then on.
 */
export async function enableAccounts(t: TestApp) {
  const r = await t.ok('auth:setupAdmin', TEST_ADMIN);
  t.as(t.app.security.sessions.contextFor('internal', r.sessionId, testCtx.sessionId));
  return r;
}

/** A settings object with two units and the campaign running through April 2026. */
export async function setUpOffice(t: TestApp) {
  const s = await t.ok('settings:get', {});
  return t.ok('settings:update', {
    settings: {
      ...s,
      commissionName: '江城区纪委监委',
      campaignStart: '2026-03-01',
      campaignEnd: '2026-07-31',
      phases: [
        { name: '学习教育', start: '2026-03-01', end: '2026-04-30' },
        { name: '检视整改', start: '2026-05-01', end: '2026-06-30' },
        { name: '巩固提升', start: '2026-07-01', end: '2026-07-31' },
      ],
      units: [
        {
          id: 'u-office',
          name: '区纪委监委机关',
          kind: '机关',
          headcount: 40,
          leaderHeadcount: 7,
          active: true,
        },
        {
          id: 'u-town1',
          name: '城关街道纪工委',
          kind: '乡镇街道',
          headcount: 6,
          leaderHeadcount: 2,
          active: true,
        },
      ],
      setupDone: true,
    },
  });
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
