// What each role may and may not do, through the real router (authorizer), the access policy and the ledger service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext, Role } from '../../../src-main/shared/context';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import type { Harness } from './harness';
import { openHarness, sampleClue, sampleMeeting, setupAdmin } from './harness';

let h: Harness;
let admin: CallContext;
const as: Partial<Record<Role, CallContext>> = {};
const ownGroup: Record<Role, string> = {
  admin: 'drafting',
  member: 'drafting',
  clue: 'clues',
  readonly: 'drafting',
};
const PASSWORDS: Record<Role, string> = {
  admin: '',
  member: 'Member#2026',
  clue: 'Clue#2026x',
  readonly: 'Read#2026x',
};

beforeAll(async () => {
  h = await openHarness();
  ({ admin } = await setupAdmin(h));
  as.admin = admin;
  const groups: Record<Role, string[]> = {
    admin: [],
    member: ['drafting'],
    clue: ['clues'],
    readonly: ['drafting'],
  };
  for (const role of ['member', 'clue', 'readonly'] as const) {
    await h.ok(
      'users:create',
      { username: role, displayName: `${role}用户`, role, groups: groups[role], password: PASSWORDS[role] },
      admin,
    );
    as[role] = await h.signInReady(role, PASSWORDS[role]);
  }
});
afterAll(async () => h.close());

async function meeting(group: string): Promise<LedgerRecord> {
  return h.ok<LedgerRecord>(
    'ledgers:create',
    { ledger: 'meetings', record: sampleMeeting({ group, title: `会议${Math.random()}` }) },
    admin,
  );
}

type Attempt = (ctx: CallContext, role: Role) => Promise<{ ok: boolean; code?: string; message?: string }>;
const viaRouter = async (channel: string, args: unknown, ctx: CallContext) => {
  const r = await h.call(channel, args, ctx);
  return r.ok ? { ok: true } : { ok: false, code: r.error.code, message: r.error.message };
};

const attempts: Record<string, Attempt> = {
  列出会议: (c) => viaRouter('ledgers:list', { ledger: 'meetings' }, c),
  新增本组会议: (c, role) =>
    viaRouter('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ group: ownGroup[role] }) }, c),
  新增他组会议: (c) =>
    viaRouter('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ group: 'training' }) }, c),
  修改本组会议: async (c, role) => {
    const m = await meeting(ownGroup[role]);
    return viaRouter(
      'ledgers:update',
      {
        ledger: 'meetings',
        id: m.id,
        record: { ...sampleMeeting({ group: ownGroup[role] }), title: '改过的会议' },
      },
      c,
    );
  },
  修改他组会议: async (c) => {
    const m = await meeting('training');
    return viaRouter(
      'ledgers:update',
      {
        ledger: 'meetings',
        id: m.id,
        record: { ...sampleMeeting({ group: 'training' }), title: '改过的会议' },
      },
      c,
    );
  },
  删除本组会议: async (c, role) =>
    viaRouter('ledgers:remove', { ledger: 'meetings', id: (await meeting(ownGroup[role])).id }, c),
  删除他组会议: async (c) =>
    viaRouter('ledgers:remove', { ledger: 'meetings', id: (await meeting('training')).id }, c),
  查看问题线索: (c) => viaRouter('ledgers:list', { ledger: 'clues' }, c),
  新增问题线索: (c) =>
    viaRouter(
      'ledgers:create',
      { ledger: 'clues', record: sampleClue({ clueNo: `XS-${Math.random()}` }) },
      c,
    ),
  修改设置: async (c) =>
    viaRouter('settings:update', { settings: { ...h.store.get<object>('settings'), lockMinutes: 20 } }, c),
  新增用户: (c, role) =>
    viaRouter(
      'users:create',
      {
        username: `new-${role}`,
        displayName: '新用户',
        role: 'readonly',
        groups: [],
        password: 'Fresh#2026',
      },
      c,
    ),
  导出含反映人: async (c) => ({ ok: h.security.policy.canSeeConfidentialFields('clues', c) }),
};

// ✓ = allowed. Columns: admin, member, clue, readonly.
const TABLE: [string, boolean, boolean, boolean, boolean][] = [
  ['列出会议', true, true, true, true],
  ['新增本组会议', true, true, true, false],
  ['新增他组会议', true, false, false, false],
  ['修改本组会议', true, true, true, false],
  ['修改他组会议', true, false, false, false],
  ['删除本组会议', true, true, true, false],
  ['删除他组会议', true, false, false, false],
  ['查看问题线索', true, false, true, false],
  ['新增问题线索', true, false, true, false],
  ['修改设置', true, false, false, false],
  ['新增用户', true, false, false, false],
  ['导出含反映人', true, false, true, false],
];
const ROLES: Role[] = ['admin', 'member', 'clue', 'readonly'];

describe('the role table', () => {
  for (const [action, ...allowed] of TABLE) {
    ROLES.forEach((role, i) => {
      it(`${role} ${allowed[i] ? 'may' : 'may not'} ${action}`, async () => {
        const r = await attempts[action](as[role]!, role);
        expect(r.ok).toBe(allowed[i]);
        if (!r.ok && r.code) {
          expect(r.code).toBe('forbidden');
          expect(r.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      });
    });
  }

  it('keeps a member in the clue group out of the clues ledger: the role decides, not the group', async () => {
    await h.ok(
      'users:create',
      {
        username: 'member2',
        displayName: '组员',
        role: 'member',
        groups: ['clues'],
        password: 'Member#2027',
      },
      admin,
    );
    const c = await h.signInReady('member2', 'Member#2027');
    expect((await viaRouter('ledgers:list', { ledger: 'clues' }, c)).ok).toBe(false);
    expect(
      (await viaRouter('ledgers:create', { ledger: 'clues', record: sampleClue({ clueNo: 'XS-9' }) }, c)).ok,
    ).toBe(false);
  });
});

describe('identity comes only from the session', () => {
  it('refuses a user or role smuggled into the request body', async () => {
    const r = await h.call(
      'ledgers:create',
      { ledger: 'clues', record: sampleClue(), user: { role: 'admin' } },
      as.member!,
    );
    expect(r.ok).toBe(false);
    const r2 = await h.call(
      'auth:signIn',
      { username: 'member', password: PASSWORDS.member, role: 'admin' },
      h.ctx(null),
    );
    expect(!r2.ok && r2.error.code).toBe('validation');
  });

  it('refuses a context that names another user than its session, or a user without a session', async () => {
    const forged: CallContext = { ...as.member!, user: { ...admin.user!, role: 'admin' } };
    const r = await h.call('users:list', {}, forged);
    expect(!r.ok && r.error.code).toBe('unauthenticated');
    const escalated: CallContext = { ...as.member!, user: { ...as.member!.user!, role: 'admin' } };
    // Same user id, forged role: the policy uses the role of the account behind the session.
    expect(h.security.policy.canRead('clues', escalated)).toBe(false);
    expect((await h.call('users:list', {}, escalated)).ok).toBe(false);
    const noSession: CallContext = { door: 'internal', user: admin.user, sessionId: 'made-up' };
    expect((await h.call('ledgers:list', { ledger: 'meetings' }, noSession)).ok).toBe(false);
    expect(h.security.policy.canRead('meetings', noSession)).toBe(false);
  });

  it('answers unauthenticated callers in Chinese and still serves the open channels', async () => {
    const r = await h.call('ledgers:list', { ledger: 'meetings' }, h.ctx(null));
    expect(!r.ok && r.error).toMatchObject({ code: 'unauthenticated', message: '请先登录' });
    const s = await h.ok<{ accountsEnabled: boolean; user: unknown }>('auth:status', {}, h.ctx(null));
    expect(s).toMatchObject({ accountsEnabled: true, user: null });
  });

  it('applies a role change on the very next call, without signing in again', async () => {
    await h.ok(
      'users:create',
      {
        username: 'mover',
        displayName: '调岗',
        role: 'member',
        groups: ['drafting'],
        password: 'Mover#2026',
      },
      admin,
    );
    const c = await h.signInReady('mover', 'Mover#2026');
    const id = c.user!.id;
    await h.ok('users:update', { id, role: 'readonly' }, admin);
    const fresh = h.ctx(c.sessionId);
    expect(
      (await viaRouter('ledgers:create', { ledger: 'meetings', record: sampleMeeting() }, fresh)).ok,
    ).toBe(false);
    await h.ok('users:update', { id, disabled: true }, admin);
    expect(h.security.sessions.userFor(c.sessionId)).toBeNull();
  });
});
