// 导出 and 导入 through the screens: files arrive as downloads in web mode.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E } from './helpers/app';
import type { E2EApp } from './helpers/app';
import { AppShellPage } from './pages/AppShellPage';

describe('导出与导入', () => {
  let app: E2EApp;
  let shell: AppShellPage;

  beforeAll(async () => {
    app = await startE2E({ demo: true });
    shell = new AppShellPage(app.page);
    await shell.waitReady();
  });
  afterAll(async () => app?.close());

  async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
    const [d] = await Promise.all([app.page.waitForEvent('download', { timeout: 60_000 }), click()]);
    const file = path.join(tmpdir(), `e2e-${Date.now()}-${d.suggestedFilename()}`);
    await d.saveAs(file);
    return { name: d.suggestedFilename(), bytes: readFileSync(file) };
  }

  it('previews the report placeholders and saves the Word report', async () => {
    await shell.go('/export/report');
    await app.page.getByRole('button', { name: /预览填充内容/ }).click();
    const table = app.page.getByTestId('report-export').locator('.ant-table-row');
    await expect.poll(() => table.count(), { timeout: 30_000 }).toBeGreaterThan(5);
    await shell.shot('export-report-preview');
    const file = await download(() => app.page.getByRole('button', { name: /导出 Word 报告/ }).click());
    expect(file.name).toMatch(/\.docx$/);
    expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('saves a bulletin chosen from the bulletins ledger', async () => {
    await shell.go('/export/bulletin');
    const rows = app.page.getByTestId('bulletin-export').locator('.ant-table-row');
    await rows.first().click();
    const file = await download(() => app.page.getByRole('button', { name: /导出 Word 简报/ }).click());
    expect(file.name).toMatch(/\.docx$/);
  });

  it('uploads a Word template, makes it the default and removes it', async () => {
    const tpl = await app.api('word:reportTemplate', {});
    const file = path.join(tmpdir(), `e2e-template-${Date.now()}.docx`);
    writeFileSync(file, Buffer.from(tpl.dataBase64, 'base64'));
    await shell.go('/export/templates');
    const card = app.page.getByTestId('word-templates');
    await card.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => card.locator('.ant-table-row').count(), { timeout: 30_000 }).toBe(1);
    await card.getByRole('button', { name: '设为默认' }).click();
    await expect.poll(() => card.getByText('默认', { exact: true }).count()).toBe(1);
    await shell.shot('export-templates-word');
    await card.getByRole('button', { name: '删除' }).click();
    await app.page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => card.locator('.ant-table-row').count()).toBe(0);
  });

  it('saves the Excel statistics workbook and a ledger export', async () => {
    await shell.go('/export/stats');
    const stats = await download(() => app.page.getByRole('button', { name: /导出 Excel 统计表/ }).click());
    expect(stats.name).toMatch(/\.xlsx$/);
    await shell.go('/ledger/meetings');
    await app.page.getByRole('button', { name: /导出 Excel/ }).hover();
    const ledger = await download(() => app.page.getByText('导出全部记录').click());
    expect(ledger.name).toMatch(/\.xlsx$/);
  });

  it('imports an exported ledger file back: preview shows duplicates, skip commits nothing new', async () => {
    const exported = await app.apiRaw('excel:export', { ledger: 'meetings' });
    if (!exported.ok) throw new Error(exported.error.message);
    const { fileName, dataBase64 } = exported.data as { fileName: string; dataBase64: string };
    const file = path.join(tmpdir(), `e2e-${Date.now()}-${fileName}`);
    writeFileSync(file, Buffer.from(dataBase64, 'base64'));
    const before = (await app.api('ledgers:list', { ledger: 'meetings' })).records.length;
    await shell.go('/import');
    await app.page.getByTestId('import-page').locator('input[type=file]').setInputFiles(file);
    await app.page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await shell.shot('import-preview');
    const commit = app.page.getByRole('button', { name: /确认导入|修正后才能导入/ });
    if (await commit.isEnabled()) {
      await commit.click();
      await app.page
        .getByText(/已导入/)
        .first()
        .waitFor({ timeout: 60_000 });
      const after = (await app.api('ledgers:list', { ledger: 'meetings' })).records.length;
      expect(after).toBe(before);
    }
  });

  it('lists every problem of an import by row and column and commits nothing', async () => {
    const exported = await app.apiRaw('excel:export', { ledger: 'meetings' });
    if (!exported.ok) throw new Error(exported.error.message);
    const { dataBase64 } = exported.data as { dataBase64: string };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // Find the header row and the columns by their Chinese headers, as a person would.
    let headerRow = 1;
    const col: Record<string, number> = {};
    ws.eachRow((row, n) => {
      if (Object.keys(col).length) return;
      row.eachCell((cell, c) => {
        if (cell.text === '会议名称' || cell.text === '会议类型') col[cell.text] = c;
      });
      if (Object.keys(col).length) headerRow = n;
    });
    ws.getRow(headerRow + 1).getCell(col['会议名称']).value = '导入测试：新会议';
    ws.getRow(headerRow + 1).getCell(col['会议类型']).value = '不存在的会议类型';
    const file = path.join(tmpdir(), `e2e-bad-${Date.now()}.xlsx`);
    await wb.xlsx.writeFile(file);
    const before = (await app.api('ledgers:list', { ledger: 'meetings' })).records.length;

    await shell.go('/import');
    const again = app.page.getByRole('button', { name: '继续导入' });
    if (await again.count()) await again.click();
    await app.page.getByTestId('import-page').locator('input[type=file]').setInputFiles(file);
    await app.page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    const bad = app.page
      .getByTestId('import-preview')
      .locator('.ant-table-row')
      .filter({ hasText: '不存在的会议类型' });
    await expect.poll(() => bad.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await bad.first().textContent()).toContain(String(headerRow + 1));
    expect(await bad.first().textContent()).toContain('会议类型');
    await shell.shot('import-problems');
    await expect.poll(() => app.page.getByRole('button', { name: /修正后才能导入/ }).isDisabled()).toBe(true);
    expect((await app.api('ledgers:list', { ledger: 'meetings' })).records.length).toBe(before);
  });

  it('offers every export and the import with no “尚未接入” notice left', async () => {
    await shell.go('/export/report');
    await app.page.getByTestId('report-export').waitFor();
    expect(await app.page.getByText('尚未接入').count()).toBe(0);
    await shell.go('/import');
    await app.page.getByTestId('import-page').waitFor();
    expect(await app.page.getByText('尚未接入').count()).toBe(0);
  });
});
