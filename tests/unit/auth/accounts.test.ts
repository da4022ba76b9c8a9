// Accounts: first run, password changes, removal, resets and the recovery code never lose clue data and never
// leave an old password able to open it; failed sign-ins are slowed down, locked and logged; sessions expire.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KDF } from '../../../src-main/auth/crypto';
import { unwrapKey } from '../../../src-main/auth/vault';
import type { VaultDoc } from '../../../src-main/auth/vault';
import type { CallContext } from '../../../src-main/shared/context';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import type { Harness } from './harness';
import { ADMIN_PASSWORD, CLUE_PEOPLE, openHarness, sampleClue, seedClearClues, setupAdmin } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => h.close());

const clueNames = async (ctx: CallContext) =>
  (await h.ok<{ records: LedgerRecord[] }>('ledgers:list', { ledger: 'clues' }, ctx)).records.map(
    (r) => r.personName,
  );
const vault = () => h.store.get<VaultDoc>('vault');
const signOutAll = async (...ctxs: CallContext[]) => {
  for (const c of ctxs) await h.ok('auth:signOut', {}, c);
};
const signInFails = async (username: string, password: string) =>
  (await h.call('auth:signIn', { username, password }, h.ctx(null))).ok === false;

/** Can this password unwrap any key in the vault? (What an attacker with the files and an old password would try.) */
async function opensAnything(password: string) {
  for (const entry of vault().keys) if (await unwrapKey(entry, password)) return true;
  return false;
}

describe('before accounts exist', () => {
  it('behaves as a single-user desktop, except that no clue can be stored before the administrator exists', async () => {
    const anon = h.ctx(null);
    expect(h.security.accountsEnabled()).toBe(false);
    const refused = await h.call('ledgers:create', { ledger: 'clues', record: sampleClue() }, anon);
    expect(!refused.ok && refused.error.code).toBe('needs_admin');
    expect(h.store.get<LedgerRecord[]>('ledger-clues')).toEqual([]);
    expect(h.security.policy.canSeeConfidentialFields('clues', anon)).toBe(true);
    const r = await h.call('auth:signIn', { username: 'admin', password: 'x' }, anon);
    expect(!r.ok && r.error.code).toBe('conflict');
    const u = await h.call(
      'users:create',
      { username: 'a1', displayName: '甲', role: 'readonly', groups: [], password: 'Abcdef#12' },
      anon,
    );
    expect(!u.ok && u.error.message).toBe('请先设置管理员');
  });

  it('moves every clue into the vault in one write when the administrator is created, and only once', async () => {
    // Clues in clear from an older version of the app (today no door writes one before accounts exist).
    await seedClearClues(h, [sampleClue(), sampleClue({ clueNo: 'XS-2026-002' })]);
    const { admin, recoveryCode } = await setupAdmin(h);
    expect(recoveryCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(h.store.get<unknown[]>('vault-clues')).toHaveLength(1); // one sealed bucket holds both
    const clear = h.store.get<LedgerRecord[]>('ledger-clues');
    expect(clear).toHaveLength(2);
    expect(JSON.stringify(clear)).not.toContain(CLUE_PEOPLE.person);
    expect(clear[0]).toMatchObject({ source: '信访举报', status: '待处置', unit: 'u-office' });
    expect(await clueNames(admin)).toEqual([CLUE_PEOPLE.person, CLUE_PEOPLE.person]);
    const again = await h.call(
      'auth:setupAdmin',
      { username: 'other', displayName: '他人', password: 'Other#2026' },
      h.ctx(null),
    );
    expect(!again.ok && again.error.code).toBe('conflict');
    const weak = await openHarness();
    const w = await weak.call(
      'auth:setupAdmin',
      { username: 'admin', displayName: '主任', password: 'aaaaaaaa' },
      weak.ctx(null),
    );
    expect(!w.ok && w.error.message).toMatch(/密码过于简单/);
    await weak.close();
  });
});

describe('keys follow the accounts, the data never moves', () => {
  let admin: CallContext;
  beforeEach(async () => {
    ({ admin } = await setupAdmin(h));
    await h.ok('ledgers:create', { ledger: 'clues', record: sampleClue() }, admin);
    await h.ok(
      'users:create',
      { username: 'clue1', displayName: '线索组甲', role: 'clue', groups: ['clues'], password: 'Clue#Old1' },
      admin,
    );
  });

  it('re-wraps on a password change: the new password opens the clues, the old one opens nothing', async () => {
    const sealedBefore = h.store.get<unknown[]>('vault-clues');
    const c = await h.signIn('clue1', 'Clue#Old1');
    await h.ok('auth:changePassword', { oldPassword: 'Clue#Old1', newPassword: 'Clue#New2' }, c);
    expect(h.store.get<unknown[]>('vault-clues')).toBe(sealedBefore); // not re-encrypted
    await signOutAll(c, admin);
    expect(h.security.cluesUnlocked()).toBe(false);
    expect(await signInFails('clue1', 'Clue#Old1')).toBe(true);
    expect(await opensAnything('Clue#Old1')).toBe(false);
    const again = await h.signIn('clue1', 'Clue#New2');
    expect(h.security.cluesUnlocked()).toBe(true);
    expect(await clueNames(again)).toEqual([CLUE_PEOPLE.person]);
    const wrong = await h.call(
      'auth:changePassword',
      { oldPassword: 'nope', newPassword: 'Clue#New3' },
      again,
    );
    expect(!wrong.ok && wrong.error.message).toBe('原密码不正确');
  });

  it('removing a user drops their key: the remaining users still open the clues', async () => {
    const id = h.security.accounts.list().find((u) => u.username === 'clue1')!.id;
    await h.ok('users:remove', { id }, admin);
    expect(vault().keys.map((k) => k.holder)).not.toContain(id);
    expect(await opensAnything('Clue#Old1')).toBe(false);
    expect(await signInFails('clue1', 'Clue#Old1')).toBe(true);
    await signOutAll(admin);
    const back = await h.signIn('admin', ADMIN_PASSWORD);
    expect(await clueNames(back)).toEqual([CLUE_PEOPLE.person]);
  });

  it('an administrator reset gives the user a new password that opens the clues on its own', async () => {
    const id = h.security.accounts.list().find((u) => u.username === 'clue1')!.id;
    const info = await h.ok<{ mustChangePassword: boolean; clueAccess: boolean }>(
      'users:resetPassword',
      { id, password: 'Reset#2026' },
      admin,
    );
    expect(info).toMatchObject({ mustChangePassword: true, clueAccess: true });
    await signOutAll(admin);
    expect(await opensAnything('Clue#Old1')).toBe(false);
    const c = await h.signInReady('clue1', 'Reset#2026');
    expect(h.security.cluesUnlocked()).toBe(true);
    expect(await clueNames(c)).toEqual([CLUE_PEOPLE.person]);
  });

  it('granting clue access needs a new password; taking it away removes the key', async () => {
    await h.ok(
      'users:create',
      { username: 'm1', displayName: '组员', role: 'member', groups: ['drafting'], password: 'Member#2026' },
      admin,
    );
    const id = h.security.accounts.list().find((u) => u.username === 'm1')!.id;
    const r = await h.call('users:update', { id, role: 'clue' }, admin);
    expect(!r.ok && r.error.message).toMatch(/须同时为其设置新密码/);
    await h.ok('users:update', { id, role: 'clue', password: 'Granted#26' }, admin);
    expect(vault().keys.some((k) => k.holder === id)).toBe(true);
    await h.ok('users:update', { id, role: 'readonly' }, admin);
    expect(vault().keys.some((k) => k.holder === id)).toBe(false);
  });

  it('always keeps one usable administrator', async () => {
    const adminId = admin.user!.id;
    expect((await h.call('users:remove', { id: adminId }, admin)).ok).toBe(false);
    expect((await h.call('users:update', { id: adminId, disabled: true }, admin)).ok).toBe(false);
    const demote = await h.call('users:update', { id: adminId, role: 'member' }, admin);
    expect(!demote.ok && demote.error.message).toBe('至少需要保留一名可用的管理员');
  });

  it('the recovery code resets a forgotten administrator password and keeps the clues', async () => {
    const fresh = await openHarness();
    const { admin: a, recoveryCode } = await setupAdmin(fresh);
    await fresh.ok('ledgers:create', { ledger: 'clues', record: sampleClue() }, a);
    await fresh.ok('auth:signOut', {}, a);
    const bad = await fresh.call(
      'auth:recover',
      { username: 'admin', recoveryCode: 'AAAA-BBBB', newPassword: 'Recovered#1' },
      fresh.ctx(null),
    );
    expect(!bad.ok && bad.error.code).toBe('forbidden');
    await fresh.ok(
      'auth:recover',
      { username: 'admin', recoveryCode: recoveryCode.toLowerCase(), newPassword: 'Recovered#1' },
      fresh.ctx(null),
    );
    const back = await fresh.signIn('admin', 'Recovered#1');
    const { records } = await fresh.ok<{ records: LedgerRecord[] }>(
      'ledgers:list',
      { ledger: 'clues' },
      back,
    );
    expect(records[0].personName).toBe(CLUE_PEOPLE.person);
    await fresh.close();
  });
});

describe('sign-in', () => {
  it('slows down wrong passwords, locks the name after five, logs every attempt, then lets the right one in', async () => {
    await setupAdmin(h);
    h.sleeps.length = 0;
    for (let i = 0; i < 5; i++) expect(await signInFails('admin', `wrong-${i}`)).toBe(true);
    expect(h.sleeps).toEqual([250, 500, 1000, 2000, 250]);
    const locked = await h.call('auth:signIn', { username: 'ADMIN', password: ADMIN_PASSWORD }, h.ctx(null));
    expect(!locked.ok && locked.error).toMatchObject({
      code: 'forbidden',
      details: { retryAfterSeconds: 30 },
    });
    expect(!locked.ok && locked.error.message).toBe('登录失败次数过多，请30秒后再试');
    const log = readFileSync(`${h.dir}/audit/audit.log`, 'utf8');
    expect(log.match(/"action":"登录失败"/g)).toHaveLength(6);
    expect(log).toContain('"action":"登录锁定"');
    h.advance(31_000);
    await h.signIn('admin', ADMIN_PASSWORD);
    // Five more failures lock again; the first failure after that lock expires doubles it.
    for (let i = 0; i < 5; i++) await signInFails('admin', 'wrong');
    h.advance(31_000);
    await signInFails('admin', 'wrong');
    const again = await h.call('auth:signIn', { username: 'admin', password: ADMIN_PASSWORD }, h.ctx(null));
    expect(!again.ok && again.error.message).toMatch(/请60秒后再试/);
  });

  it('never writes an unknown typed username to the log (it is often a password typed in the wrong box)', async () => {
    await setupAdmin(h);
    expect(await signInFails('Admin#2026-typed-here', 'x')).toBe(true);
    const log = readFileSync(`${h.dir}/audit/audit.log`, 'utf8');
    expect(log).not.toContain('Admin#2026-typed-here');
    expect(log).toContain('（不存在的用户名）');
  });

  it('expires an idle session after settings.lockMinutes and locks the clues again', async () => {
    const { admin } = await setupAdmin(h);
    expect(h.security.cluesUnlocked()).toBe(true);
    h.advance(10 * 60_000);
    expect(h.security.sessions.userFor(admin.sessionId)).not.toBeNull(); // 10 of 15 minutes: still there
    h.advance(16 * 60_000);
    const r = await h.call('ledgers:list', { ledger: 'meetings' }, admin);
    expect(!r.ok && r.error.code).toBe('unauthenticated');
    expect(h.security.cluesUnlocked()).toBe(false);
    // The expiry is logged in the background: rows() waits for pending appends.
    expect((await h.security.auditRows({ action: '会话过期' })).map((r) => r.user)).toEqual(['admin']);
  });

  it('signing in again from the same window replaces its session and keeps the clues open', async () => {
    const { admin } = await setupAdmin(h);
    const r = await h.ok<{ sessionId: string }>(
      'auth:signIn',
      { username: 'admin', password: ADMIN_PASSWORD },
      admin,
    );
    expect(h.security.sessions.userFor(admin.sessionId)).toBeNull();
    expect(h.security.sessions.userFor(r.sessionId)?.username).toBe('admin');
    expect(h.security.cluesUnlocked()).toBe(true);
  });

  it('signs in at the production scrypt cost and unlocks the clues (the 1 s budget is measured by npm run bench)', async () => {
    const prod = await openHarness({ kdf: DEFAULT_KDF });
    const { admin } = await setupAdmin(prod);
    await prod.ok('auth:signOut', {}, admin);
    await prod.signIn('admin', ADMIN_PASSWORD);
    expect(prod.security.cluesUnlocked()).toBe(true);
    await prod.close();
  });
});
