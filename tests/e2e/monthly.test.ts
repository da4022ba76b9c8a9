// 「生成月报」 through the screens, on the demonstration data (today is the real date; the demo campaign began 90 days
// ago): last month's package in two clicks from the dashboard, its files downloadable, the draft-text warning gone
// once 本期文字 is saved, an unfinished month asked about first, and 设置 → 报告信息 saved and read back.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHOTS_DIR, startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { MonthlyScreen, ReportInfoSettings } from './pages/MonthlyScreen';

/** The calendar month before the one `today` is in, as "YYYY-MM" with its first and last day. */
function monthBefore(today: string): { month: string; from: string; to: string } {
  const [y, m] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { month: iso(first).slice(0, 7), from: iso(first), to: iso(last) };
}

function monthAfter(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

/** The text of a .docx body, runs joined. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('生成月报', () => {
  let app: E2EApp;
  let shell: AppShellPage;
  let screen: MonthlyScreen;
  let outDir: string;
  let today: string;

  beforeEach(async () => {
    app = await startE2E({ demo: true });
    shell = new AppShellPage(app.page);
    screen = new MonthlyScreen(app.page);
    // Packages go into the test's own data directory, never the documents folder of whoever runs the tests.
    outDir = path.join(app.server.app.dataDir, '月报输出');
    const settings = await app.api('settings:get', {});
    await app.api('settings:update', { settings: { ...settings, outputDir: outDir } });
    today = (await app.api('app:info', {})).today;
    await app.page.reload();
    await shell.waitReady();
  });
  afterEach(async () => app?.close());

  it('makes last month’s package from the dashboard in two clicks, with files to download', async () => {
    const last = monthBefore(today);
    await app.page.getByTestId('key-numbers').waitFor();
    await shell.shot('dashboard-monthly-button');
    await app.page.getByTestId('dashboard-monthly').click();
    await screen.card().waitFor();
    expect(await screen.period()).toEqual({ key: 'lastMonth', from: last.from, to: last.to });
    await screen.notesSource().waitFor();
    await shell.shot('monthly-before');

    // The button has the focus on arrival: Enter is the second "click".
    await expect.poll(() => screen.generateButton().evaluate((b) => b === document.activeElement)).toBe(true);
    await app.page.keyboard.press('Enter');
    const busy = app.page.getByTestId('monthly-busy');
    if (await busy.isVisible()) await app.page.screenshot({ path: `${SHOTS_DIR}/monthly-busy.png` });
    await screen.result().waitFor({ timeout: 60_000 });
    const label = `${Number(last.month.slice(0, 4))}年${Number(last.month.slice(5, 7))}月`;
    const rows = await screen.fileRows();
    expect(rows.map((r) => r.name)).toEqual([`工作情况报告（${label}）.docx`, `统计表（${label}）.xlsx`]);
    for (const r of rows) expect(r.size).toMatch(/^\d+(\.\d)? (KB|MB)$/);
    expect(await screen.result().getByTestId('monthly-folder').textContent()).toBe(
      path.join(outDir, `${label}月报`),
    );
    expect(readdirSync(path.join(outDir, `${label}月报`)).sort()).toEqual(rows.map((r) => r.name).sort());
    // Nothing was written for last month yet: the report carries the app's draft, and says so.
    await expect.poll(() => screen.warnings().textContent()).toContain('初稿');
    await shell.shot('monthly-after');

    const report = await screen.download('工作情况报告');
    expect(report.name).toBe(rows[0].name);
    expect(report.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(await docxText(report.bytes)).toContain('工作情况报告');
    expect(app.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it('uses 本期文字 once saved: no draft warning; another month then shows it as carried over', async () => {
    const last = monthBefore(today);
    await screen.open();
    expect(await screen.notesSource().getAttribute('data-source')).toBe('default');
    expect(await screen.notesSource().textContent()).toContain('以下为程序提供的初稿');
    await screen.notesCard().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shell.shot('notes-default');

    await screen.notesField('problems').fill('学习教育的深度还需拓展。\n检视问题还不够深入。');
    await screen
      .notesField('nextSteps')
      .fill('（一）持续深化学习教育。创新学习形式。\n（二）从严抓好检视整改。逐项销号。');
    expect(await screen.notesCard().getAttribute('data-dirty')).toBe('true');
    await screen.notesField('nextSteps').press('Control+s');
    await shell.messages().filter({ hasText: '本期文字' }).first().waitFor();
    await expect.poll(() => screen.notesSource().getAttribute('data-source')).toBe('saved');
    expect(await screen.notesSource().textContent()).toMatch(/本期已保存（本机用户，\d+月\d+日 \d\d:\d\d）/);
    await screen.notesCard().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shell.shot('notes-saved');
    const saved = await app.api('report:notes:get', { from: last.from, to: last.to });
    expect(saved.notes.problems).toBe('学习教育的深度还需拓展。\n检视问题还不够深入。');

    await screen.generateButton().click();
    await screen.result().waitFor({ timeout: 60_000 });
    expect(await screen.warnings().count()).toBe(0);
    await screen.result().getByTestId('monthly-no-warnings').waitFor();

    // 本月 has no text of its own: last month's is offered, marked as carried over.
    await screen.choosePeriod('本月');
    await expect.poll(() => screen.notesSource().getAttribute('data-source')).toBe('previous');
    expect(await screen.notesSource().textContent()).toContain(
      `以下沿用${Number(last.month.slice(5, 7))}月的内容`,
    );
    expect(await screen.notesField('problems').inputValue()).toBe(
      '学习教育的深度还需拓展。\n检视问题还不够深入。',
    );
    await screen.notesCard().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shell.shot('notes-previous');

    // Unsaved edits are not dropped by a period switch without asking.
    await screen.notesField('highlights').fill('某街道纪工委建立“学习积分”制度。');
    await screen.choosePeriod('上月');
    const ask = app.page.locator('.ant-modal-confirm').filter({ hasText: '本期文字尚未保存' });
    await ask.waitFor();
    await shell.shot('notes-unsaved-guard');
    await ask.getByRole('button', { name: '继续编辑' }).click();
    expect((await screen.period()).key).toBe('month');
    expect(await screen.notesField('highlights').inputValue()).toBe('某街道纪工委建立“学习积分”制度。');
  });

  it('asks before making a month that has not ended; 取消 writes nothing, 仍然生成 says it is unfinished', async () => {
    const next = monthAfter(today);
    await screen.open();
    await screen.pickMonth(next);
    await expect.poll(async () => (await screen.period()).from).toBe(`${next}-01`);
    await screen.generateButton().click();
    await screen.confirmDialog().waitFor();
    expect(await screen.confirmDialog().textContent()).toContain('晚于今天');
    await shell.shot('monthly-confirm');
    await screen.confirmDialog().getByRole('button', { name: '取消' }).click();
    await screen.confirmDialog().waitFor({ state: 'detached' });
    expect(await screen.result().count()).toBe(0);
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);

    await screen.generateButton().click();
    await screen.confirmDialog().getByRole('button', { name: '仍然生成' }).click();
    await screen.result().waitFor({ timeout: 60_000 });
    expect(await screen.warnings().textContent()).toContain('所选期间截止到');
    expect(readdirSync(outDir)).toHaveLength(1);
  });

  it('exports the single Word report for an unfinished month only when confirmed, and lists what to check', async () => {
    const next = monthAfter(today);
    await screen.open();
    await screen.pickMonth(next);
    await expect.poll(async () => (await screen.period()).from).toBe(`${next}-01`);
    const exportButton = app.page.getByRole('button', { name: /导出 Word 报告/ });
    await exportButton.click();
    await screen.confirmDialog().waitFor();
    await screen.confirmDialog().getByRole('button', { name: '取消' }).click();
    await screen.confirmDialog().waitFor({ state: 'detached' });
    expect(await app.page.getByTestId('report-warnings').count()).toBe(0);

    await exportButton.click();
    const [download] = await Promise.all([
      app.page.waitForEvent('download', { timeout: 60_000 }),
      screen.confirmDialog().getByRole('button', { name: '仍然生成' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const warnings = app.page.getByTestId('report-warnings');
    await warnings.waitFor();
    expect(await warnings.textContent()).toContain('所选期间截止到');
    expect(await warnings.textContent()).toContain('初稿');
    await warnings.scrollIntoViewIfNeeded();
    await shell.shot('report-export-warnings');
  });

  it('on the desktop, offers 打开文件夹 and 打开文件 (through the preload) instead of downloads', async () => {
    // Stands in for the Electron preload: contract calls go to the same web door, opening is recorded.
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
        saveFile: async () => ({ ok: true, data: null }),
        showItemInFolder: async (p: string) => (opened.push(['show', p]), { ok: true, data: null }),
        openPath: async (p: string) => (opened.push(['open', p]), { ok: true, data: null }),
      };
    });
    await app.page.reload();
    await shell.waitReady();
    await screen.open();
    await screen.generateButton().click();
    await screen.result().waitFor({ timeout: 60_000 });
    expect(await screen.result().getByRole('button', { name: /下载/ }).count()).toBe(0);
    const folder = (await screen.result().getByTestId('monthly-folder').textContent()) ?? '';
    await screen.result().getByRole('button', { name: '打开文件夹' }).click();
    await screen.files().first().getByRole('button', { name: '打开文件' }).click();
    await screen.files().nth(1).getByRole('button', { name: '在文件夹中显示' }).click();
    const rows = await screen.fileRows();
    await expect
      .poll(() => app.page.evaluate(() => (window as unknown as { __opened: string[][] }).__opened))
      .toEqual([
        ['open', folder],
        ['open', path.join(folder, rows[0].name)],
        ['show', path.join(folder, rows[1].name)],
      ]);
    await shell.shot('monthly-after-desktop');
  });

  it('saves a plenary session in 设置 → 报告信息, previewed as it will read, and shows it after a reload', async () => {
    const info = new ReportInfoSettings(app.page);
    await info.open();
    const row = await info.addPlenary('省纪委', '十二', '三');
    await expect.poll(() => row.getByTestId('plenary-name').textContent()).toBe('省纪委十二届三次全会');
    expect(await info.sentence().textContent()).toContain('省纪委十二届三次全会');
    expect(await info.root().getByTestId('cited-preview').textContent()).toContain('严格落实');
    await shell.shot('settings-report-info');
    await info.root().getByTestId('cited-preview').scrollIntoViewIfNeeded();
    await shell.shot('settings-report-info-cited');
    await info.save();
    const saved = await app.api('settings:get', {});
    expect(saved.report.plenaries).toContainEqual({ body: '省纪委', term: '十二', session: '三' });

    await app.page.reload();
    await shell.waitReady();
    await info.open();
    const names = await info.root().getByTestId('plenary-name').allTextContents();
    expect(names).toContain('省纪委十二届三次全会');
    expect(app.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});
