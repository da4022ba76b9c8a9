// Failures a clerk understands, through the screens: a save onto a file WPS holds open (desktop stand-in backed by
// main's real save code; web mode writing 「生成月报」 onto a file that really cannot be replaced), a screen whose
// code fails to load, the service stopping and coming back with a new address, the date spellings clerks type and
// every problem of a record at once — in the ledger drawer and in an import preview.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src-main/app/create-app';
import { silentLogger } from '../../src-main/app/logger';
import { startWebServer as startDoor } from '../../src-main/doors/http/web-server';
import { createSaveFile } from '../../src-main/electron/save-file';
import { meetings } from '../../src-main/shared/ledgers/meetings';
import { makeTempDir } from '../helpers/temp-dir';
import { launchChromium } from '../helpers/chromium';
import { SHOTS_DIR, startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { LedgerScreen } from './pages/LedgerScreen';
import { MonthlyScreen } from './pages/MonthlyScreen';

const RENDERER_DIR = path.resolve('out/renderer');

/** An fs error exactly as Node raises it when Windows refuses to replace a file another program holds. */
function busy(from: string, to: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}' -> '${to}'`), {
    code: 'EBUSY',
    syscall: 'rename',
    path: from,
    dest: to,
  });
}

/** True when this machine lets a test make a file that cannot be replaced (chattr +i: root on ext4). */
function immutable(file: string, on: boolean): boolean {
  try {
    execFileSync('chattr', [on ? '+i' : '-i', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The page's spinner and loading toasts: none may be left once a failure is reported. */
async function spinners(page: Page): Promise<number> {
  return page.locator('.ant-btn-loading, .ant-message-notice .anticon-loading').count();
}

describe('saving onto a file held open', () => {
  let app: E2EApp;
  let shell: AppShellPage;
  let outDir: string;
  beforeEach(async () => {
    app = await startE2E({ demo: true });
    shell = new AppShellPage(app.page);
    outDir = path.join(app.server.app.dataDir, '导出');
    mkdirSync(outDir, { recursive: true });
  });
  afterEach(async () => app?.close());

  it('desktop: says the 统计表 is open in WPS or Excel, stops waiting, keeps the old file; then saves and offers 打开文件', async () => {
    const target = path.join(outDir, '统计表.xlsx');
    writeFileSync(target, 'old');
    let held = true;
    // Main's real save code (dialog filters, temp file, rename, Chinese answer) behind the stand-in preload; the
    // dialog chooses `target`, and while "WPS holds it" the rename fails as Windows fails it.
    const save = createSaveFile({
      showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target }),
      defaultDir: () => outDir,
      fs: {
        writeFile: (p, data) => Promise.resolve(writeFileSync(p, data)),
        rename: (from, to) => {
          if (held) return Promise.reject(busy(from, to));
          return import('node:fs/promises').then((fs) => fs.rename(from, to));
        },
      },
    });
    await app.page.exposeFunction('__saveFile', (name: string, data: string) => save(name, data));
    await app.page.context().addInitScript(() => {
      const opened: string[][] = [];
      const w = window as unknown as Record<string, unknown>;
      w.__opened = opened;
      w.api = {
        invoke: async (channel: string, args: unknown) => {
          const token = sessionStorage.getItem('campaign-desk.token') ?? '';
          const res = await fetch(`./api/${channel}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify(args ?? {}),
          });
          return (await res.json()) as unknown;
        },
        saveFile: (name: string, data: string) =>
          (w.__saveFile as (n: string, d: string) => Promise<unknown>)(name, data),
        showItemInFolder: async (p: string) => (opened.push(['show', p]), { ok: true, data: null }),
        openPath: async (p: string) => (opened.push(['open', p]), { ok: true, data: null }),
      };
    });
    await app.page.reload();
    await shell.waitReady();
    await shell.go('/export/stats');
    const button = app.page.getByRole('button', { name: /导出 Excel 统计表/ });
    await button.click();
    const problem = app.page.getByTestId('problem-list');
    await problem.waitFor({ timeout: 60_000 });
    const text = (await problem.textContent()) ?? '';
    expect(text).toContain('文件“统计表.xlsx”正被 WPS 或 Excel 打开');
    expect(text).toContain('请关闭该文件后重试');
    expect(text).toContain(target);
    expect(text).not.toMatch(/EBUSY|resource busy|rename/);
    await expect.poll(() => spinners(app.page)).toBe(0);
    expect(await button.isEnabled()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(outDir)).toEqual(['统计表.xlsx']);
    await shell.shot('failure-save-held');

    // WPS closed: the same button saves, and the notification offers opening the file and its folder.
    held = false;
    await button.click();
    const note = app.page.locator('.ant-notification-notice').filter({ hasText: '统计表已保存' });
    await note.waitFor({ timeout: 60_000 });
    expect(await problem.count()).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    await shell.shot('save-done-open-buttons');
    await note.getByRole('button', { name: /打开文件/ }).click();
    await note.getByRole('button', { name: /在文件夹中显示/ }).click();
    await expect
      .poll(() => app.page.evaluate(() => (window as unknown as { __opened: string[][] }).__opened))
      .toEqual([
        ['open', target],
        ['show', target],
      ]);
    expect(app.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it('desktop: a save that fails outside the app’s answers (the IPC call rejects) still ends the busy state', async () => {
    // What Electron hands the page when main throws: a rejected promise with Node's English inside.
    await app.page.context().addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      w.api = {
        invoke: async (channel: string, args: unknown) => {
          const token = sessionStorage.getItem('campaign-desk.token') ?? '';
          const res = await fetch(`./api/${channel}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify(args ?? {}),
          });
          return (await res.json()) as unknown;
        },
        saveFile: () =>
          Promise.reject(
            new Error(
              "Error invoking remote method 'file:save': Error: EBUSY: resource busy or locked, open 'C:\\统计表.xlsx'",
            ),
          ),
        showItemInFolder: async () => ({ ok: true, data: null }),
        openPath: async () => ({ ok: true, data: null }),
      };
    });
    await app.page.reload();
    await shell.waitReady();
    await shell.go('/export/stats');
    const button = app.page.getByRole('button', { name: /导出 Excel 统计表/ });
    await button.click();
    const problem = app.page.getByTestId('problem-list');
    await problem.waitFor({ timeout: 60_000 });
    const text = (await problem.textContent()) ?? '';
    expect(text).toMatch(/文件“统计表.*\.xlsx”没有保存/);
    expect(text).not.toMatch(/EBUSY|remote method|resource busy/);
    await expect.poll(() => spinners(app.page)).toBe(0);
    expect(await button.isEnabled()).toBe(true);
  });

  it('web mode: 生成月报 onto a 统计表 that cannot be replaced says which file and what to do, and stops waiting', async (ctx) => {
    const settings = await app.api('settings:get', {});
    await app.api('settings:update', { settings: { ...settings, outputDir: outDir } });
    const monthly = new MonthlyScreen(app.page);
    await app.page.reload();
    await shell.waitReady();
    await monthly.open();
    const { from } = await monthly.period();
    const label = `${Number(from.slice(0, 4))}年${Number(from.slice(5, 7))}月`;
    const folder = path.join(outDir, `${label}月报`);
    mkdirSync(folder, { recursive: true });
    const held = path.join(folder, `统计表（${label}）.xlsx`);
    writeFileSync(held, 'old');
    // A real file the system refuses to replace (EPERM, what Windows answers for a file WPS holds open).
    if (!immutable(held, true)) ctx.skip();
    try {
      await monthly.generateButton().click();
      const problem = monthly.card().getByTestId('problem-list');
      await problem.waitFor({ timeout: 60_000 });
      const text = (await problem.textContent()) ?? '';
      expect(text).toContain(`文件“统计表（${label}）.xlsx”正被 WPS 或 Excel 打开`);
      expect(text).toContain('请关闭该文件后重试');
      expect(text).not.toMatch(/EPERM|not permitted/);
      expect(await app.page.getByTestId('monthly-busy').count()).toBe(0);
      await expect.poll(() => spinners(app.page)).toBe(0);
      // All or nothing: the report beside it was not written, the held file is as it was.
      expect(readdirSync(folder)).toEqual([`统计表（${label}）.xlsx`]);
      expect(readFileSync(held, 'utf8')).toBe('old');
      await monthly.card().scrollIntoViewIfNeeded();
      await shell.shot('failure-monthly-held');
    } finally {
      immutable(held, false);
    }
  });
});

describe('a screen whose code cannot be loaded', () => {
  let app: E2EApp;
  afterEach(async () => app?.close());

  it('shows 「与本机服务的连接已断开」 with 重试, never a blank window; 重试 loads it once it can', async () => {
    app = await startE2E({ demo: true });
    const shell = new AppShellPage(app.page);
    await shell.waitReady();
    const block = (route: { abort(): Promise<void> }) => route.abort();
    await app.page.route('**/assets/ImportPage-*.js', block);
    await shell.go('/import');
    const banner = app.page.getByTestId('connection-lost').first();
    await banner.waitFor();
    expect(await banner.textContent()).toContain('与本机服务的连接已断开');
    expect(await app.page.locator('body').textContent()).not.toMatch(/Failed to fetch|dynamically imported/);
    await shell.shot('failure-chunk-banner');

    await app.page.unroute('**/assets/ImportPage-*.js', block);
    await banner.getByRole('button', { name: '重试' }).click();
    await app.page.getByTestId('import-page').waitFor();
    expect(await app.page.getByTestId('connection-lost').count()).toBe(0);
  });
});

describe('the service stops, then comes back with a new address', () => {
  it('shows the connection banner while it is gone, then the page to open the new address (no error code)', async () => {
    const tmp = makeTempDir('campaign-desk-e2e-');
    const core = await createApp({
      dataDir: tmp.dir,
      owner: 'test',
      logger: silentLogger,
      documentsDir: path.join(tmp.dir, 'documents'),
    });
    await core.call('demo:load', { replace: true }, { door: 'internal', user: null, sessionId: 'e2e' });
    const open = (port?: number) =>
      startDoor({
        call: core.call,
        staticDir: RENDERER_DIR,
        port,
        contextFor: (session, fallback) => core.security.sessions.contextFor('http', session, fallback),
      });
    let door = await open();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const shell = new AppShellPage(page);
      await page.goto(door.url);
      await shell.waitReady();
      const oldUrl = door.url;
      await shell.go('/ledger/meetings');
      await page.getByTestId('ledger-page-meetings').waitFor();
      await shell.go('/');

      // The service stops: the next screen's call goes unanswered (its code is loaded already).
      await door.close();
      await shell.go('/ledger/meetings');
      const banner = page.getByTestId('connection-lost').first();
      await banner.waitFor();
      expect(await banner.textContent()).toContain('与本机服务的连接已断开');
      await shell.shot('failure-service-gone');

      // It is started again on the same port, printing a new address (a new token): 重试 finds it, and the page
      // says to open the new address, in Chinese, without a code.
      door = await open(door.port);
      expect(door.url).not.toBe(oldUrl);
      await banner.getByRole('button', { name: '重试' }).click();
      const stale = page.getByTestId('stale-token');
      await stale.waitFor();
      const said = (await stale.textContent()) ?? '';
      expect(said).toContain('访问地址已失效');
      expect(said).toContain('终端');
      expect(said).toContain('没有丢失');
      expect(said).not.toMatch(/unauthenticated|401|令牌/);
      await shell.shot('failure-stale-token');
      // A reload (the token kept for this tab) gets the same page, not a sign-in or lock screen.
      await page.reload();
      await stale.waitFor();

      // Opening the old address itself (history, a bookmark): the service answers with the same advice.
      await page.goto(oldUrl);
      const body = (await page.locator('body').textContent()) ?? '';
      expect(body).toContain('访问地址已失效');
      expect(body).toContain('终端');
      expect(body).not.toMatch(/unauthenticated|401|token=\w/);
      await page.screenshot({ path: `${SHOTS_DIR}/failure-stale-address-page.png` });

      // The new address works.
      await page.goto(door.url);
      await shell.waitReady();
    } finally {
      await browser.close();
      await door.close();
      await core.close();
      tmp.remove();
    }
  });
});

describe('forms: date spellings and every problem at once', () => {
  let app: E2EApp;
  let shell: AppShellPage;
  beforeEach(async () => {
    app = await startE2E({ demo: true });
    shell = new AppShellPage(app.page);
    await shell.waitReady();
  });
  afterEach(async () => app?.close());

  it('the ledger drawer takes 2026.11.25, 2026/11/25, 20261125 and 2026年11月25日, and lists all problems', async () => {
    const screen = new LedgerScreen(app.page, meetings);
    await screen.open();
    await screen.startNew();
    const date = screen.drawer().locator('#record_date');
    for (const typed of ['2026.11.25', '2026/11/25', '20261125', '2026年11月25日', '2026。11。24']) {
      await date.click();
      await date.fill(typed);
      await screen.drawer().locator('.ant-drawer-title').click();
      await expect.poll(() => date.inputValue()).toBe(typed === '2026。11。24' ? '2026-11-24' : '2026-11-25');
    }

    // A missing name, a negative count, 实到 > 应到 and a date that does not exist: all listed on the first save.
    await screen.fill({ key: 'type', type: 'choice' }, '');
    await screen.drawer().locator('#record_expected').fill('9');
    await screen.drawer().locator('#record_present').fill('12');
    await date.click();
    await date.fill('2026.2.30');
    await screen.drawer().locator('.ant-drawer-title').click();
    await screen.save();
    const list = screen.drawer().getByTestId('form-problem-list');
    await list.waitFor();
    const items = await list.locator('li').allTextContents();
    expect(items).toEqual(
      expect.arrayContaining([
        '会议日期“2026.2.30”这个日期不存在（2026年2月只有28天，没有30日）',
        '会议名称必须填写',
        '实到人数不能多于应到人数',
      ]),
    );
    expect(await screen.drawer().getByTestId('form-problem').textContent()).toContain(
      `有 ${items.length} 处需要修正`,
    );
    // Each also at its field; the date as typed stays in its box to be corrected.
    expect(await screen.errorAt('title').textContent()).toBe('会议名称必须填写');
    expect(await screen.errorAt('present').textContent()).toBe('实到人数不能多于应到人数');
    expect(await date.inputValue()).toBe('2026.2.30');
    await shell.shot('failure-drawer-all-problems');

    // A negative number is flagged, never clamped to 0 or dropped.
    await screen.drawer().locator('#record_present').fill('-3');
    await expect.poll(() => screen.errorAt('present').textContent()).toBe('实到人数不能小于0');
    expect(await screen.drawer().locator('#record_present').inputValue()).toBe('-3');
  });

  it('an import preview lists every problem of a row, and reads the typed date spellings', async () => {
    const unit = (await app.api('settings:get', {})).units[0].name;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('会议台账');
    ws.getRow(1).values = ['会议日期', '单位', '会议类型', '会议名称', '应到人数', '实到人数'];
    ws.getRow(2).values = ['2026.11.25', unit, '领导小组会议', '第一次会议', 9, 9];
    ws.getRow(3).values = ['2026年11月26日', '不存在的单位', '领导小组会议', '', 9, 12];
    ws.getRow(4).values = ['2026.2.30', unit, '领导小组会议', '第三次会议', -3, 2];
    const file = path.join(app.server.app.dataDir, '会议台账.xlsx');
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));

    await shell.go('/import');
    await app.page.getByTestId('import-page').waitFor();
    await app.page.locator('input[type=file]').setInputFiles(file);
    const table = app.page.getByTestId('import-preview');
    await table.waitFor({ timeout: 60_000 });
    const row = (n: number) =>
      table.locator('.ant-table-row').filter({ has: app.page.locator(`td:text-is("${n}")`) });
    const problems3 = await row(3).locator('li').allTextContents();
    expect(problems3).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^B列“单位”：单位不在单位列表中/),
        expect.stringMatching(/^D列“会议名称”：会议名称必须填写/),
        expect.stringMatching(/^F列“实到人数”：实到人数不能多于应到人数/),
      ]),
    );
    const problems4 = await row(4).locator('li').allTextContents();
    expect(problems4).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^A列/),
        expect.stringMatching(/^E列“应到人数”：应到人数不能小于0/),
      ]),
    );
    expect(await row(2).locator('li').allTextContents()).toEqual([]);
    await table.scrollIntoViewIfNeeded();
    await shell.shot('failure-import-all-problems');
  });
});
