// 设置 → 数据与备份 in Chromium against the real web door: a backup taken from the screen, a ledger file damaged
// on disk, 检查数据 finding it, the restore confirmed with what would change, the records back and the banner telling
// it; a truncated newest backup reported and refused in Chinese; web mode's download and upload; and a repair made
// at start-up shown in the banner, with 检查数据 one click away.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerDef } from '../../src-main/shared/ledgers';
import type { LedgerRecord } from '../../src-main/shared/ledgers/types';
import { makeTempDir } from '../helpers/temp-dir';
import { sampleMeeting } from '../helpers/test-app';
import { startWebServer } from '../helpers/web-server';
import { launchChromium } from '../helpers/chromium';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { DataSafetyScreen } from './pages/DataSafetyScreen';
import { LedgerScreen } from './pages/LedgerScreen';

const meeting = (title: string) => sampleMeeting({ title, unit: 'u-office' });

describe('设置 → 数据与备份', () => {
  let app: E2EApp;
  let shell: AppShellPage;
  let screen: DataSafetyScreen;
  let dataDir: string;

  const titles = async () =>
    (await app.api('ledgers:list', { ledger: 'meetings' })).records.map((r) => String(r.title)).sort();

  beforeAll(async () => {
    app = await startE2E();
    shell = new AppShellPage(app.page);
    screen = new DataSafetyScreen(app.page);
    dataDir = app.server.app.dataDir;
    const s = await app.api('settings:get', {});
    await app.api('settings:update', {
      settings: {
        ...s,
        setupDone: true,
        units: [
          {
            id: 'u-office',
            name: '区纪委监委机关',
            kind: '机关',
            headcount: 40,
            leaderHeadcount: 7,
            active: true,
          },
        ],
      },
    });
    await app.api('ledgers:create', { ledger: 'meetings', record: meeting('甲会') });
    await app.api('ledgers:create', { ledger: 'meetings', record: meeting('乙会') });
    await app.page.reload();
    await shell.waitReady();
  });
  afterAll(async () => app?.close());

  it('backs up, finds a damaged ledger file, and restores it from the screen: the records come back, the change told', async () => {
    await screen.open();
    await screen.backupNow();
    expect(await screen.backupResult().textContent()).toContain('已备份');
    await expect.poll(() => screen.row('手动备份').count()).toBe(1);
    expect(await screen.row('手动备份').textContent()).toMatch(
      /\d{4}-\d\d-\d\d \d\d:\d\d.*手动备份.*(KB|字节)/,
    );
    await shell.shot('data-list');

    // After the backup: one meeting deleted, one added; then the ledger file is damaged on disk.
    const a = (await app.api('ledgers:list', { ledger: 'meetings' })).records.find(
      (r) => r.title === '甲会',
    )!;
    await app.api('ledgers:remove', { ledger: 'meetings', id: a.id });
    await app.api('ledgers:create', { ledger: 'meetings', record: meeting('丙会') });
    const file = path.join(dataDir, 'ledger-meetings.json');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));

    // 检查数据 while it runs (held back a moment so it can be seen), then its findings.
    await app.page.route('**/api/store:verify', async (route) => {
      await new Promise((r) => setTimeout(r, 1200));
      await route.continue();
    });
    await screen.runVerify();
    await screen.verifyRunning().waitFor();
    await shell.shot('data-verify-running');
    await screen.verifySummary().waitFor();
    await app.page.unroute('**/api/store:verify');
    expect(await screen.verifySummary().textContent()).toContain('发现 1 个问题');
    expect(await screen.verifySection('store').textContent()).toContain(
      '数据文件「ledger-meetings.json」有问题：被截断，内容不完整',
    );
    expect(await screen.verifySection('backups').textContent()).toContain('正常');
    await shell.shot('data-verify-result'); // the findings scroll into view by themselves

    // 恢复: checked whole first, then what would change, and only 确认恢复 replaces anything.
    await screen.startRestore('手动备份');
    await screen.confirm().waitFor();
    const confirmText = await screen.confirm().textContent();
    expect(confirmText).toContain('已完整检查该备份：能够恢复。');
    expect(confirmText).toMatch(/会议\s*2\s*2\s*去掉 1（备份中没有），1 回到备份时的内容/);
    expect(confirmText).toContain('现有数据会先另存为一份备份');
    await shell.shot('data-restore-confirm');
    await screen.confirmRestore();
    const result = await screen.restoreResult().textContent();
    expect(result).toMatch(/已从 .* 的备份恢复全部数据。恢复前的数据已另存为备份：/);
    expect(result).toContain('会议：现有 2 条，恢复后 2 条（去掉 1 条备份中没有的，1 条回到备份时的内容）');
    // The banner says it too, for everyone, as information.
    const notice = app.page.getByTestId('store-notice').filter({ hasText: '恢复全部数据' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('会议：现有 2 条，恢复后 2 条');
    // The findings of the check before it are gone: they described the data the restore replaced.
    expect(await app.page.getByTestId('verify-report').count()).toBe(0);
    await shell.shot('data-restore-result');

    expect(await titles()).toEqual(['乙会', '甲会']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(2); // whole again on disk
    const ledger = new LedgerScreen(app.page, ledgerDef('meetings'));
    await ledger.open();
    await expect.poll(() => ledger.row('甲会').count()).toBe(1);
    expect(await ledger.row('丙会').count()).toBe(0);

    await screen.open();
    await screen.runVerify();
    await expect.poll(() => screen.verifySummary().textContent()).toContain('检查通过');
    expect((await app.api('audit:list', { action: '恢复备份' })).rows).toHaveLength(1);
  });

  it('reports a truncated newest backup and refuses to restore it, in Chinese', async () => {
    await screen.open();
    await screen.backupNow();
    const newest = (await app.api('store:backups', {})).backups[0];
    const bytes = readFileSync(newest.file);
    writeFileSync(newest.file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));

    await screen.rows().first().getByRole('button', { name: '恢复…' }).click();
    await screen.error().waitFor();
    const error = await screen.error().textContent();
    expect(error).toContain('不能用这个备份恢复');
    expect(error).toContain(
      `备份文件 ${path.basename(newest.file)} 已损坏：被截断，内容不完整，未做任何恢复。`,
    );
    expect(error).not.toContain('内部出错');
    expect(await screen.confirm().count()).toBe(0);
    // From now on the list marks it, and it cannot be chosen.
    await expect.poll(() => screen.rows().first().textContent()).toContain('已损坏');
    expect(await screen.rows().first().getByRole('button', { name: '恢复…' }).isDisabled()).toBe(true);
    await shell.shot('data-error');

    await screen.runVerify();
    await expect.poll(() => screen.verifySummary().textContent()).toContain('发现 1 个问题');
    expect(await screen.verifySection('backups').textContent()).toMatch(
      /不能用于恢复：备份文件 .* 已损坏：被截断/,
    );
    await shell.shot('data-verify-backup-damaged');
  });

  it('web mode: 下载备份文件 saves a bundle through the browser, and 从文件恢复 uploads one, checked first', async () => {
    await screen.open();
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByTestId('backup-elsewhere').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^教育整顿工作台备份-\d{8}-\d{6}\.json$/);
    const saved = path.join(dataDir, '..', `${path.basename(dataDir)}-download.json`);
    await download.saveAs(saved);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ format: 'campaign-desk-backup' });
    await screen.backupResult().waitFor();

    await app.api('ledgers:create', { ledger: 'meetings', record: meeting('丁会') });
    await screen.upload(saved);
    await screen.confirm().waitFor();
    expect(await screen.confirm().textContent()).toContain(path.basename(saved));
    expect(await screen.confirm().textContent()).toMatch(/去掉 1（备份中没有）/);
    await screen.confirmRestore();
    expect(await titles()).toEqual(['乙会', '甲会']);

    // Not a backup: refused before anything is replaced.
    const notBackup = path.join(dataDir, '..', `${path.basename(dataDir)}-会议.json`);
    writeFileSync(notBackup, '{"hello":1}');
    await screen.upload(notBackup);
    await screen.error().waitFor();
    expect(await screen.error().textContent()).toContain(`${path.basename(notBackup)} 不是本程序的备份文件`);
    expect(app.errors).toEqual([]);
  });
});

describe('the desktop (window.api as the preload gives it; main answers store:choosePath with its dialog)', () => {
  let app: E2EApp;
  const usb = makeTempDir('campaign-desk-usb-');
  afterAll(async () => {
    await app?.close();
    usb.remove();
  });

  it('backs up into the folder chosen in the dialog, and restores from a file chosen there', async () => {
    app = await startE2E();
    const s = await app.api('settings:get', {});
    await app.api('settings:update', { settings: { ...s, setupDone: true } });
    const page = await (await app.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    let chosenFile = '';
    // What main's withBackupDialogs answers after the router said yes: the folder or file the user picked.
    await page.exposeFunction('chooseInDialog', (purpose: string) =>
      purpose === 'backupFolder' ? usb.dir : chosenFile,
    );
    await page.addInitScript((token: string) => {
      const w = window as unknown as { api: unknown; chooseInDialog(p: string): Promise<string> };
      w.api = {
        invoke: async (channel: string, args: { purpose?: string } | undefined) => {
          if (channel === 'store:choosePath') {
            return { ok: true, data: { path: await w.chooseInDialog(args?.purpose ?? ''), supported: true } };
          }
          const res = await fetch(`/api/${channel}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify(args ?? {}),
          });
          return res.json() as Promise<unknown>;
        },
        saveFile: () => Promise.resolve({ ok: true, data: null }),
        showItemInFolder: () => Promise.resolve({ ok: true, data: null }),
        openPath: () => Promise.resolve({ ok: true, data: null }),
      };
    }, app.server.token);
    await page.goto(app.server.url);
    const shell = new AppShellPage(page);
    await shell.waitReady();
    const screen = new DataSafetyScreen(page);
    await screen.open();
    expect(await page.getByTestId('backup-elsewhere').textContent()).toContain('备份到其他位置（如 U 盘）');

    await page.getByTestId('backup-elsewhere').click();
    await screen.backupResult().waitFor();
    expect(await screen.backupResult().textContent()).toContain('已备份到所选文件夹，并已读回检查');
    const [written] = readdirSync(usb.dir);
    expect(written).toMatch(/^教育整顿工作台备份-\d{8}-\d{6}\.json$/);
    await shell.shot('data-desktop-backup');

    await app.api('ledgers:create', { ledger: 'meetings', record: meeting('戊会') });
    chosenFile = path.join(usb.dir, written);
    await page.getByTestId('restore-from-file').click();
    await screen.confirm().waitFor();
    expect(await screen.confirm().textContent()).toContain(written);
    await screen.confirmRestore();
    expect((await app.api('ledgers:list', { ledger: 'meetings' })).records).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('repairs made at start-up', () => {
  let browser: Browser;
  let page: Page;
  const tmp = makeTempDir('campaign-desk-e2e-');
  afterAll(async () => {
    await browser?.close();
    tmp.remove();
  });

  it('are shown in the banner, with 检查数据 for the administrator', async () => {
    let server = await startWebServer({ dataDir: tmp.dir });
    const ctx = { door: 'internal' as const, user: null, sessionId: 'e2e' };
    const s = await server.app.call('settings:get', {}, ctx);
    if (!s.ok) throw new Error(s.error.message);
    await server.app.call('settings:update', { settings: { ...(s.data as object), setupDone: true } }, ctx);
    const created = await server.app.call(
      'ledgers:create',
      { ledger: 'meetings', record: meeting('甲会') },
      ctx,
    );
    expect(created.ok).toBe(true);
    await server.app.call('store:backup', {}, ctx);
    await server.close();
    writeFileSync(path.join(tmp.dir, 'ledger-meetings.json'), Buffer.alloc(256)); // power loss: NUL bytes

    server = await startWebServer({ dataDir: tmp.dir });
    try {
      browser = await launchChromium();
      page = await (
        await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
      ).newPage();
      await page.goto(server.url);
      const shell = new AppShellPage(page);
      await shell.waitReady();
      const notice = page.getByTestId('store-notice').first();
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(
        /数据文件「ledger-meetings\.json」内容全为空字节.*已移至隔离区.*已从 .* 的备份恢复该数据/,
      );
      await shell.shot('data-startup-banner');
      await notice.getByRole('button', { name: '检查数据' }).click();
      const screen = new DataSafetyScreen(page);
      await screen.section().waitFor();
      await screen.runVerify();
      await expect.poll(() => screen.verifySummary().textContent()).toContain('发现 1 个问题');
      expect(await screen.verifySection('repairs').textContent()).toContain('ledger-meetings.json');
      const list = await server.app.call('ledgers:list', { ledger: 'meetings' }, ctx);
      const records = list.ok ? (list.data as { records: LedgerRecord[] }).records : [];
      expect(records.map((r) => r.title)).toEqual(['甲会']);
    } finally {
      await server.close();
    }
  });
});
