// Every ledger in the registry, through the generic screen: create, edit, filter, delete and restore a record.
// Nothing here names a ledger: the steps come from each LedgerDef, so new ledgers are covered as they are added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGERS, ledgerList } from '../../src-main/shared/ledgers';
import type { FieldDef, LedgerDef } from '../../src-main/shared/ledgers/types';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { CluesLockedScreen } from './pages/CluesLockedScreen';
import { LedgerScreen } from './pages/LedgerScreen';
import { RecycleScreen } from './pages/RecycleScreen';

const TEXTY: FieldDef['type'][] = ['text', 'textarea'];

/** The fields a new record must have, plus the title field when it is text (so the row can be found by it). */
function fieldsToFill(def: LedgerDef): FieldDef[] {
  return def.fields.filter((f) => f.required || (f.key === def.titleField && TEXTY.includes(f.type)));
}

describe('每个台账的增、改、筛选、删除与恢复', () => {
  let app: E2EApp;
  let shell: AppShellPage;

  beforeAll(async () => {
    app = await startE2E({ demo: true });
    shell = new AppShellPage(app.page);
    await shell.waitReady();
    // 问题线索 are stored only encrypted, so the administrator comes first (from the clue screen, as in an office).
    const admin = { username: 'admin', displayName: '办公室主任', password: 'Ledgers-2026-e2e' };
    await new LedgerScreen(app.page, LEDGERS.clues).open();
    await new CluesLockedScreen(app.page).setUpAdmin(admin);
    await app.signInApi(admin.username, admin.password);
  });
  afterAll(async () => app?.close());

  for (const def of ledgerList()) {
    it(`${def.label}（${def.key}）`, async () => {
      const screen = new LedgerScreen(app.page, def);
      const token = `E2E${def.key}`;
      await screen.open();

      // Create
      await screen.startNew();
      await screen.fill({ key: 'date', type: 'date' }, '');
      for (const f of fieldsToFill(def)) await screen.fill(f, `${token}-${f.label}`);
      await screen.fill({ key: 'remarks', type: 'textarea' }, `${token} 备注`);
      await screen.save();
      const problem = screen.drawer().locator('.ant-form-item-explain-error, [data-testid=form-problem]');
      await expect
        .poll(
          async () =>
            (await screen.page.locator('.record-drawer').count())
              ? (await problem.allTextContents()).join('；') || 'open'
              : 'closed',
          {
            timeout: 10_000,
          },
        )
        .toBe('closed');
      const created = (await app.api('ledgers:list', { ledger: def.key })).records.find(
        (r) => r.remarks === `${token} 备注`,
      );
      expect(created, 'the new record is stored').toBeTruthy();

      // Filter: quick search finds exactly it, and a unit filter keeps it
      await screen.search(token);
      await expect.poll(() => screen.rows().count()).toBe(1);
      await expect.poll(() => screen.rowCount().textContent()).toContain('筛选出 1 条');

      // Edit
      await screen.rows().first().click();
      await screen.drawer().waitFor();
      await screen.fill({ key: 'remarks', type: 'textarea' }, `${token} 备注（已修改）`);
      await screen.saveAndWaitClosed();
      const edited = await app.api('ledgers:get', { ledger: def.key, id: created!.id });
      expect(edited.remarks).toBe(`${token} 备注（已修改）`);
      expect(edited.rev).toBe(created!.rev + 1);
      await expect.poll(() => screen.rows().count()).toBe(1);

      // Delete, then restore from the recycle bin
      await screen.deleteRow();
      await expect.poll(() => screen.rows().count()).toBe(0);
      await app.page.getByTestId('undo-message').last().waitFor();
      const live = await app.api('ledgers:list', { ledger: def.key });
      expect(live.records.some((r) => r.id === created!.id)).toBe(false);

      const bin = new RecycleScreen(app.page);
      await bin.open();
      const { items } = await app.api('recycle:list', {});
      expect(items.some((i) => i.ledger === def.key && i.record.id === created!.id)).toBe(true);
      await bin.page.locator('.ant-table-row').filter({ hasText: def.label }).first().waitFor();
      const titleValue = created![def.titleField];
      const title = typeof titleValue === 'string' ? titleValue : '';
      await bin.restore(title || def.label);
      await expect
        .poll(async () =>
          (await app.api('ledgers:list', { ledger: def.key })).records.some((r) => r.id === created!.id),
        )
        .toBe(true);
    });
  }
});
