// 设置 → 数据与备份 through the real router on a real data directory: backups (automatic, to a chosen folder,
// downloaded), restore (from a backup, a chosen file, an upload; checked whole first, what changed told), 检查数据
// (a truncated newest backup found, start-up repairs reported), the backup after the first change of the day, who may
// do each (only the administrator once accounts exist) and the 操作日志 line each action writes.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDialogOptions } from 'electron';
import { withBackupDialogs } from '../../../src-main/electron/backup-dialog';
import type { CallContext } from '../../../src-main/shared/context';
import type { Channel } from '../../../src-main/shared/contract';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { formatForUser } from '../../../src-main/store/format-time';
import { makeTempDir } from '../../helpers/temp-dir';
import { enableAccounts, openTestApp, sampleMeeting, setUpOffice, testCtx } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';

const opened: TestApp[] = [];
const dirs: { remove(): void }[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close().catch(() => undefined);
  for (const d of dirs.splice(0)) d.remove();
});

function clock(start = '2026-04-20T10:00:00+08:00') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

async function open(dir?: string, now = clock().now): Promise<TestApp> {
  const t = await openTestApp({ dir, now });
  opened.push(t);
  return t;
}

/** A directory the test removes itself (so the app can be closed and opened again on it). */
function keptDir(): string {
  const d = makeTempDir('data-safety-');
  dirs.push(d);
  return d.dir;
}

async function reopen(t: TestApp, now = clock().now): Promise<TestApp> {
  await t.app.close().catch(() => undefined); // closing twice is fine
  opened.splice(opened.indexOf(t), 1);
  return open(t.dir, now);
}

async function meetings(t: TestApp): Promise<LedgerRecord[]> {
  return (await t.ok('ledgers:list', { ledger: 'meetings' })).records;
}

async function auditRows(t: TestApp, action: string) {
  return (await t.ok('audit:list', { action })).rows;
}

const titles = async (t: TestApp) => (await meetings(t)).map((m) => m.title).sort();

describe('backups', () => {
  it('立即备份 goes into the automatic backups with its time and size, and is audited', async () => {
    const t = await open();
    await setUpOffice(t);
    const b = await t.ok('store:backup', {});
    expect(b).toMatchObject({ reason: '手动备份', external: false });
    expect(b.size).toBeGreaterThan(100);
    const list = await t.ok('store:backups', {});
    expect(list.dataDir).toBe(t.dir);
    expect(list.backupDir).toBe(path.join(t.dir, 'backups'));
    expect(list.keep).toBe(30);
    expect(list.backups[0]).toMatchObject({ file: b.file, size: b.size, reason: '手动备份' });
    expect((await auditRows(t, '备份'))[0].detail).toBe(`立即备份：${b.file}`);
  });

  it('backs up to a chosen folder (a USB drive) under a dated name, read back whole, outside the rotation', async () => {
    const t = await open();
    const usb = keptDir();
    const b = await t.ok('store:backup', { folder: usb });
    expect(b.external).toBe(true);
    expect(path.dirname(b.file)).toBe(usb);
    expect(path.basename(b.file)).toMatch(/^教育整顿工作台备份-\d{8}-\d{6}\.json$/);
    const again = await t.ok('store:backup', { folder: usb });
    expect(again.file).not.toBe(b.file); // same second: a suffix, never an overwrite
    expect(JSON.parse(readFileSync(b.file, 'utf8'))).toMatchObject({ format: 'campaign-desk-backup' });
    expect((await t.ok('store:backups', {})).backups.map((x) => x.file)).not.toContain(b.file);
    expect((await auditRows(t, '备份'))[0].detail).toContain('备份到所选位置（已读回检查）');
  });

  it('says in Chinese when the chosen folder is gone or a file there is not ours, and writes nothing', async () => {
    const t = await open();
    const gone = await t.call('store:backup', { folder: path.join(keptDir(), '已拔出的U盘') });
    expect(!gone.ok && gone.error).toMatchObject({ code: 'conflict' });
    expect(!gone.ok && gone.error.message).toMatch(/备份没有写成：.*文件夹不存在（U盘是否已拔出？）/);
    const doc = path.join(keptDir(), '报告.docx');
    writeFileSync(doc, 'not a backup');
    const foreign = await t.call('store:backup', { file: doc });
    expect(!foreign.ok && foreign.error.message).toMatch(/不是本程序备份的文件，为免覆盖，未写入/);
    expect(readFileSync(doc, 'utf8')).toBe('not a backup');
  });

  it('web mode downloads a new backup (or a listed one) as bytes, audited; any other file is refused', async () => {
    const t = await open();
    const d = await t.ok('store:download', {});
    expect(d.fileName).toMatch(/^教育整顿工作台备份-\d{8}-\d{6}\.json$/);
    const bundle = JSON.parse(Buffer.from(d.dataBase64, 'base64').toString('utf8')) as { reason: string };
    expect(bundle).toMatchObject({ format: 'campaign-desk-backup', reason: '下载备份' });
    const listed = await t.ok('store:download', { file: d.backup.file });
    expect(listed.dataBase64).toBe(d.dataBase64);
    const other = await t.call('store:download', { file: path.join(t.dir, 'users.json') });
    expect(!other.ok && other.error.code).toBe('not_found');
    expect((await auditRows(t, '备份')).map((r) => r.detail)).toContain(
      `下载备份：${path.basename(d.backup.file)}`,
    );
  });
});

describe('restore', () => {
  it('shows what would change, then restores the records, says what changed and saves the data before it', async () => {
    const t = await open();
    await setUpOffice(t);
    const a = await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '甲会' }) });
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '乙会' }) });
    const b = await t.ok('store:backup', {});
    await t.ok('ledgers:remove', { ledger: 'meetings', id: a.id });
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '丙会' }) });
    expect(await titles(t)).toEqual(['丙会', '乙会']);

    const preview = await t.ok('store:inspect', { file: b.file });
    expect(preview).toMatchObject({ file: b.file, reason: '手动备份', schemaVersion: 1 });
    const meetingChange = preview.changes.find((c) => c.key === 'ledger-meetings')!;
    expect(meetingChange).toMatchObject({ current: 2, incoming: 2, added: 0, removed: 1, changed: 1 });
    expect(meetingChange.text).toBe(
      '会议：现有 2 条，恢复后 2 条（去掉 1 条备份中没有的，1 条回到备份时的内容）',
    );
    expect(preview.warnings.join('')).toContain('现有数据会先另存为一份备份');
    expect(await titles(t)).toEqual(['丙会', '乙会']); // a preview replaces nothing

    const r = await t.ok('store:restore', { file: b.file });
    expect(await titles(t)).toEqual(['乙会', '甲会']);
    expect(r.message).toMatch(
      new RegExp(`^已从 ${formatForUser(b.createdAt)} 的备份恢复全部数据。恢复前的数据已另存为备份：`),
    );
    expect(r.changes.map((c) => c.text)).toEqual([meetingChange.text]);
    expect(r.signedOut).toBe(false);
    // The data from before the restore is one restore away.
    const back = await t.ok('store:inspect', { file: r.safetyBackup });
    expect(back.changes.find((c) => c.key === 'ledger-meetings')).toMatchObject({ added: 1, changed: 1 });
    // The banner tells it, with what changed, as information, not a repair.
    const notice = (await t.ok('app:info', {})).notices.at(-1)!;
    expect(notice.kind).toBe('backup_restored');
    expect(notice.message).toContain(meetingChange.text);
    const line = (await auditRows(t, '恢复备份'))[0];
    expect(line.detail).toContain(`从 ${b.file}（${formatForUser(b.createdAt)} 的备份）恢复全部数据`);
    expect(line.detail).toContain(meetingChange.text);
    // …and 检查数据 does not count a restore someone chose as a problem.
    expect((await t.ok('store:verify', {})).ok).toBe(true);
  });

  it('restores from an uploaded file (web mode): checked whole first, named as the user named it, then removed', async () => {
    const t = await open();
    await setUpOffice(t);
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '甲会' }) });
    const b = await t.ok('store:backup', {});
    const bytes = readFileSync(b.file);
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '乙会' }) });
    const preview = await t.ok('store:upload', {
      fileName: 'U盘里的备份.json',
      dataBase64: bytes.toString('base64'),
    });
    expect(preview.fileName).toBe('U盘里的备份.json');
    expect(path.dirname(preview.file)).toBe(path.join(t.dir, 'incoming'));
    await t.ok('store:restore', { file: preview.file });
    expect(await titles(t)).toEqual(['甲会']);
    expect(existsSync(preview.file)).toBe(false);
    expect((await auditRows(t, '恢复备份'))[0].detail).toMatch(/^从 上传的文件（/);

    const bad = await t.call('store:upload', {
      fileName: '会议.xlsx',
      dataBase64: Buffer.from('PK\u0003\u0004 not a backup').toString('base64'),
    });
    expect(!bad.ok && bad.error).toMatchObject({
      code: 'bad_file',
      message: '会议.xlsx 不是本程序的备份文件，未做任何恢复。',
    });
    expect(readdirSync(path.join(t.dir, 'incoming'))).toEqual([]);
  });
});

describe('a truncated newest backup', () => {
  async function truncatedNewest() {
    const c = clock();
    const t = await open(undefined, c.now);
    await setUpOffice(t);
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '甲会' }) });
    c.advance(60_000);
    const good = await t.ok('store:backup', {});
    c.advance(60_000);
    const newest = await t.ok('store:backup', {});
    const bytes = readFileSync(newest.file);
    writeFileSync(newest.file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    return { t, good, newest };
  }

  it('is reported by 检查数据 (not 检查通过) and flagged in the list from then on', async () => {
    const { t, good, newest } = await truncatedNewest();
    const before = (await t.ok('store:backups', {})).backups;
    expect(before[0].file).toBe(newest.file);
    expect(before.every((b) => !b.problem)).toBe(true); // its header still reads: only a full check finds it
    const v = await t.ok('store:verify', {});
    expect(v.ok).toBe(false);
    const section = v.sections.find((s) => s.key === 'backups')!;
    const name = path.basename(newest.file);
    expect(section.problems).toEqual([
      `${formatForUser(newest.createdAt)} 的备份不能用于恢复：备份文件 ${name} 已损坏：被截断，内容不完整。`,
    ]);
    expect(section.notes).toEqual([
      `最新的完好备份是 ${formatForUser(good.createdAt)} 的备份，数据文件损坏时将从它恢复。`,
    ]);
    expect(v.backups.find((b) => b.file === newest.file)).toMatchObject({ ok: false });
    expect(v.sections.filter((s) => s.key !== 'backups').every((s) => s.problems.length === 0)).toBe(true);
    const listed = (await t.ok('store:backups', {})).backups.find((b) => b.file === newest.file)!;
    expect(listed.problem).toMatch(/已损坏：被截断/);
    expect((await auditRows(t, '检查数据'))[0].detail).toBe('发现 1 个问题（备份 1）');
  });

  it('is refused for restore with a Chinese bad_file message, not 程序内部出错, and nothing changes', async () => {
    const { t, newest } = await truncatedNewest();
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '乙会' }) });
    for (const channel of ['store:inspect', 'store:restore'] as const) {
      const r = await t.call(channel, { file: newest.file });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('bad_file');
      expect(r.error.message).toBe(
        `备份文件 ${path.basename(newest.file)} 已损坏：被截断，内容不完整，未做任何恢复。`,
      );
    }
    expect(await titles(t)).toEqual(['乙会', '甲会']);
    expect((await auditRows(t, '恢复备份'))[0].detail).toMatch(/^未恢复 .*已损坏：被截断/);
  });
});

describe('start-up repairs are told in the banner and by 检查数据', () => {
  it('a ledger file restored from a backup', async () => {
    const t0 = await open(keptDir());
    await setUpOffice(t0);
    await t0.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '甲会' }) });
    await t0.ok('store:backup', {});
    await t0.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '乙会' }) });
    await t0.app.close();
    writeFileSync(path.join(t0.dir, 'ledger-meetings.json'), '[{"id":"m1","tit');
    const t = await reopen(t0);
    expect(await titles(t)).toEqual(['甲会']); // from the newest backup; the notice says what was lost
    const [notice] = (await t.ok('app:info', {})).notices;
    expect(notice.kind).toBe('restored');
    expect(notice.message).toMatch(
      /数据文件「ledger-meetings\.json」被截断，内容不完整.*已从 .* 的备份恢复该数据/,
    );
    const v = await t.ok('store:verify', {});
    expect(v.ok).toBe(false);
    expect(v.sections.find((s) => s.key === 'repairs')!.problems).toEqual([notice.message]);
  });

  it('a meta.json rebuilt', async () => {
    const t0 = await open(keptDir());
    await setUpOffice(t0);
    await t0.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
    rmSync(path.join(t0.dir, 'meta.json'));
    const t = await reopen(t0);
    const notices = (await t.ok('app:info', {})).notices;
    expect(notices.map((n) => n.kind)).toEqual(['repaired']);
    expect(notices[0].message).toMatch(/数据版本文件 meta\.json 不见了.*已按数据格式第 1 版重新建立/);
    expect((await t.ok('store:verify', {})).problems).toEqual([notices[0].message]);
    expect(existsSync(path.join(t.dir, 'meta.json'))).toBe(true);
  });

  it('a damaged 操作日志', async () => {
    const t0 = await open(keptDir());
    await setUpOffice(t0);
    await t0.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
    await t0.app.close();
    appendFileSync(path.join(t0.dir, 'audit', 'audit.log'), '{"seq":99,"at":"2026-04-20T02:0'); // a crash mid-line
    const t = await reopen(t0);
    const notice = (await t.ok('app:info', {})).notices.find((n) => n.kind === 'damaged');
    expect(notice?.message).toMatch(
      /^启动时检查操作日志发现 \d+ 处问题：.*请管理员在「设置 → 数据与备份」中检查数据。$/,
    );
    const v = await t.ok('store:verify', {});
    expect(v.ok).toBe(false);
    expect(v.sections.find((s) => s.key === 'audit')!.problems.length).toBeGreaterThan(0);
    expect(v.problems.some((p) => p.startsWith('操作日志：'))).toBe(true);
  });
});

describe('the first change of the day', () => {
  it('is followed by a backup when none was taken that day, so a damaged file never falls back to empty', async () => {
    const c = clock();
    const t = await open(keptDir(), c.now);
    expect((await t.ok('store:backups', {})).backups).toEqual([]); // a new directory: nothing to back up
    await setUpOffice(t); // the first change
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '甲会' }) });
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '乙会' }) });
    let list = (await t.ok('store:backups', {})).backups;
    expect(list.map((b) => b.reason)).toEqual(['每日自动备份（当天第一次修改后）']);
    // Left running past midnight: the next day's first change takes the next one.
    c.advance(24 * 3600_000);
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '丙会' }) });
    list = (await t.ok('store:backups', {})).backups;
    expect(list).toHaveLength(2);
    expect(JSON.stringify(JSON.parse(readFileSync(list[0].file, 'utf8')))).toContain('丙会');
  });
});

describe('who may do it', () => {
  const channels: [Channel, unknown][] = [
    ['store:backup', {}],
    ['store:backups', {}],
    ['store:download', {}],
    ['store:inspect', { file: '/nonexistent/backup.json' }],
    ['store:upload', { fileName: 'x.json', dataBase64: 'eA==' }],
    ['store:restore', { file: '/nonexistent/backup.json' }],
    ['store:verify', {}],
    ['store:choosePath', { purpose: 'backupFolder' }],
  ];

  it('only the administrator once accounts exist; every other role is refused before anything happens', async () => {
    const t = await open();
    await setUpOffice(t);
    await enableAccounts(t);
    const PASSWORD = 'Zhengdun#2026';
    const ctxs: Record<string, CallContext> = {};
    for (const [username, role, groups] of [
      ['member', 'member', ['drafting']],
      ['clue', 'clue', ['clues']],
      ['reader', 'readonly', []],
    ] as const) {
      await t.ok('users:create', {
        username,
        displayName: username,
        role,
        groups: [...groups],
        password: PASSWORD,
      });
      const s = await t.app.call(
        'auth:signIn',
        { username, password: PASSWORD },
        { ...testCtx, sessionId: username },
      );
      if (!s.ok) throw new Error(s.error.message);
      const sid = (s.data as { sessionId: string }).sessionId;
      const ctx = t.app.security.sessions.contextFor('internal', sid, username);
      const c = await t.app.call(
        'auth:changePassword',
        { oldPassword: PASSWORD, newPassword: `${PASSWORD}~` },
        ctx,
      );
      if (!c.ok) throw new Error(c.error.message);
      ctxs[role] = ctx;
    }
    const backupsBefore = readdirSync(path.join(t.dir, 'backups')).length;
    for (const [channel, args] of channels) {
      for (const [role, ctx] of Object.entries(ctxs)) {
        const r = await t.app.call(channel, args, ctx);
        expect(!r.ok && r.error, `${role} ${channel}`).toMatchObject({
          code: 'forbidden',
          message: '只有管理员可以进行此操作',
        });
      }
      const anon = await t.app.call(channel, args, { ...testCtx, sessionId: 'nobody' });
      expect(!anon.ok && anon.error.code, channel).toBe('unauthenticated');
    }
    expect(readdirSync(path.join(t.dir, 'backups'))).toHaveLength(backupsBefore);
    // The administrator may, and each action is a line of the 操作日志 under their name.
    const b = await t.ok('store:backup', {});
    const v = await t.ok('store:verify', {});
    expect(v.sections.find((s) => s.key === 'accounts')!.checked).toBe('已核对账户列表与其校验副本');
    const r = await t.ok('store:restore', { file: b.file });
    expect(r.signedOut).toBe(true);
    // The restore ended every session, the administrator's too.
    const after = await t.call('store:inspect', { file: b.file });
    expect(!after.ok && after.error.code).toBe('unauthenticated');
    const lines = await t.app.security.auditRows({});
    const mine = lines.filter((l) => l.user === 'admin').map((l) => l.action);
    expect(mine).toEqual(expect.arrayContaining(['备份', '检查数据', '恢复备份']));
    expect(readdirSync(path.join(t.dir, 'backups')).length).toBeGreaterThan(backupsBefore);
  });

  it('the desktop shows its dialog only for a permitted call, and answers the chosen path', async () => {
    const t = await open();
    const shown: OpenDialogOptions[] = [];
    let answer: { canceled: boolean; filePaths: string[] } = { canceled: false, filePaths: ['/media/U盘'] };
    const dialog = {
      showOpenDialog: (...a: unknown[]) => {
        shown.push(a.at(-1) as OpenDialogOptions);
        return Promise.resolve(answer);
      },
    } as unknown as Parameters<typeof withBackupDialogs>[1];
    const call = withBackupDialogs(t.app.call, dialog, () => null);
    const ctx: CallContext = { ...testCtx, door: 'ipc' };
    expect(await t.call('store:choosePath', { purpose: 'backupFolder' })).toEqual({
      ok: true,
      data: { path: null, supported: false }, // web mode and the CLI have no dialog
    });
    expect(await call('store:choosePath', { purpose: 'backupFolder' }, ctx)).toEqual({
      ok: true,
      data: { path: '/media/U盘', supported: true },
    });
    expect(shown[0].properties).toEqual(['openDirectory', 'createDirectory']);
    answer = { canceled: true, filePaths: [] };
    expect(await call('store:choosePath', { purpose: 'restoreFile' }, ctx)).toEqual({
      ok: true,
      data: { path: null, supported: true },
    });
    expect(shown[1].properties).toEqual(['openFile']);
    const wrong = await call('store:choosePath', { purpose: 'anything' }, ctx);
    expect(!wrong.ok && wrong.error.code).toBe('validation');
    expect(shown).toHaveLength(2);
    // Once accounts exist, someone not signed in gets no dialog.
    await enableAccounts(t);
    const anon = await call('store:choosePath', { purpose: 'backupFolder' }, { ...ctx, sessionId: 'x' });
    expect(!anon.ok && anon.error.code).toBe('unauthenticated');
    expect(shown).toHaveLength(2);
    // Every other channel passes through as it is.
    expect((await call('store:backups', {}, ctx)).ok).toBe(false);
  });
});
