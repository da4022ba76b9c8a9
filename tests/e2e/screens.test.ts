// A screenshot of every screen (saved under /tmp/shots for a person to look at), starting from a blank data
// directory: the wizard loads the demonstration data, then each screen must render without page errors.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerList } from '../../src-main/shared/ledgers';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { LedgerScreen } from './pages/LedgerScreen';
import { SetupScreen } from './pages/SetupScreen';

describe('每个页面', () => {
  let app: E2EApp;
  let shell: AppShellPage;

  beforeAll(async () => {
    app = await startE2E();
    shell = new AppShellPage(app.page);
  });
  afterAll(async () => app?.close());

  it('loads the demonstration data from the wizard', async () => {
    const wizard = new SetupScreen(app.page);
    await wizard.root().waitFor();
    await wizard.loadDemo();
    await shell.waitReady();
    await app.page.getByTestId('key-numbers').waitFor();
    await app.page.getByTestId('dashboard-charts').locator('canvas').first().waitFor();
    await shell.shot('dashboard');
    expect((await app.api('settings:get', {})).setupDone).toBe(true);
  });

  it('shows every ledger', async () => {
    for (const def of ledgerList()) {
      const screen = new LedgerScreen(app.page, def);
      await screen.open();
      await expect.poll(() => screen.rows().count()).toBeGreaterThan(0);
      await shell.shot(`ledger-${def.key}`);
    }
  });

  it('shows the recycle bin, indicators, exports and import', async () => {
    const meetings = new LedgerScreen(app.page, ledgerList()[0]);
    await meetings.open();
    await meetings.deleteRow();
    await shell.go('/recycle');
    await app.page.getByTestId('recycle-page').locator('.ant-table-row').first().waitFor();
    await shell.shot('recycle');

    await shell.go('/indicators');
    await app.page.getByTestId('ind-period').first().waitFor();
    await shell.shot('indicators');

    await shell.go('/export/report');
    await app.page.getByTestId('report-export').waitFor();
    await app.page.getByRole('button', { name: /预览填充内容/ }).click();
    await app.page.waitForTimeout(1500);
    await shell.shot('export-report');
    for (const tab of ['bulletin', 'stats', 'ledgers', 'templates']) {
      await shell.go(`/export/${tab}`);
      await app.page.waitForTimeout(800);
      await shell.shot(`export-${tab}`);
    }
    await shell.go('/import');
    await app.page.getByTestId('import-page').waitFor();
    await shell.shot('import');
    expect(app.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it('shows 用户管理 before accounts are enabled, and 操作日志 of the single-user desktop', async () => {
    await shell.go('/users');
    await app.page.getByTestId('users-not-enabled').waitFor();
    await shell.shot('users-not-enabled');
    await shell.go('/audit');
    await expect.poll(() => app.page.getByTestId('audit-status').getAttribute('data-ok')).toBe('true');
    await expect
      .poll(() => app.page.getByTestId('audit-page').locator('.ant-table-row').count())
      .toBeGreaterThan(0);
    await shell.shot('audit-single-user');

    // Someone edits the log file by hand: the status bar turns red and names the line.
    const file = path.join(app.server.app.dataDir, 'audit', 'audit.log');
    writeFileSync(file, readFileSync(file, 'utf8').replace('载入演示数据', '载入示范数据'));
    await app.page.getByRole('button', { name: '重新校验' }).click();
    await expect.poll(() => app.page.getByTestId('audit-status').getAttribute('data-ok')).toBe('false');
    expect(await app.page.getByTestId('audit-status').textContent()).toMatch(/第\d+行.*内容被修改/);
    await shell.shot('audit-tampered');
    expect(app.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});
