// The meetings ledger end to end: a meeting made through the form survives a reload; a missing required field
// is reported at the field in Chinese and nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerDef } from '../../src-main/shared/ledgers';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { LedgerScreen } from './pages/LedgerScreen';

describe('会议台账', () => {
  let app: E2EApp;
  let shell: AppShellPage;
  let screen: LedgerScreen;

  beforeAll(async () => {
    app = await startE2E({ demo: true });
    shell = new AppShellPage(app.page);
    screen = new LedgerScreen(app.page, ledgerDef('meetings'));
    await shell.waitReady();
  });
  afterAll(async () => app?.close());

  it('creates a meeting through the form, shows it in the table and keeps it after a reload', async () => {
    await screen.open();
    await screen.startNew();
    await screen.fill({ key: 'type', type: 'choice' }, '');
    await screen.fill({ key: 'title', type: 'text' }, '端到端测试专题会议');
    await screen.fill({ key: 'place', type: 'text' }, '三楼会议室');
    await screen.fill({ key: 'date', type: 'date' }, '', '2026-05-12');
    await shell.shot('ledger-drawer-new');
    await screen.saveAndWaitClosed();
    await screen.search('端到端测试专题会议');
    await expect.poll(() => screen.row('端到端测试专题会议').count()).toBe(1);

    await app.page.reload();
    await screen.open();
    await screen.search('端到端测试专题会议');
    await expect.poll(() => screen.row('端到端测试专题会议').count()).toBe(1);
    const { records } = await app.api('ledgers:list', { ledger: 'meetings' });
    const saved = records.find((r) => r.title === '端到端测试专题会议');
    expect(saved).toMatchObject({ place: '三楼会议室', date: '2026-05-12' });

    await screen.openRow('端到端测试专题会议');
    await expect.poll(() => screen.drawer().getByTestId('record-meta').textContent()).toContain('录入');
    await shell.shot('ledger-drawer-edit');
    await app.page.keyboard.press('Escape');
  });

  it('reports a stale edit as a conflict and reloads the latest version on request', async () => {
    const { records } = await app.api('ledgers:list', { ledger: 'meetings' });
    const target = records.find((r) => r.title === '端到端测试专题会议')!;
    await screen.open();
    await screen.search('');
    await expect.poll(() => screen.rowCount().textContent()).toMatch(/^共/);
    await app.page.locator('body').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('/');
    await app.page.keyboard.type('端到端测试专题会议');
    await expect.poll(() => screen.rowCount().textContent()).toContain('筛选出 1 条');
    await screen.openRow('端到端测试专题会议');
    // Someone else saves first.
    const {
      id,
      rev,
      createdBy: _c,
      createdAt: _ca,
      updatedBy: _u,
      updatedAt: _ua,
      deletedAt: _d,
      deletedBy: _db,
      ...editable
    } = target;
    await app.api('ledgers:update', {
      ledger: 'meetings',
      id,
      rev,
      record: { ...editable, place: '五楼会议室' },
    });
    await screen.fill({ key: 'chair', type: 'text' }, '王主任');
    await screen.save();
    await expect.poll(() => screen.drawer().getByTestId('form-problem').textContent()).toContain('保存冲突');
    await shell.shot('ledger-drawer-conflict');
    await screen.drawer().getByRole('button', { name: '载入最新内容' }).click();
    await expect.poll(() => screen.drawer().locator('#record_place').inputValue()).toBe('五楼会议室');
    await screen.fill({ key: 'chair', type: 'text' }, '王主任');
    await screen.saveAndWaitClosed();
    const saved = await app.api('ledgers:get', { ledger: 'meetings', id });
    expect(saved).toMatchObject({ place: '五楼会议室', chair: '王主任', rev: rev + 2 });
  });

  it('moves a deleted meeting to the recycle bin and brings it back with 撤销', async () => {
    await screen.deleteRow('端到端测试专题会议');
    await expect.poll(() => screen.rows().count()).toBe(0);
    const gone = await app.api('recycle:list', {});
    expect(gone.items.some((i) => i.record.title === '端到端测试专题会议')).toBe(true);
    await app.page.getByTestId('undo-message').last().getByText('撤销').click();
    await expect.poll(() => screen.rows().count()).toBe(1);
    const { records } = await app.api('ledgers:list', { ledger: 'meetings' });
    expect(records.some((r) => r.title === '端到端测试专题会议')).toBe(true);
  });

  it('shows the Chinese message at a missing required field and saves nothing', async () => {
    const before = (await app.api('ledgers:list', { ledger: 'meetings' })).records.length;
    await screen.open();
    await screen.startNew();
    await screen.fill({ key: 'type', type: 'choice' }, '');
    await screen.save();
    await expect.poll(() => screen.errorAt('title').textContent()).toBe('会议名称必须填写');
    await shell.shot('ledger-drawer-invalid');
    await app.page.waitForTimeout(500);
    const after = (await app.api('ledgers:list', { ledger: 'meetings' })).records.length;
    expect(after).toBe(before);
    await app.page.keyboard.press('Escape');
  });
});
