// Every export is logged as 导出 (the action the log screen filters by), with what went out: Word documents, Excel
// workbooks and the monthly package, through the real app.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, sampleMeeting, setUpOffice } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
});
afterEach(async () => t.close());

describe('exports in the 操作日志', () => {
  it('are recorded as 导出 for Word, Excel and the monthly package, never as “export”', async () => {
    await t.ok('word:report', { from: '2026-04-01', to: '2026-04-19' });
    await t.ok('excel:export', { ledger: 'meetings' });
    await t.ok('excel:stats', { from: '2026-04-01', to: '2026-04-19' });
    await t.ok('report:monthly', { month: '2026-03' });
    const { rows } = await t.ok('audit:list', { action: '导出' });
    // Newest first; the package logs its report and workbook as they are made, then itself.
    expect(rows.map((r) => r.targetLabel)).toEqual([
      '月报',
      'Excel表格',
      'Word文档',
      'Excel表格',
      'Excel表格',
      'Word文档',
    ]);
    expect(rows.every((r) => r.action === '导出')).toBe(true);
    expect((await t.ok('audit:list', { text: 'export' })).total).toBe(0);
  });
});
