// What the API itself enforces around signing in: the forced password change (no other channel until it is done),
// the per-door limit on failed sign-ins whatever the names (one password sprayed over many names stops at the
// 31st), and the recovery code as the administrator's way in that no amount of failures locks.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOOR_LIMIT, DOOR_WINDOW_MS } from '../../../src-main/auth/throttle';
import { RECOVERY_FAILURE_DELAY_MS } from '../../../src-main/auth/recovery';
import type { RecoverResult } from '../../../src-main/shared/contract/auth';
import type { CallContext } from '../../../src-main/shared/context';
import type { Harness } from './harness';
import { ADMIN_PASSWORD, openHarness, setupAdmin } from './harness';

let h: Harness;
let admin: CallContext;
let recoveryCode: string;
beforeEach(async () => {
  h = await openHarness();
  ({ admin, recoveryCode } = await setupAdmin(h));
});
afterEach(async () => h.close());

describe('a password the administrator chose', () => {
  it('must be changed before any other channel answers, through the API and not only the screen', async () => {
    await h.ok(
      'users:create',
      { username: 'm1', displayName: '组员', role: 'member', groups: ['drafting'], password: 'Member#2026' },
      admin,
    );
    const m = await h.signIn('m1', 'Member#2026');
    const refused: [string, unknown][] = [
      ['ledgers:list', { ledger: 'meetings' }],
      ['ledgers:create', { ledger: 'meetings', record: {} }],
      ['settings:update', { settings: {} }],
      ['users:list', {}],
      ['audit:list', {}],
    ];
    for (const [channel, args] of refused) {
      const r = await h.call(channel, args, m);
      expect(!r.ok && r.error.code, channel).toBe('password_change_required');
      expect(!r.ok && r.error.message).toMatch(/须先修改密码/);
    }
    // The change itself, the status and the settings the change dialog is drawn in still answer.
    expect(await h.ok('auth:status', {}, m)).toMatchObject({ mustChangePassword: true });
    expect((await h.call('settings:get', {}, m)).ok).toBe(true);
    await h.ok('auth:changePassword', { oldPassword: 'Member#2026', newPassword: 'Member#2027' }, m);
    expect((await h.call('ledgers:list', { ledger: 'meetings' }, m)).ok).toBe(true);
    // An administrator's reset makes it required again.
    await h.ok('users:resetPassword', { id: m.user!.id, password: 'Reset#2026x' }, admin);
    const again = await h.signIn('m1', 'Reset#2026x');
    const r = await h.call('ledgers:list', { ledger: 'meetings' }, again);
    expect(!r.ok && r.error.code).toBe('password_change_required');
  });
});

describe('one password sprayed over many names from one door', () => {
  const spray = (i: number, door: 'http' | 'ipc' = 'http') =>
    h.call('auth:signIn', { username: `user${i}`, password: 'Spring#2026' }, h.ctx(null, door));

  it('stops at the 31st attempt within the window, the right password included; other doors and the recovery code still work', async () => {
    await h.ok('auth:signOut', {}, admin);
    for (let i = 1; i <= DOOR_LIMIT; i++) {
      const r = await spray(i);
      expect(!r.ok && r.error.code, `attempt ${i}`).toBe('unauthenticated');
    }
    const blocked = await h.call('auth:signIn', { username: 'admin', password: ADMIN_PASSWORD }, h.ctx(null));
    expect(!blocked.ok && blocked.error).toMatchObject({
      code: 'forbidden',
      details: { retryAfterSeconds: DOOR_WINDOW_MS / 1000 },
    });
    expect(!blocked.ok && blocked.error.message).toContain('通过网页版登录失败的次数过多');
    for (let i = 0; i < 5; i++) expect((await spray(100 + i)).ok).toBe(false); // the attacker keeps trying
    // One line for the pause, not one per refused attempt.
    expect(await h.security.auditRows({ action: '登录锁定' })).toHaveLength(1);
    // Another door is not held up by this one.
    expect(
      (await h.call('auth:signIn', { username: 'admin', password: ADMIN_PASSWORD }, h.ctx(null, 'ipc'))).ok,
    ).toBe(true);

    // The recovery code on the very door under attack: failures only slow their own answer, never lock it.
    h.sleeps.length = 0;
    for (let i = 0; i < 12; i++) {
      const bad = await h.call(
        'auth:recover',
        { username: 'admin', recoveryCode: `WRONG-${i}`, newPassword: 'Recovered#26' },
        h.ctx(null),
      );
      expect(!bad.ok && bad.error.code).toBe('forbidden');
    }
    expect(h.sleeps).toEqual(Array(12).fill(RECOVERY_FAILURE_DELAY_MS));
    const r = await h.ok<RecoverResult>(
      'auth:recover',
      { username: 'admin', recoveryCode, newPassword: 'Recovered#26' },
      h.ctx(null),
    );
    const back = h.ctx(r.sessionId);
    expect((await h.call('users:list', {}, back)).ok).toBe(true);

    // When the window has passed, the door takes sign-ins again.
    h.advance(DOOR_WINDOW_MS + 1000);
    expect(
      (await h.call('auth:signIn', { username: 'admin', password: 'Recovered#26' }, h.ctx(null))).ok,
    ).toBe(true);
  });
});
