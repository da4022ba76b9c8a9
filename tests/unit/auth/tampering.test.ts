// Someone with access to the files edits the account list between two runs of the app: raises a member to 管理员,
// appends an account with a copied password hash, or edits users.json and its sealed copy alike. Sign-in is refused
// for everyone with a message naming the file and the account, `verify` names it, the 操作日志 records it, and the
// recovery code puts back the list the app wrote (the forged change gone) and signs the administrator in.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IntegrityDoc } from '../../../src-main/auth/integrity';
import { unwrapIk } from '../../../src-main/auth/integrity';
import type { UserRecord } from '../../../src-main/auth/users';
import type { VaultDoc } from '../../../src-main/auth/vault';
import { deriveKek, wrapKey } from '../../../src-main/auth/vault';
import type { RecoverResult } from '../../../src-main/shared/contract/auth';
import type { CallContext } from '../../../src-main/shared/context';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import type { Result } from '../../../src-main/shared/result';
import { makeTempDir } from '../../helpers/temp-dir';
import type { Harness } from './harness';
import { ADMIN_PASSWORD, CLUE_PEOPLE, FAST_KDF, openHarness, sampleClue, setupAdmin } from './harness';

const MEMBER = { username: 'm1', password: 'Member#2026' };
let tmp: ReturnType<typeof makeTempDir>;
let h: Harness;
let recoveryCode: string;

beforeEach(async () => {
  tmp = makeTempDir('campaign-desk-tamper-');
  h = await openHarness({ dir: tmp.dir });
  const setup = await setupAdmin(h);
  recoveryCode = setup.recoveryCode;
  await h.ok('ledgers:create', { ledger: 'clues', record: sampleClue() }, setup.admin);
  await h.ok(
    'users:create',
    {
      username: MEMBER.username,
      displayName: '组员',
      role: 'member',
      groups: ['drafting'],
      password: MEMBER.password,
    },
    setup.admin,
  );
  await h.signInReady(MEMBER.username, MEMBER.password);
  await h.close(); // the app is closed while the files are edited
});
afterEach(async () => {
  await h.close();
  tmp.remove();
});

const file = (name: string) => path.join(tmp.dir, name);
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
const readJson = <T>(name: string) => JSON.parse(readFileSync(file(name), 'utf8')) as T;
const writeJson = (name: string, v: unknown) => writeFileSync(file(name), JSON.stringify(v));
const auditText = () => readFileSync(file('audit/audit.log'), 'utf8');
const reopen = async () => {
  h = await openHarness({ dir: tmp.dir });
};
const signIn = (username: string, password: string) =>
  h.call('auth:signIn', { username, password }, h.ctx(null));
const refusedAsTampered = (r: Result<unknown>) => (!r.ok ? r.error.code : 'signed in');
const recover = (newPassword = 'Recovered#26') =>
  h.ok<RecoverResult>('auth:recover', { username: 'admin', recoveryCode, newPassword }, h.ctx(null));

describe('users.json edited on disk', () => {
  it('raising a member to 管理员: every sign-in refused naming it, verify names it, logged; the recovery code puts it back', async () => {
    const users = readJson<UserRecord[]>('users.json');
    writeJson(
      'users.json',
      users.map((u) => (u.username === MEMBER.username ? { ...u, role: 'admin' } : u)),
    );
    await reopen();

    for (const [name, password] of [
      [MEMBER.username, MEMBER.password],
      ['admin', ADMIN_PASSWORD],
    ]) {
      const r = await signIn(name, password);
      expect(refusedAsTampered(r)).toBe('accounts_tampered');
      expect(!r.ok && r.error.message).toContain('users.json：账户“m1”的角色由“工作组成员”改为“管理员”');
    }
    expect(await h.security.verifyAccounts()).toEqual([
      'users.json：账户“m1”的角色由“工作组成员”改为“管理员”',
    ]);
    const status = await h.ok<{ problem?: string }>('auth:status', {}, h.ctx(null));
    expect(status.problem).toContain('users.json');
    expect(auditText().match(/"action":"账户数据被改动"/g)).toHaveLength(1); // recorded once, not per attempt
    expect(auditText()).toContain('users.json：账户“m1”的角色由“工作组成员”改为“管理员”');

    // The recovery code: the list as the app wrote it comes back, the administrator is signed in.
    const r = await recover();
    expect(r.notes).toEqual(['已还原：users.json：账户“m1”的角色由“管理员”改为“工作组成员”']);
    const admin = h.ctx(r.sessionId);
    expect(readJson<UserRecord[]>('users.json').find((u) => u.username === MEMBER.username)?.role).toBe(
      'member',
    );
    expect(await h.security.verifyAccounts()).toEqual([]);
    const { records } = await h.ok<{ records: LedgerRecord[] }>('ledgers:list', { ledger: 'clues' }, admin);
    expect(records[0].personName).toBe(CLUE_PEOPLE.person);
    const m = await h.signIn(MEMBER.username, MEMBER.password);
    expect(m.user?.role).toBe('member');
    expect((await h.call('users:list', {}, m)).ok).toBe(false);
    expect(auditText()).toContain('"action":"账户数据已还原"');
  });

  it('an appended account with a copied password hash: refused, named, and gone after recovery', async () => {
    const users = readJson<UserRecord[]>('users.json');
    const m1 = users.find((u) => u.username === MEMBER.username)!;
    const ghost: UserRecord = { ...m1, id: 'u-ghost', username: 'ghost', displayName: '幽灵', role: 'admin' };
    writeJson('users.json', [...users, ghost]);
    await reopen();

    const r = await signIn('ghost', MEMBER.password);
    expect(refusedAsTampered(r)).toBe('accounts_tampered');
    expect(!r.ok && r.error.message).toContain('users.json：多出账户“ghost”（管理员），不是本程序建立的');
    expect(refusedAsTampered(await signIn('admin', ADMIN_PASSWORD))).toBe('accounts_tampered');
    expect(await h.security.verifyAccounts()).toEqual([
      'users.json：多出账户“ghost”（管理员），不是本程序建立的',
    ]);
    expect(auditText()).toContain('多出账户“ghost”');

    const back = await recover();
    expect(back.notes).toEqual(['已还原：users.json：账户“ghost”被删除']);
    expect(readJson<UserRecord[]>('users.json').map((u) => u.username)).toEqual(['admin', 'm1']);
    expect(refusedAsTampered(await signIn('ghost', MEMBER.password))).toBe('unauthenticated');
  });

  it('users.json and its sealed copy edited alike, keys copied: the forged administrator opens no key and is refused', async () => {
    const doc = readJson<IntegrityDoc>('integrity.json');
    const raise = (us: UserRecord[]) =>
      us.map((u) => (u.username === MEMBER.username ? { ...u, role: 'admin' as const } : u));
    writeJson('users.json', raise(readJson<UserRecord[]>('users.json')));
    const m1 = doc.accounts!.users.find((u) => u.username === MEMBER.username)!;
    // Even an integrity-key entry copied from the real administrator, relabelled: it opens to nothing.
    const copied = { ...doc.keys.find((k) => k.holder !== 'recovery')!, holder: m1.id };
    writeJson('integrity.json', {
      ...doc,
      keys: [...doc.keys, copied],
      accounts: { ...doc.accounts!, users: raise(doc.accounts!.users) },
    });
    // And the administrator's clue-key entry, relabelled the same way.
    const vault = readJson<VaultDoc>('vault.json');
    const dek = { ...vault.keys.find((k) => k.holder !== 'recovery')!, holder: m1.id };
    writeJson('vault.json', { ...vault, keys: [...vault.keys, dek] });
    await reopen();
    const r = await signIn(MEMBER.username, MEMBER.password);
    expect(refusedAsTampered(r)).toBe('accounts_tampered');
    expect(!r.ok && r.error.message).toContain('账户“m1”的线索密钥不能用其密码解开');
    // Found by a key: the whole door stays shut, the real administrator's too, until the recovery code.
    expect(refusedAsTampered(await signIn('admin', ADMIN_PASSWORD))).toBe('accounts_tampered');
    expect(await h.security.verifyAccounts()).toContain(
      'vault.json：账户“m1”的线索密钥不能用其密码解开（密钥或角色被改动）',
    );
    // Both copies were edited: nothing vouches for m1's record, so it stays disabled and keyless for the
    // administrator to check (enabling it as 管理员 takes a new password, which wraps the keys anew).
    const back = await recover();
    expect(back.notes).toEqual([
      '账户完整性记录无法核对，仅保留校验相符的账户',
      '账户“m1”（管理员）无法核对，已停用：请核对后在“用户管理”中启用（启用时须为其设置新密码）',
    ]);
    expect(readJson<VaultDoc>('vault.json').keys.map((k) => k.holder)).not.toContain(m1.id);
    expect(readJson<IntegrityDoc>('integrity.json').keys.map((k) => k.holder)).not.toContain(m1.id);
    expect(await h.security.verifyAccounts()).toEqual([]);
    const admin = h.ctx(back.sessionId);
    const enable = await h.call('users:update', { id: m1.id, disabled: false }, admin);
    expect(!enable.ok && enable.error.message).toMatch(/须同时为其设置新密码/);
  });

  it('a member who edits both files to join another group gets in while no administrator is signed in, and is caught at the next administrator sign-in', async () => {
    const doc = readJson<IntegrityDoc>('integrity.json');
    const join = (us: UserRecord[]) =>
      us.map((u) => (u.username === MEMBER.username ? { ...u, groups: ['drafting', 'training'] } : u));
    writeJson('users.json', join(readJson<UserRecord[]>('users.json')));
    writeJson('integrity.json', { ...doc, accounts: { ...doc.accounts!, users: join(doc.accounts!.users) } });
    await reopen();
    // Without the key nothing can tell (the limit of a keyed check: the key is not in memory yet).
    const m = await h.signIn(MEMBER.username, MEMBER.password);
    const a = await signIn('admin', ADMIN_PASSWORD);
    expect(refusedAsTampered(a)).toBe('accounts_tampered');
    expect(!a.ok && a.error.message).toContain(
      'integrity.json：账户“m1”的记录被改动（与账户完整性密钥的校验不符）',
    );
    // The forged session is over, and nobody else gets in.
    expect((await h.call('ledgers:list', { ledger: 'meetings' }, m)).ok).toBe(false);
    expect(refusedAsTampered(await signIn(MEMBER.username, MEMBER.password))).toBe('accounts_tampered');
    // Both copies were edited: the genuine record is gone, so the account stays, disabled, for the administrator.
    const back = await recover();
    expect(back.notes).toEqual([
      '账户完整性记录无法核对，仅保留校验相符的账户',
      '账户“m1”（工作组成员）无法核对，已停用：请核对后在“用户管理”中启用',
    ]);
    expect(await h.security.verifyAccounts()).toEqual([]);
    const again = await signIn(MEMBER.username, MEMBER.password);
    expect(!again.ok && again.error.message).toBe('该账户已停用，请联系管理员');
  });
});

describe('keys on disk', () => {
  it('a clue account forged with a key of its own making opens nothing: refused before it is used', async () => {
    const doc = readJson<IntegrityDoc>('integrity.json');
    const toClue = (us: UserRecord[]) =>
      us.map((u) => (u.username === MEMBER.username ? { ...u, role: 'clue' as const } : u));
    writeJson('users.json', toClue(readJson<UserRecord[]>('users.json')));
    writeJson('integrity.json', {
      ...doc,
      accounts: { ...doc.accounts!, users: toClue(doc.accounts!.users) },
    });
    const m1 = doc.accounts!.users.find((u) => u.username === MEMBER.username)!;
    const vault = readJson<VaultDoc>('vault.json');
    const own = await wrapKey(randomBytes(32), MEMBER.password, m1.id, FAST_KDF);
    writeJson('vault.json', { ...vault, keys: [...vault.keys, own] });
    await reopen();
    const r = await signIn(MEMBER.username, MEMBER.password);
    expect(refusedAsTampered(r)).toBe('accounts_tampered');
    expect(!r.ok && r.error.message).toContain(
      'vault.json：账户“m1”的线索密钥不是本数据目录的（密钥被替换）',
    );
    expect(h.security.cluesUnlocked()).toBe(false);
  });

  it('a recovery entry destroyed on disk does not shut the way in: the code opens a backup’s', async () => {
    await reopen();
    await h.store.backup('测试');
    await h.close();
    const vault = readJson<VaultDoc>('vault.json');
    writeJson('vault.json', { ...vault, keys: vault.keys.filter((k) => k.holder !== 'recovery') });
    await reopen();
    const refused = await signIn('admin', ADMIN_PASSWORD);
    expect(!refused.ok && refused.error.message).toContain('vault.json：恢复码的线索密钥条目缺失');
    const r = await recover();
    expect(r.notes[0]).toMatch(/^恢复码的密钥条目已被改动，已从 .+ 的备份取回$/);
    expect(readJson<VaultDoc>('vault.json').keys.some((k) => k.holder === 'recovery')).toBe(true);
    const { records } = await h.ok<{ records: LedgerRecord[] }>(
      'ledgers:list',
      { ledger: 'clues' },
      h.ctx(r.sessionId),
    );
    expect(records[0].personName).toBe(CLUE_PEOPLE.person);
  });

  it('the account-integrity key is in no file in clear: data, backups, 操作日志', async () => {
    const entry = readJson<IntegrityDoc>('integrity.json').keys.find((k) => k.holder !== 'recovery')!;
    const kek = await deriveKek(ADMIN_PASSWORD, entry.kdf);
    const ik = unwrapIk(entry, kek)!;
    expect(ik).toHaveLength(32);
    const needles = [ik, Buffer.from(ik.toString('base64')), Buffer.from(ik.toString('hex'))];
    const files = filesUnder(tmp.dir).filter((f) => {
      const bytes = readFileSync(f);
      return needles.some((n) => bytes.includes(n));
    });
    expect(files).toEqual([]);
  });
});

describe('password changes while no administrator is signed in', () => {
  const MEMBER2 = 'Member#2027';

  it('are taken over at the next administrator sign-in when the account made them itself', async () => {
    await reopen(); // a new process: the key is not in memory
    const m = await h.signIn(MEMBER.username, MEMBER.password);
    await h.ok('auth:changePassword', { oldPassword: MEMBER.password, newPassword: MEMBER2 }, m);
    expect(readJson<IntegrityDoc>('integrity.json').accounts!.pending).toHaveLength(1);
    const admin = await h.signIn('admin', ADMIN_PASSWORD);
    expect(readJson<IntegrityDoc>('integrity.json').accounts!.pending).toEqual([]);
    expect(await h.security.verifyAccounts()).toEqual([]);
    await h.ok('auth:signOut', {}, admin);
    expect((await signIn(MEMBER.username, MEMBER2)).ok).toBe(true);
  });

  it('are refused when forged: a hash put in users.json with a made-up pending entry', async () => {
    await reopen();
    const m = await h.signIn(MEMBER.username, MEMBER.password);
    await h.ok('auth:changePassword', { oldPassword: MEMBER.password, newPassword: MEMBER2 }, m);
    await h.close();
    // The attacker replaces the hash with that of a password they know (the administrator's, copied) everywhere.
    const users = readJson<UserRecord[]>('users.json');
    const adminHash = users.find((u) => u.username === 'admin')!.password;
    const swap = (u: UserRecord) => (u.username === MEMBER.username ? { ...u, password: adminHash } : u);
    const doc = readJson<IntegrityDoc>('integrity.json');
    writeJson('users.json', users.map(swap));
    writeJson('integrity.json', {
      ...doc,
      accounts: {
        ...doc.accounts!,
        pending: doc.accounts!.pending.map((p) => ({ ...p, record: swap(p.record) })),
      },
    });
    await reopen();
    const a = await signIn('admin', ADMIN_PASSWORD);
    expect(refusedAsTampered(a)).toBe('accounts_tampered');
    expect(!a.ok && a.error.message).toContain('账户“m1”在没有管理员登录时的密码修改无法核对');
  });
});

describe('the recovery code', () => {
  it('is refused before accounts exist without logging a failed sign-in', async () => {
    const fresh = await openHarness();
    const r = await fresh.call(
      'auth:recover',
      { username: 'admin', recoveryCode: 'AAAA-BBBB', newPassword: 'Recovered#1' },
      fresh.ctx(null),
    );
    expect(!r.ok && r.error.code).toBe('conflict');
    expect(await fresh.security.auditRows({ action: '登录失败' })).toEqual([]);
    await fresh.close();
  });

  it('signs the administrator in, with the clues open', async () => {
    await reopen();
    const r = await recover();
    expect(r).toMatchObject({ reset: true, notes: [], user: { username: 'admin' } });
    const admin: CallContext = h.ctx(r.sessionId);
    const { records } = await h.ok<{ records: LedgerRecord[] }>('ledgers:list', { ledger: 'clues' }, admin);
    expect(records[0].personName).toBe(CLUE_PEOPLE.person);
  });
});
