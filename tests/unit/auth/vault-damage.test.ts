// One flipped byte in a sealed bucket of vault-clues.json, on disk, between two runs of the real app: start-up
// notices it without the key, `verify` fails naming it, the first unlock restores the bucket from the newest
// backup whose copy opens and names the records affected (线索编号) and from when, the names come back and clue
// writes work again. Nothing acknowledged is lost when a backup holds the very version that was damaged.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../src-main/shared/contract';
import { formatForUser } from '../../../src-main/store/format-time';
import { makeTempDir } from '../../helpers/temp-dir';
import { enableAccounts, openTestApp, setUpOffice, TEST_ADMIN, testCtx } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';
import { CLUE_PEOPLE, sampleClue } from './harness';
import { cli, flipByteInBucket } from './vault-scan';

let tmp: ReturnType<typeof makeTempDir>;
let t: TestApp | null = null;
let clock = Date.parse('2026-04-20T10:00:00+08:00');
const now = () => new Date(clock);
const app = () => t!;
const nextDay = () => void (clock += 24 * 3600_000);

beforeEach(async () => {
  clock = Date.parse('2026-04-20T10:00:00+08:00');
  tmp = makeTempDir('vault-damage-');
  t = await openTestApp({ dir: tmp.dir, now });
  await setUpOffice(app());
  await enableAccounts(app());
});
afterEach(async () => {
  await t?.close();
  tmp.remove();
});

async function reopen() {
  await t?.close();
  t = await openTestApp({ dir: tmp.dir, now });
}

async function signInAdmin() {
  const r = await app().call('auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
  if (!r.ok) throw new Error(r.error.message);
  app().as(app().app.security.sessions.contextFor('internal', r.data.sessionId, 'test'));
}

const notices = async () => (await app().ok('app:info', {})).notices.map((n) => n.message);
const clues = async () => (await app().ok('ledgers:list', { ledger: 'clues' })).records;
const create = (clueNo: string, over: Record<string, unknown> = {}) =>
  app().ok('ledgers:create', { ledger: 'clues', record: sampleClue({ clueNo, ...over }) });

describe('a damaged sealed bucket', () => {
  it('is found at start-up, restored at unlock from the newest backup that opens, and names what it cost', async () => {
    const a = await create('XS-A');
    await create('XS-B');
    const backup = await app().ok('store:backup', {}); // holds XS-A and XS-B as they are now
    const backupAt = formatForUser(backup.createdAt);
    clock += 10 * 60_000; // inside the idle lock
    await app().ok('ledgers:update', {
      ledger: 'clues',
      id: a.id,
      rev: a.rev,
      record: { ...sampleClue({ clueNo: 'XS-A' }), status: '处置中' },
    });
    await create('XS-C', { personName: '上官新线索' }); // after the backup, into the same bucket
    await app().close();
    t = null;

    const bucket = flipByteInBucket(tmp.dir);
    nextDay(); // the day's first opening backs up the damaged file too: that copy must not be taken
    await reopen();

    // Start-up, no key: the digest tells, the banner says so (no names can be given yet).
    const atStart = (await notices()).join('\n');
    expect(atStart).toContain(
      `vault-clues.json）中有一组数据（${bucket}，含受理日期为 2026-04-02 的 3 条记录）`,
    );
    expect(atStart).toMatch(/校验不符，可能已损坏。管理员或线索工作组成员登录后将用密钥核对/);
    expect((await app().app.security.verifyVault()).join('\n')).toContain(`（${bucket}）校验不符`);

    // The first unlock: GCM refuses the bucket; the newest backup whose copy opens is yesterday's manual one.
    await signInAdmin();
    const atUnlock = (await notices()).join('\n');
    expect(atUnlock).not.toMatch(/可能已损坏。管理员或线索工作组成员登录后/); // answered, withdrawn
    expect(atUnlock).toContain(
      `中有一组数据（${bucket}）已损坏，无法解密，已从 ${backupAt}（最后完好的备份）恢复：XS-A、XS-B 恢复为该时的内容，其中 XS-A 在此之后的修改已丢失`,
    );
    expect(atUnlock).toContain('在该备份之后新增的 XS-C 失去了加密内容（姓名、摘要等），现只剩统计字段');
    // The 线索编号 are for those who may open clues: not in anyone else's banner.
    const others = await app().app.call('app:info', {}, testCtx);
    if (!others.ok) throw new Error(others.error.message);
    const theirs = (others.data as AppInfo).notices.map((n) => n.message).join('\n');
    expect(theirs).not.toMatch(/XS-|已损坏/);

    // Names are back, XS-C keeps its number and counting fields, and clue writes work again.
    const after = await clues();
    expect(after.map((r) => [r.clueNo, r.personName ?? null, r.status])).toEqual([
      ['XS-A', CLUE_PEOPLE.person, '待处置'],
      ['XS-B', CLUE_PEOPLE.person, '待处置'],
      ['XS-C', null, '待处置'],
    ]);
    const c = after[2];
    await app().ok('ledgers:update', {
      ledger: 'clues',
      id: c.id,
      rev: c.rev,
      record: { ...sampleClue({ clueNo: 'XS-C', personName: '上官新线索' }) },
    });
    await create('XS-D');
    expect((await clues()).map((r) => r.personName)).toEqual([
      CLUE_PEOPLE.person,
      CLUE_PEOPLE.person,
      '上官新线索',
      CLUE_PEOPLE.person,
    ]);
    expect(await app().app.security.verifyVault()).toEqual([]);
    const stats = await app().ok('stats:compute', { from: '2026-04-01', to: '2026-04-30' });
    expect(stats.indicators.find((i) => i.name === '受理线索数')?.period).toBe(4);
  });

  it('makes `verify` fail naming the bucket, the records and the backup, and repairs it', async () => {
    await create('XS-A');
    const backup = await app().ok('store:backup', {});
    await create('XS-B');
    await app().close();
    t = null;
    const bucket = flipByteInBucket(tmp.dir);

    const v = cli(tmp.dir, ['--user', TEST_ADMIN.username, 'verify'], TEST_ADMIN.password);
    expect(v.code, v.err).toBe(1);
    expect(v.out).toContain(
      `中有一组数据（${bucket}）已损坏，无法解密，已从 ${formatForUser(backup.createdAt)}`,
    );
    expect(v.out).toContain('XS-A 恢复为该时的内容');
    expect(v.out).toContain('在该备份之后新增的 XS-B 失去了加密内容');
    // Repaired on disk: the next run opens the bucket; XS-B stays reported until the clue group re-enters it.
    const again = cli(tmp.dir, ['--user', TEST_ADMIN.username, 'verify'], TEST_ADMIN.password);
    expect(again.out).not.toContain('已损坏');
    expect(again.out).toMatch(/XS-B 的加密内容（姓名、摘要等）不在数据目录中/);
    expect(again.out).toContain('发现 1 个问题');
    // Nor in the log file, which is clear text in the data directory.
    expect(readFileSync(path.join(tmp.dir, 'logs', 'app.log'), 'utf8')).not.toMatch(/XS-A|XS-B/);
  });

  it('comes back at start-up, without the key and without loss, when a backup holds that very version', async () => {
    await create('XS-A');
    await create('XS-B');
    const backup = await app().ok('store:backup', {}); // the current version of the bucket
    await app().close();
    t = null;
    const file = path.join(tmp.dir, 'vault-clues.json');
    const intact = readFileSync(file);
    const bucket = flipByteInBucket(tmp.dir);
    await reopen();
    expect((await notices()).join('\n')).toContain(
      `（${bucket}，含受理日期为 2026-04-02 的 2 条记录）校验不符，已从 ${formatForUser(backup.createdAt)} 的备份取回与损坏前完全相同的内容，没有数据丢失。`,
    );
    expect(readFileSync(file).equals(intact)).toBe(true);
    expect(await app().app.security.verifyVault()).toEqual([]);
    await signInAdmin();
    expect((await clues()).map((r) => r.personName)).toEqual([CLUE_PEOPLE.person, CLUE_PEOPLE.person]);
  });

  it('keeps every record when only the digest was damaged: GCM at unlock says the data is intact', async () => {
    await create('XS-A');
    await app().close();
    t = null;
    const file = path.join(tmp.dir, 'vault-clues.json');
    const buckets = JSON.parse(readFileSync(file, 'utf8')) as { sha: string }[];
    const sha = buckets[0].sha;
    const bad = `${sha[0] === 'A' ? 'B' : 'A'}${sha.slice(1)}`;
    writeFileSync(file, readFileSync(file, 'utf8').replace(sha, bad));
    await reopen();
    expect((await notices()).join('\n')).toMatch(/校验不符，可能已损坏/);
    await signInAdmin();
    const text = (await notices()).join('\n');
    expect(text).toContain('有 1 组数据的校验值有误，经密钥核对内容完好，已更正校验值，没有数据丢失');
    expect(text).not.toMatch(/可能已损坏/);
    expect((await clues()).map((r) => r.personName)).toEqual([CLUE_PEOPLE.person]);
    expect(await app().app.security.verifyVault()).toEqual([]);
  });
});
