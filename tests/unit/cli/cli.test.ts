// The CLI as a user runs it: a real child process on a real data directory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';
import { enableAccounts, openTestApp, setUpOffice, TEST_ADMIN, testCtx } from '../../helpers/test-app';

const BIN = path.resolve('bin/campaign-desk.js');
let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir('cli-')));
afterEach(() => tmp.remove());

function cli(...args: string[]) {
  return cliWith({}, ...args);
}

function cliWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--data-dir', tmp.dir, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The 操作日志's lines, as written. */
function auditLines(): { action: string; door: string; user: string; detail?: string }[] {
  return readFileSync(path.join(tmp.dir, 'audit', 'audit.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { action: string; door: string; user: string; detail?: string });
}

describe('campaign-desk CLI', () => {
  it('prints Chinese help listing its commands', () => {
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    for (const c of ['verify', 'backup', 'restore', 'demo', 'indicators']) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('数据目录');
  });

  it('verifies a fresh store, backs it up and restores from the backup', () => {
    const v = cli('verify');
    expect(v.code).toBe(0);
    expect(v.out).toContain('检查通过');
    const file = path.join(tmp.dir, 'my-backup.json');
    const b = cli('backup', file);
    expect(b.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const r = cli('restore', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已从');
  });

  it('says what a restore changed, and writes each of verify, backup and restore to the 操作日志', () => {
    cli('demo');
    const file = path.join(tmp.dir, 'before.json');
    expect(cli('backup', file).code).toBe(0);
    const count = () => cli('list', 'meetings').out.trim().split('\n').length;
    const meetings = count();
    const id = cli('list', 'meetings').out.split('\n')[0].split('\t')[0];
    writeFileSync(
      path.join(tmp.dir, 'ledger-meetings.json'),
      JSON.stringify(
        (
          JSON.parse(readFileSync(path.join(tmp.dir, 'ledger-meetings.json'), 'utf8')) as { id: string }[]
        ).filter((m) => m.id !== id),
      ),
    );
    expect(count()).toBe(meetings - 1); // an edit outside the app, read at the next open
    const r = cli('restore', file);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`会议：现有 ${meetings - 1} 条，恢复后 ${meetings} 条（找回 1 条）`);
    expect(count()).toBe(meetings);
    expect(cli('verify').code).toBe(0);
    const lines = auditLines().filter((l) => l.door === 'cli');
    expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(['备份', '恢复备份', '检查数据']));
    expect(lines.find((l) => l.action === '恢复备份')?.detail).toContain('找回 1 条');
  });

  it('verify reads every backup whole: a truncated newest one fails it, and restoring it is refused in Chinese', () => {
    cli('demo');
    const backups = readdirSync(path.join(tmp.dir, 'backups')).sort();
    const newest = path.join(tmp.dir, 'backups', backups.at(-1)!);
    const bytes = readFileSync(newest);
    writeFileSync(newest, bytes.subarray(0, bytes.length >> 1));
    const v = cli('verify');
    expect(v.code).toBe(1);
    expect(v.out).not.toContain('检查通过');
    expect(v.out).toMatch(/的备份不能用于恢复：备份文件 backup-[\d-]+\.json 已损坏：被截断，内容不完整。/);
    const r = cli('restore', newest);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/已损坏：被截断，内容不完整，未做任何恢复/);
    expect(r.err).not.toContain('内部出错');
  });

  it('backup, restore and verify are the administrator’s once accounts exist, checked by the router', async () => {
    const t = await openTestApp({ dir: tmp.dir, now: () => new Date() });
    try {
      await setUpOffice(t);
      await enableAccounts(t);
      const password = 'Member#2026x';
      await t.ok('users:create', {
        username: 'member',
        displayName: '文稿组干部',
        role: 'member',
        groups: ['drafting'],
        password,
      });
      const s = await t.app.call('auth:signIn', { username: 'member', password }, testCtx);
      if (!s.ok) throw new Error(s.error.message);
      const ctx = t.app.security.sessions.contextFor(
        'internal',
        (s.data as { sessionId: string }).sessionId,
        'm',
      );
      const c = await t.app.call(
        'auth:changePassword',
        { oldPassword: password, newPassword: `${password}~` },
        ctx,
      );
      if (!c.ok) throw new Error(c.error.message);
    } finally {
      await t.app.close();
    }
    const member = { CAMPAIGN_DESK_PASSWORD: 'Member#2026x~' };
    for (const args of [['backup'], ['verify'], ['restore', path.join(tmp.dir, 'x.json')]]) {
      const r = cliWith(member, '--user', 'member', ...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err).toContain('只有管理员可以进行此操作');
    }
    const admin = { CAMPAIGN_DESK_PASSWORD: TEST_ADMIN.password };
    const b = cliWith(admin, '--user', TEST_ADMIN.username, 'backup');
    expect(b.code, b.err).toBe(0);
    const v = cliWith(admin, '--user', TEST_ADMIN.username, 'verify');
    expect(v.code, v.out + v.err).toBe(0);
    const cliLines = auditLines().filter((l) => l.door === 'cli' && l.user === TEST_ADMIN.username);
    expect(cliLines.map((l) => l.action)).toEqual(expect.arrayContaining(['备份', '检查数据']));
  });

  it('refuses to restore a file that is not a backup, and changes nothing', () => {
    cli('demo');
    const bad = path.join(tmp.dir, 'not-a-backup.json');
    writeFileSync(bad, '{"hello":1}');
    const r = cli('restore', bad);
    expect(r.code).not.toBe(0);
    expect(r.err.length).toBeGreaterThan(0);
    const count = JSON.parse(
      cli('indicators', '--from', '2000-01-01', '--to', '2100-12-31', '--json').out,
    ) as { name: string; period: number }[];
    expect(count.find((c) => c.name === '领导小组会议次数')?.period).toBeGreaterThan(0);
  });

  it('refuses /etc/passwd or a secret file as a backup in Chinese, and never copies its bytes into the log', () => {
    cli('demo');
    const marker = 'S3CR3TMARK'; // ten characters: as much as V8 quotes from a file it cannot parse
    const secret = path.join(tmp.dir, 'shadow');
    writeFileSync(secret, `${marker}:$6$salt$hash:19000:0:99999:7:::\nroot:*:19000:0:99999:7:::\n`);
    for (const file of [secret, '/etc/passwd']) {
      const r = cli('restore', file);
      expect(r.code).not.toBe(0);
      expect(r.err).toContain('不是本程序的备份文件');
      expect(r.err).not.toContain('内部出错');
      expect(r.err).not.toContain(marker);
    }
    const logFile = path.join(tmp.dir, 'logs', 'app.log');
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    expect(log).not.toContain(marker);
    expect(log).not.toContain('root:');
  });

  it('writes the progress report and a bulletin from the demo data', async () => {
    expect(cli('demo').code).toBe(0);
    const report = path.join(tmp.dir, '报告.docx');
    // A period that has not ended is refused unless asked for, and then written with a warning.
    const refused = cli('report', '--from', '2000-01-01', '--to', '2100-12-31', report);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('晚于今天');
    expect(existsSync(report)).toBe(false);
    const r = cli('report', '--from', '2000-01-01', '--to', '2100-12-31', '--allow-incomplete', report);
    expect(r.code).toBe(0);
    expect(r.out).toContain('请注意：所选期间截止到2100年12月31日');
    const JSZip = (await import('jszip')).default;
    const xml = await (
      await JSZip.loadAsync(readFileSync(report))
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('江城区纪委监委');
    expect(xml).not.toContain('{{');
    const list = cli('list', 'bulletins');
    const id = list.out.split('\n')[0].split('\t')[0];
    const out = path.join(tmp.dir, '简报.docx');
    expect(cli('bulletin', id, out, '--key-numbers').code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(cli('list', 'nonsense').err).toContain('未知的台账');
  });

  it('exports a ledger, imports it into an empty store with a dry run first, and writes the statistics workbook', () => {
    expect(cli('demo').code).toBe(0);
    const out = path.join(tmp.dir, '会议.xlsx');
    expect(cli('export', 'meetings', out).code).toBe(0);
    const exported = cli('list', 'meetings').out.trim().split('\n').length;
    const other = makeTempDir('cli-import-');
    try {
      const into = (...args: string[]) =>
        spawnSync(process.execPath, [BIN, '--data-dir', other.dir, ...args], {
          encoding: 'utf8',
          timeout: 60_000,
        });
      // The units the records name must exist: give the empty store the demo's settings first.
      expect(into('demo').status).toBe(0);
      const dry = into('import', 'meetings', out, '--dry-run');
      expect(dry.status, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('检查通过');
      const again = into('import', 'meetings', out);
      expect(again.stdout).toMatch(/新增 0，更新 0，跳过 \d+/);
      const stats = path.join(tmp.dir, '统计表.xlsx');
      expect(cli('stats', '--from', '2026-09-01', '--to', '2026-11-29', stats).code).toBe(0);
      expect(readFileSync(stats).subarray(0, 2).toString()).toBe('PK');
      expect(exported).toBeGreaterThan(10);
      const bad = path.join(tmp.dir, 'bad.xlsx');
      writeFileSync(bad, 'name,date\n会议,2026-01-01\n');
      const refused = into('import', 'meetings', bad);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr + refused.stdout).toMatch(/CSV|文本|不是/);
    } finally {
      other.remove();
    }
  });

  it('writes last month’s package into one folder named by the period', async () => {
    expect(cli('demo').code).toBe(0);
    const out = path.join(tmp.dir, '输出');
    const r = cli('monthly', '--month', '2026-10', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`文件夹：${out}`);
    expect(readdirSync(out).sort()).toEqual(['工作情况报告（2026年10月）.docx', '统计表（2026年10月）.xlsx']);
    const JSZip = (await import('jszip')).default;
    const xml = await (
      await JSZip.loadAsync(readFileSync(path.join(out, '工作情况报告（2026年10月）.docx')))
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('现将10月工作情况报告如下');
    // The report's own text is the draft until the office writes it: said on the terminal.
    expect(r.out).toContain('请注意：“存在的问题”“下一步工作打算”是程序提供的初稿');
    const bad = cli('monthly', '--month', '2026-13', out);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('不是有效月份');
  });

  it('reports a store that had to be recovered and exits non-zero', () => {
    cli('verify');
    const settingsFile = readdirSync(tmp.dir).find((f) => f.startsWith('settings'))!;
    writeFileSync(path.join(tmp.dir, settingsFile), '{"truncated":');
    const r = cli('verify');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/恢复|隔离/);
    expect(existsSync(path.join(tmp.dir, 'quarantine'))).toBe(true);
  });

  it('refuses a second program on the same data directory with a clear message', async () => {
    const web = spawn(
      process.execPath,
      ['bin/run-ts.js', 'src-main/doors/http/main.ts', '--data-dir', tmp.dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      await new Promise<void>((resolve, reject) => {
        web.stdout.on('data', (d: Buffer) => d.toString().includes('http://127.0.0.1:') && resolve());
        web.on('exit', (c) => reject(new Error(`web mode exited ${c}`)));
      });
      const r = cli('verify');
      expect(r.code).toBe(1);
      // Names who holds it, since when, and what to do.
      expect(r.err).toMatch(/正在被网页版服务使用（进程号 \d+）/);
      expect(r.err).toContain('请先关闭该程序');
    } finally {
      web.kill('SIGTERM');
      await new Promise((r) => web.on('exit', r));
    }
  });
});
