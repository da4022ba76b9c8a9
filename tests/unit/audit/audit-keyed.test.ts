// The 操作日志 against someone who can rewrite the file: an edited line whose whole chain and head.json were
// recomputed is still named, because lines carry a tag under the account-integrity key (lines written while no
// administrator is signed in get theirs in a seal line at the next administrator sign-in). Through the harness
// and through the CLI as a child process.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lineHash } from '../../../src-main/audit/chain';
import type { AuditLine } from '../../../src-main/audit/chain';
import type { UserRecord } from '../../../src-main/auth/users';
import { makeTempDir } from '../../helpers/temp-dir';
import type { Harness } from '../auth/harness';
import { ADMIN_PASSWORD, openHarness, sampleMeeting, setupAdmin } from '../auth/harness';

let tmp: ReturnType<typeof makeTempDir>;
let h: Harness;

beforeEach(async () => {
  tmp = makeTempDir('campaign-desk-audit-keyed-');
  h = await openHarness({ dir: tmp.dir });
  const { admin } = await setupAdmin(h);
  for (let i = 1; i <= 3; i++)
    await h.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: `会议${i}` }) }, admin);
  await h.ok('auth:signOut', {}, admin);
  await h.close();
});
afterEach(async () => {
  await h.close();
  tmp.remove();
});

const logFile = () => path.join(tmp.dir, 'audit', 'audit.log');
const lines = () =>
  readFileSync(logFile(), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((t) => JSON.parse(t) as AuditLine);
/** What someone with the files does: changes one line, recomputes every hash after it and head.json. */
function rewrite(n: number, edit: (l: AuditLine) => AuditLine) {
  const ls = lines();
  ls[n - 1] = edit(ls[n - 1]);
  for (let i = n - 1; i < ls.length; i++) {
    const body = { ...ls[i], prevHash: i === 0 ? '0'.repeat(64) : ls[i - 1].hash };
    ls[i] = { ...body, hash: lineHash(body) };
  }
  writeFileSync(logFile(), ls.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const last = ls[ls.length - 1];
  writeFileSync(path.join(tmp.dir, 'audit', 'head.json'), JSON.stringify({ seq: last.seq, hash: last.hash }));
}
const lineOf = (title: string) => lines().findIndex((l) => JSON.stringify(l).includes(title)) + 1;
const reopen = async () => {
  h = await openHarness({ dir: tmp.dir });
};

describe('a rewritten 操作日志', () => {
  it('names an edited line whose chain and head.json were recomputed, once an administrator is signed in', async () => {
    const n = lineOf('会议2');
    rewrite(n, (l) => ({ ...l, user: '（别人）' }));
    await reopen();
    // Without the key only the chain can be checked, and it holds: verify says what it could not check.
    const blind = await h.security.verifyAuditChain();
    expect(blind.problems).toEqual([]);
    expect(blind.notes?.[0]).toMatch(/没有管理员登录，未用密钥核对/);

    await h.signIn('admin', ADMIN_PASSWORD);
    const v = await h.security.verifyAuditChain();
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([
      `第${n}行（序号${n}）内容被修改（与操作日志密钥的校验不符）`,
      'head.json 缺少封存标记（文件被替换或改写）：操作日志可能被整体改写，请逐行核对',
    ]);
    // The sign-in noticed the seal mark gone and logged it; nothing after it was sealed over the forgery.
    expect((await h.security.auditRows({ action: '操作日志被改动' }))[0].detail).toMatch(
      /head.json 缺少封存标记/,
    );
  });

  it('names an edited line whose tag was stripped too: it lies inside the sealed part', async () => {
    const n = lineOf('会议2');
    rewrite(n, ({ mac: _gone, ...l }) => ({ ...l, detail: '改写的内容' }));
    await reopen();
    await h.signIn('admin', ADMIN_PASSWORD);
    expect((await h.security.verifyAuditChain()).problems).toContain(
      `第${n}行（序号${n}）位于已封存的记录中，却没有有效的密钥校验：内容被修改或插入`,
    );
  });

  it('seals lines written while no administrator was signed in, and then names an edit of one of them', async () => {
    await reopen();
    const wrong = await h.call('auth:signIn', { username: 'admin', password: 'not-it-1' }, h.ctx(null));
    expect(wrong.ok).toBe(false);
    const unsealed = await h.security.verifyAuditChain();
    expect(unsealed.problems).toEqual([]);
    await h.signIn('admin', ADMIN_PASSWORD);
    const before = await h.security.verifyAuditChain();
    expect(before).toMatchObject({ ok: true, problems: [] });
    expect(before.notes).toBeUndefined();
    const seal = lines().find((l) => l.action === '封存操作日志' && l.seq > 5)!;
    const failed = lines().find((l) => l.action === '登录失败')!;
    expect(Object.keys(seal.seals ?? {})).toContain(String(failed.seq));
    await h.close();

    rewrite(failed.seq, (l) => ({ ...l, detail: '（被删去的内容）' }));
    await reopen();
    await h.signIn('admin', ADMIN_PASSWORD);
    expect((await h.security.verifyAuditChain()).problems).toContain(
      `第${failed.seq}行（序号${failed.seq}）内容被修改（与封存时的密钥校验不符）`,
    );
  });

  it('says, as a note and not a problem, when no administrator is signed in to check the tags', async () => {
    await reopen();
    const m = await h.call('auth:signIn', { username: 'nobody', password: 'x' }, h.ctx(null));
    expect(m.ok).toBe(false);
    const v = await h.security.verifyAuditChain();
    expect(v.ok).toBe(true);
    expect(v.notes).toEqual([
      '没有管理员登录，未用密钥核对：只检查了哈希链（能改文件的人可以重算哈希链），请由管理员登录后再检查',
    ]);
  });
});

describe('campaign-desk verify', () => {
  const BIN = path.resolve('bin/campaign-desk.js');
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, '--data-dir', tmp.dir, '--user', 'admin', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, CAMPAIGN_DESK_PASSWORD: ADMIN_PASSWORD },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('passes an untouched directory, fails naming a rewritten 操作日志 line, and refuses an edited users.json by name', () => {
    const ok = cli('verify');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('检查通过');

    const n = lineOf('会议3');
    rewrite(n, (l) => ({ ...l, action: '修改' }));
    const v = cli('verify');
    expect(v.code).toBe(1);
    expect(v.out).toContain(`操作日志：第${n}行（序号${n}）内容被修改（与操作日志密钥的校验不符）`);

    const users = JSON.parse(readFileSync(path.join(tmp.dir, 'users.json'), 'utf8')) as UserRecord[];
    writeFileSync(
      path.join(tmp.dir, 'users.json'),
      JSON.stringify([...users, { ...users[0], id: 'u-copy', username: 'copy' }]),
    );
    const refused = cli('verify');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('users.json：多出账户“copy”（管理员），不是本程序建立的');
  });
});
