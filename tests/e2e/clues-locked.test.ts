// 问题线索 before the administrator exists, in Chromium against the real web door: the screen explains why the
// ledger does not open and leads into creating the administrator (the recovery code shown once), then the ledger
// opens and a clue typed in the form is stored encrypted. In a demo store the fake clues show, read-only. A sealed
// bucket damaged on disk between two runs is repaired at sign-in, and the banner says what it cost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGERS } from '../../src-main/shared/ledgers';
import type { CallContext } from '../../src-main/shared/context';
import { makeTempDir } from '../helpers/temp-dir';
import { startWebServer } from '../helpers/web-server';
import { filesNaming, flipByteInBucket } from '../unit/auth/vault-scan';
import { launchChromium } from '../helpers/chromium';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { SignInScreen } from './pages/AccountScreens';
import { AppShellPage } from './pages/AppShellPage';
import { CluesLockedScreen } from './pages/CluesLockedScreen';
import { LedgerScreen } from './pages/LedgerScreen';

const ADMIN = { username: 'zhuren', displayName: '王主任', password: 'Qiye-2026-anquan' };
/** Findable in raw bytes: occurs nowhere else in the app's files. */
const PERSON = '令狐被反映人';
const clues = LEDGERS.clues;

describe('问题线索：设置管理员之前', () => {
  let app: E2EApp;
  let shell: AppShellPage;
  let locked: CluesLockedScreen;

  beforeAll(async () => {
    app = await startE2E();
    shell = new AppShellPage(app.page);
    locked = new CluesLockedScreen(app.page);
    // The first-run wizard is another test's subject: the office is set up through the API here.
    const s = await app.api('settings:get', {});
    await app.api('settings:update', { settings: { ...s, setupDone: true } });
    await app.page.reload();
    await shell.waitReady();
  });
  afterAll(async () => app?.close());

  it('explains why the ledger does not open, and the API refuses a clue with needs_admin', async () => {
    await shell.go('/ledger/clues');
    await locked.explanation().waitFor();
    expect(await locked.explanation().textContent()).toContain('问题线索须加密保存，请先设置管理员');
    expect(await app.page.getByTestId('clues-setup-admin').isVisible()).toBe(true);
    await shell.shot('clues-need-admin');

    const r = await app.apiRaw('ledgers:create', {
      ledger: 'clues',
      record: {
        group: 'clues',
        unit: 'u-office',
        date: '2026-04-02',
        clueNo: 'XS-API-1',
        source: '信访举报',
        personName: PERSON,
        status: '待处置',
      },
    });
    expect(!r.ok && r.error.code).toBe('needs_admin');
    expect(!r.ok && r.error.message).toMatch(/请先设置管理员/);
    expect(filesNaming(app.server.app.dataDir, [PERSON])).toEqual([]);
  });

  it('leads into creating the administrator with the recovery code shown once, then opens the ledger', async () => {
    await locked.openDialog();
    await shell.shot('clues-setup-admin-dialog');
    await locked.fill(ADMIN);
    await locked.submit();
    expect(await locked.recoveryCode()).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    await expect.poll(() => app.page.getByTestId('recovery-done').isDisabled()).toBe(true);
    await shell.shot('clues-recovery-code');
    await locked.confirmWrittenDown();

    await app.page.getByTestId('ledger-page-clues').waitFor();
    await expect.poll(() => app.page.getByTestId('row-count').textContent()).toBe('共 0 条');
    await expect.poll(() => app.page.getByTestId('user-name').textContent()).toBe(ADMIN.displayName);
    expect(await locked.explanation().count()).toBe(0);
    await shell.shot('clues-ledger-open');
  });

  it('stores a clue typed in the form, encrypted: its name shows in the table and nowhere on disk', async () => {
    const screen = new LedgerScreen(app.page, clues);
    await screen.startNew();
    await screen.fill({ key: 'date', type: 'date' }, '', '2026-04-02');
    for (const f of clues.fields.filter((x) => x.required)) {
      await screen.fill(f, f.key === 'personName' ? PERSON : 'XS-E2E-001');
    }
    await screen.saveAndWaitClosed();
    await screen.row(PERSON).first().waitFor();
    await shell.shot('clues-first-record');

    await app.signInApi(ADMIN.username, ADMIN.password);
    const { records } = await app.api('ledgers:list', { ledger: 'clues' });
    expect(records.map((r) => r.personName)).toEqual([PERSON]);
    await app.api('store:backup', {});
    expect(filesNaming(app.server.app.dataDir, [PERSON])).toEqual([]);
    expect(app.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});

describe('问题线索：演示数据', () => {
  let app: E2EApp;
  let shell: AppShellPage;

  beforeAll(async () => {
    app = await startE2E({ demo: true });
    shell = new AppShellPage(app.page);
    await shell.waitReady();
  });
  afterAll(async () => app?.close());

  it('shows the fake clues read-only, with the way to set up the administrator', async () => {
    const screen = new LedgerScreen(app.page, clues);
    await screen.open();
    const locked = new CluesLockedScreen(app.page);
    await locked.demoBanner().waitFor();
    await expect.poll(() => screen.rows().count()).toBeGreaterThan(0);
    expect(await app.page.getByRole('button', { name: /新增/ }).count()).toBe(0);
    await shell.shot('clues-demo-read-only');
    expect(app.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});

describe('问题线索：加密数据损坏', () => {
  it('repairs a damaged bucket at sign-in and says in the banner which clues it cost and from when', async () => {
    const tmp = makeTempDir('campaign-desk-e2e-');
    let server = await startWebServer({ dataDir: tmp.dir });
    const browser = await launchChromium();
    try {
      // First run: the administrator, XS-1, a backup, then XS-2 after it (both in one sealed bucket).
      const call = async (channel: string, args: unknown, ctx: CallContext) => {
        const r = await server.app.call(channel, args, ctx);
        if (!r.ok) throw new Error(r.error.message);
        return r.data as Record<string, unknown>;
      };
      const anon: CallContext = { door: 'internal', user: null, sessionId: 'e2e' };
      const s = await call('settings:get', {}, anon);
      await call('settings:update', { settings: { ...s, setupDone: true } }, anon);
      const { sessionId } = await call('auth:setupAdmin', ADMIN, anon);
      const admin = server.app.security.sessions.contextFor('internal', String(sessionId), 'e2e');
      const clue = (clueNo: string) => ({
        group: 'clues',
        unit: 'u-office',
        date: '2026-04-02',
        clueNo,
        source: '信访举报',
        personName: PERSON,
        status: '待处置',
      });
      await call('ledgers:create', { ledger: 'clues', record: clue('XS-1') }, admin);
      await call('store:backup', {}, admin);
      await call('ledgers:create', { ledger: 'clues', record: clue('XS-2') }, admin);
      await server.close();

      flipByteInBucket(tmp.dir);
      server = await startWebServer({ dataDir: tmp.dir });
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await page.goto(server.url);
      const shell = new AppShellPage(page);
      await new SignInScreen(page).signIn(ADMIN.username, ADMIN.password);
      await shell.waitReady();
      const banner = page.getByTestId('store-notice').filter({ hasText: '已损坏' });
      await banner.waitFor();
      const text = (await banner.textContent()) ?? '';
      expect(text).toMatch(/已从 .+（最后完好的备份）恢复：XS-1 恢复为该时的内容/);
      expect(text).toContain('在该备份之后新增的 XS-2 失去了加密内容（姓名、摘要等）');
      await shell.go('/ledger/clues');
      await page.getByTestId('ledger-page-clues').locator('.ant-table-row').first().waitFor();
      await shell.shot('clues-vault-repaired');
      const rows = await page.locator('[data-testid=ledger-table] .ant-table-row').allTextContents();
      expect(rows.find((r) => r.includes('XS-1'))).toContain(PERSON);
      expect(rows.find((r) => r.includes('XS-2'))).not.toContain(PERSON);
    } finally {
      await browser.close();
      await server.close();
      tmp.remove();
    }
  });
});
