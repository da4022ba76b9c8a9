// A ledger of a few hundred records through the table: every page, sort, filter and search is asked of main on
// 'ledgers:query' (never the whole ledger), and the page shows the rows main answered. Screenshots: results,
// a slow answer (the rows stay under the spinner), an empty search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerCollection } from '../../src-main/services/ledger-service';
import { ledgerDef } from '../../src-main/shared/ledgers';
import type { LedgerRecord } from '../../src-main/shared/ledgers/types';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';
import { LedgerScreen } from './pages/LedgerScreen';

const N = 300;
const pad = (i: number) => String(i).padStart(3, '0');
/** Record i (1…N) is dated i days after 2025-12-31, so record N is the newest. */
const dateOf = (i: number) => new Date(Date.UTC(2025, 11, 31 + i)).toISOString().slice(0, 10);

describe('a ledger of 300 records, paged, sorted, filtered and searched in main', () => {
  let app: E2EApp;
  let shell: AppShellPage;
  let screen: LedgerScreen;
  let units: { id: string; name: string }[];

  beforeAll(async () => {
    app = await startE2E({ demo: true });
    shell = new AppShellPage(app.page);
    screen = new LedgerScreen(app.page, ledgerDef('meetings'));
    await shell.waitReady();
    units = (await app.api('settings:get', {})).units.slice(0, 3);
    const types = ['领导小组会议', '动员部署会', '推进会/调度会'];
    await app.server.app.store.update<LedgerRecord[]>(ledgerCollection('meetings'), () =>
      Array.from({ length: N }, (_, k): LedgerRecord => {
        const i = k + 1;
        return {
          id: `q-${pad(i)}`,
          group: 'drafting',
          unit: units[i % 3].id,
          date: dateOf(i),
          type: types[i % 3],
          title: `测试会议${pad(i)}`,
          expected: i,
          present: 1,
          createdBy: '测试',
          createdAt: '2026-04-01T00:00:00.000Z',
          updatedBy: '测试',
          updatedAt: '2026-04-01T00:00:00.000Z',
          rev: 1,
        };
      }),
    );
  });
  afterAll(async () => app?.close());

  it('asks main for one page at a time and shows the rows it answered', async () => {
    const rec = screen.recordCalls();
    await screen.open();
    await expect.poll(() => screen.rowCount().textContent()).toBe(`共 ${N} 条`);
    expect((await screen.column('会议名称')).slice(0, 2)).toEqual(['测试会议300', '测试会议299']);
    await shell.shot('ledger-query-results');

    await screen.goToPage(2);
    expect((await screen.column('会议名称'))[0]).toBe('测试会议250');
    rec.stop();
    const channels = rec.calls.map((c) => c.channel);
    expect(channels).not.toContain('ledgers:list');
    const queries = rec.calls.filter((c) => c.channel === 'ledgers:query').map((c) => c.args);
    expect(queries[0]).toMatchObject({ ledger: 'meetings', offset: 0, limit: 50 });
    expect(queries.at(-1)).toMatchObject({ ledger: 'meetings', offset: 50, limit: 50 });
  });

  it('sorts by a column header through main, and back to page 1', async () => {
    const rec = screen.recordCalls();
    await screen.sortBy('应到人数');
    expect((await screen.column('会议名称')).slice(0, 3)).toEqual([
      '测试会议001',
      '测试会议002',
      '测试会议003',
    ]);
    await screen.sortBy('应到人数');
    expect((await screen.column('应到人数')).slice(0, 2)).toEqual(['300', '299']);
    rec.stop();
    const sorts = rec.calls.filter((c) => c.channel === 'ledgers:query').map((c) => c.args);
    expect(sorts[0]).toMatchObject({ sort: { key: 'expected', order: 'ascend' }, offset: 0 });
    expect(sorts.at(-1)).toMatchObject({ sort: { key: 'expected', order: 'descend' }, offset: 0 });
    await screen.sortBy('应到人数'); // third click: no sort, newest first again
    expect((await screen.column('会议名称'))[0]).toBe('测试会议300');
  });

  it('filters by unit and searches text and a Chinese date in main, counting the matches', async () => {
    const rec = screen.recordCalls();
    await screen.chooseFilter('filter-unit', units[1].name);
    await expect.poll(() => screen.rowCount().textContent()).toBe(`筛选出 100 条 / 共 ${N} 条`);
    // i % 3 === 1: 298, 295, …
    expect((await screen.column('会议名称')).slice(0, 2)).toEqual(['测试会议298', '测试会议295']);
    expect(new Set(await screen.column('单位'))).toEqual(new Set([units[1].name]));

    await screen.search('测试会议1');
    await expect.poll(() => screen.rowCount().textContent()).toBe(`筛选出 34 条 / 共 ${N} 条`);
    // Record 64 is dated 2026-03-05 and belongs to the second unit.
    await screen.search('2026年3月5日');
    await expect.poll(() => screen.rowCount().textContent()).toBe(`筛选出 1 条 / 共 ${N} 条`);
    expect(await screen.column('会议名称')).toEqual(['测试会议064']);
    rec.stop();
    const asked = rec.calls.filter((c) => c.channel === 'ledgers:query').map((c) => c.args);
    expect(asked.at(-1)).toMatchObject({ q: '2026年3月5日', filter: { unit: units[1].id }, offset: 0 });
    expect(rec.calls.some((c) => c.channel === 'ledgers:list')).toBe(false);
  });

  it('exports every filtered row, not only the page, by the ids main answers', async () => {
    await screen.search('');
    await expect.poll(() => screen.rowCount().textContent()).toBe(`筛选出 100 条 / 共 ${N} 条`);
    const rec = screen.recordCalls();
    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: /导出 Excel/ }).hover();
    await app.page.getByText('导出当前筛选结果（100 条）').click();
    await download;
    rec.stop();
    await app.page.locator('.ant-notification-notice-close').first().click();
    const exported = rec.calls.find((c) => c.channel === 'excel:export');
    expect((exported?.args.ids as string[]).length).toBe(100);
    expect(rec.calls.find((c) => c.channel === 'ledgers:query')?.args).toMatchObject({
      withIds: true,
      limit: 0,
    });
  });

  it('asks nothing while a word is being composed in an IME, then searches the word', async () => {
    await screen.search('');
    const rec = screen.recordCalls();
    const input = app.page
      .locator('[data-testid=quick-search] input, input[data-testid=quick-search]')
      .first();
    await input.dispatchEvent('compositionstart');
    await input.fill('ceshi');
    await app.page.waitForTimeout(300);
    expect(rec.calls.filter((c) => c.channel === 'ledgers:query')).toEqual([]);
    await input.fill('测试会议29');
    await input.dispatchEvent('compositionend', { data: '测试会议29' });
    await expect.poll(() => screen.rowCount().textContent()).toBe(`筛选出 3 条 / 共 ${N} 条`);
    rec.stop();
    expect(rec.calls.filter((c) => c.channel === 'ledgers:query').map((c) => c.args.q)).toEqual([
      '测试会议29',
    ]);
    await screen.search('');
    await expect.poll(() => screen.rowCount().textContent()).toBe(`筛选出 100 条 / 共 ${N} 条`);
  });

  it('keeps the rows under a spinner while a slow answer comes, and says when nothing matches', async () => {
    await app.page.getByTestId('filter-unit').locator('.ant-select-clear').click({ force: true });
    await expect.poll(() => screen.rowCount().textContent()).toBe(`共 ${N} 条`);
    await app.page.route('**/api/ledgers:query', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await screen.pager().locator('.ant-pagination-item-3').click();
    await app.page.locator('[data-testid=ledger-table] .ant-spin-spinning').waitFor();
    expect(await screen.rows().count()).toBeGreaterThan(0);
    expect(await screen.rows().first().textContent()).toContain('测试会议300');
    await shell.shot('ledger-query-loading');
    await screen.settled();
    expect((await screen.column('会议名称'))[0]).toBe('测试会议200');
    await app.page.unroute('**/api/ledgers:query');

    await screen.search('没有这样的会议');
    await app.page.getByText('没有符合筛选条件的记录').waitFor();
    await expect.poll(() => screen.rowCount().textContent()).toBe(`筛选出 0 条 / 共 ${N} 条`);
    await shell.shot('ledger-query-empty');
    await app.page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => screen.rowCount().textContent()).toBe(`共 ${N} 条`);
    expect(app.errors).toEqual([]);
  });
});
