// 「生成月报」 through the real app: the month's report and workbook (and the superior's default template, filled)
// in one folder named by the period; the notes the office wrote are used; an unfinished month needs a yes; a folder
// from a page is never honoured; a folder that cannot be written is named in Chinese.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../src-main/shared/context';
import type { MonthlyPackage } from '../../../src-main/shared/contract/report';
import { documentText } from '../word/fixtures';
import { openTestApp } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';
import { makeTempDir } from '../../helpers/temp-dir';

let t: TestApp;
let out: ReturnType<typeof makeTempDir>;

beforeEach(async () => {
  // Today is 2026-11-30; the demo campaign started 90 days before.
  t = await openTestApp({ now: () => new Date('2026-11-30T09:00:00+08:00') });
  await t.ok('demo:load', {});
  out = makeTempDir('package-');
  const s = await t.ok('settings:get', {});
  await t.ok('settings:update', { settings: { ...s, outputDir: out.dir } });
});

afterEach(async () => {
  await t.close();
  out.remove();
});

describe('monthly package', () => {
  it('writes the report and the workbook for October into 2026年10月月报, with the office’s text', async () => {
    await t.ok('report:notes:save', {
      from: '2026-10-01',
      to: '2026-10-31',
      notes: { highlights: '', problems: '十月份整改进度不平衡。', nextSteps: '（一）抓好整改。逐项销号。' },
    });
    const pkg = await t.ok('report:monthly', { month: '2026-10', withData: true });
    expect(pkg.folder).toBe(join(out.dir, '2026年10月月报'));
    expect(readdirSync(pkg.folder).sort()).toEqual([
      '工作情况报告（2026年10月）.docx',
      '统计表（2026年10月）.xlsx',
    ]);
    expect(pkg.warnings).toEqual([]);
    const report = pkg.files.find((f) => f.kind === 'report')!;
    expect(Buffer.from(report.dataBase64!, 'base64').equals(readFileSync(report.path))).toBe(true);
    const text = (await documentText(readFileSync(report.path))).join('\n');
    expect(text).toContain('现将10月工作情况报告如下');
    expect(text).toContain('十月份整改进度不平衡。');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      readFileSync(pkg.files.find((f) => f.kind === 'stats')!.path) as unknown as ArrayBuffer,
    );
    expect(wb.worksheets.map((w) => w.name)).toContain('工作进展统计表');
  });

  it('fills the superior’s default template into the same folder', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('月报表');
    ws.getCell('A1').value = '领导小组会议';
    ws.getCell('B1').value = '{{领导小组会议次数}}';
    ws.getCell('C1').value = '{{领导小组会议次数|累计}}';
    const dataBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    await t.ok('excel:templates:add', {
      name: '市纪委月报表',
      fileName: '市纪委月报表.xlsx',
      dataBase64,
      isDefault: true,
    });
    const pkg = await t.ok('report:monthly', { month: '2026-10' });
    const superior = pkg.files.find((f) => f.kind === 'superior')!;
    expect(superior.fileName).toBe('市纪委月报表（2026年10月）.xlsx');
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.load(readFileSync(superior.path) as unknown as ArrayBuffer);
    const values = await t.ok('stats:compute', { from: '2026-10-01', to: '2026-10-31' });
    const meetings = values.indicators.find((i) => i.name === '领导小组会议次数')!;
    expect(filled.getWorksheet('月报表')!.getCell('B1').value).toBe(meetings.period);
    expect(filled.getWorksheet('月报表')!.getCell('C1').value).toBe(meetings.cumulative);
  });

  it('asks before writing a month that has not ended, and then says so', async () => {
    const r = await t.call('report:monthly', { month: '2026-12' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('needs_confirmation');
    expect(existsSync(join(out.dir, '2026年12月月报'))).toBe(false);
    const pkg = await t.ok('report:monthly', { month: '2026-12', allowIncomplete: true });
    expect(pkg.warnings[0]).toContain('所选期间截止到2026年12月31日，晚于今天（2026年11月30日）');
    expect(pkg.warnings.filter((w) => w.startsWith('所选期间'))).toHaveLength(1);
    expect(pkg.warnings.some((w) => w.includes('初稿'))).toBe(true);
  });

  it('takes a folder only from the command line, never from a page', async () => {
    const elsewhere = join(out.dir, '别处');
    const web: CallContext = { door: 'http', user: null, sessionId: 'w' };
    const fromPage = await t.app.call('report:monthly', { month: '2026-10', outDir: elsewhere }, web);
    expect(fromPage.ok && (fromPage.data as MonthlyPackage).folder).toBe(join(out.dir, '2026年10月月报'));
    expect(existsSync(elsewhere)).toBe(false);
    const cli: CallContext = { door: 'cli', user: null, sessionId: 'c' };
    const fromCli = await t.app.call('report:monthly', { month: '2026-10', outDir: elsewhere }, cli);
    expect(fromCli.ok && (fromCli.data as MonthlyPackage).folder).toBe(elsewhere);
  });

  it('names the folder that cannot be written, and writes no part of the package', async () => {
    const blocker = join(out.dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const s = await t.ok('settings:get', {});
    await t.ok('settings:update', { settings: { ...s, outputDir: blocker } });
    const r = await t.call('report:monthly', { month: '2026-10' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(blocker);
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  });

  it('names a week as its dates', async () => {
    const pkg = await t.ok('report:monthly', { from: '2026-11-23', to: '2026-11-29' });
    expect(pkg.folder).toBe(join(out.dir, '2026年11月23日至11月29日月报'));
    const text = (await documentText(readFileSync(pkg.files[0].path))).join('\n');
    expect(text).toContain('现将11月23日至11月29日工作情况报告如下');
  });
});
