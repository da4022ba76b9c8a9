// A screenshot of every screen (saved under /tmp/shots for a person to look at), starting from a blank data
// directory: the wizard loads the demonstration data, then each screen must render without page errors.
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
});
