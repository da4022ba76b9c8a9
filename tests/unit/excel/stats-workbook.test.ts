// The built-in 统计表 workbook: four sheets, each with a merged title, unit and cut-off row, two-level merged
// headers, 合计 rows (SUM formulas with results), footer, A4 print setup with repeated header rows; numbers
// as numbers, percentages as fractions formatted 0.0%. LibreOffice renders it (page 1 checked by eye too).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildStatsWorkbook } from '../../../src-main/excel';
import type { StatsWorkbookInput } from '../../../src-main/excel';
import { convertToPdf, pdfPageCount, pdfText, pdfToPng } from '../../helpers/office';
import { makeTempDir } from '../../helpers/temp-dir';
import { indicatorValues, loadXlsx, perUnitValues, testSettings, xmlParts } from './fixtures';

const settings = testSettings();
const tmp = makeTempDir('excel-stats-');
afterAll(() => tmp.remove());

const input = (extra: Partial<StatsWorkbookInput> = {}): StatsWorkbookInput => ({
  settings,
  query: { from: '2026-04-01', to: '2026-04-15' },
  values: indicatorValues(),
  perUnit: perUnitValues(settings),
  preparedBy: '张三',
  reviewedBy: '李四',
  ...extra,
});

const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges ?? [];
const formula = (c: ExcelJS.Cell) => (c.value as ExcelJS.CellFormulaValue).formula;
const result = (c: ExcelJS.Cell) => (c.value as ExcelJS.CellFormulaValue).result;

describe('the statistics workbook', () => {
  it('has the four sheets, each with title, unit/cut-off row, two-level headers, footer and A4 print setup', async () => {
    const wb = await loadXlsx(await buildStatsWorkbook(input()));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '工作进展统计表',
      '线索处置统计表',
      '四种形态统计表',
      '分单位统计表',
    ]);
    for (const ws of wb.worksheets) {
      expect(merges(ws)).toContain(`A1:${ws.getColumn(ws.columnCount).letter}1`);
      expect(ws.getCell('A2').text).toBe('填报单位：江城区纪委监委（盖章）');
      expect(merges(ws).some((m) => /^[A-Z]+3:[A-Z]+3$/.test(m))).toBe(true); // a group header over two leaves
      expect(merges(ws).some((m) => /^[A-Z]+3:[A-Z]+4$/.test(m))).toBe(true); // a leaf spanning both rows
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '3:4',
      });
      let footer = '';
      ws.eachRow((row) => row.eachCell((c) => (footer += c.text)));
      expect(footer).toContain('制表人：张三');
      expect(footer).toContain('审核人：李四');
    }
    expect(wb.getWorksheet('分单位统计表')!.pageSetup.orientation).toBe('landscape');
    const book = (await xmlParts(await buildStatsWorkbook(input())))['xl/workbook.xml'];
    expect(book).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;工作进展统计表&apos;!$3:$4</definedName>',
    );
  });

  it('progress sheet: every indicator with 本期 and 累计, grouped by category, numbers as numbers', async () => {
    const ws = (await loadXlsx(await buildStatsWorkbook(input()))).getWorksheet('工作进展统计表')!;
    const rows: unknown[][] = [];
    ws.eachRow(
      (r, n) =>
        n >= 5 && typeof r.getCell(1).value === 'number' && rows.push((r.values as unknown[]).slice(1, 7)),
    );
    expect(rows.length).toBe(indicatorValues().length);
    expect(rows[0]).toEqual([1, '组织领导', '领导小组会议次数', '次', 2, 7]);
    const rate = rows.find((r) => r[2] === '参学率')!;
    expect(rate.slice(4)).toEqual([0.965, 0.952]);
    const cell = ws.getCell(5 + rows.indexOf(rate), 5);
    expect(cell.numFmt).toBe('0.0%');
    expect(rows.find((r) => r[2] === '被督导单位')![4]).toBe('城关街道纪工委、派驻第一纪检监察组');
    expect(merges(ws)).toContain('B5:B8'); // 组织领导 spans its four indicators
  });

  it('clue sheet: sources × dispositions derived from indicator names, a missing name counts 0', async () => {
    const ws = (await loadXlsx(await buildStatsWorkbook(input()))).getWorksheet('线索处置统计表')!;
    const col = (title: string) => {
      for (let c = 1; c <= ws.columnCount; c++)
        if ((ws.getCell(4, c).text || ws.getCell(3, c).text).startsWith(title)) return c;
      throw new Error(title);
    };
    const sources = settings.choiceLists.clueSource;
    expect(sources.map((s, i) => [ws.getCell(5 + i, 1).value, ws.getCell(5 + i, 2).value])).toEqual([
      ['信访举报', 30],
      ['上级交办', 11],
      ['巡视巡察移交', 0],
      ['审计移交', 0],
      ['监督检查发现', 0],
      ['其他', 2],
    ]);
    const total = 5 + sources.length;
    expect(ws.getCell(total, 1).value).toBe('合计');
    expect(formula(ws.getCell(total, 2))).toBe(`SUM(B5:B${total - 1})`);
    expect(result(ws.getCell(total, 2))).toBe(43);
    expect(ws.getCell(total, col('谈话函询')).value).toBe(20);
    expect(ws.getCell(total, col('暂存待查')).value).toBe(0);
    expect(ws.getCell(total, col('立案')).value).toBe(6);
  });

  it('clue sheet with a matrix: every cell filled, 合计 row all SUM formulas', async () => {
    const rows = settings.choiceLists.clueSource.map((source, i) => ({
      source,
      received: i + 1,
      byDisposition: { 谈话函询: i, 初步核实: 1 },
      closed: 1,
      filed: i % 2,
      sanctioned: 0,
    }));
    const ws = (await loadXlsx(await buildStatsWorkbook(input({ clueTable: { rows } })))).getWorksheet(
      '线索处置统计表',
    )!;
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual(['信访举报', 1, 0, 1, 0, 0, 0, 1, 0, 0]);
    const total = ws.getRow(11);
    for (let c = 2; c <= 10; c++) expect(formula(total.getCell(c))).toMatch(/^SUM\([A-J]5:[A-J]10\)$/);
    expect(result(total.getCell(2))).toBe(21);
  });

  it('four-forms sheet: 人次 and 占比 per form with a 合计 row', async () => {
    const ws = (await loadXlsx(await buildStatsWorkbook(input()))).getWorksheet('四种形态统计表')!;
    expect(
      [5, 6, 7, 8].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 2).value, ws.getCell(r, 3).value]),
    ).toEqual([
      ['第一种形态', 12, 40],
      ['第二种形态', 3, 8],
      ['第三种形态', 1, 1],
      ['第四种形态', 0, 0],
    ]);
    expect(formula(ws.getCell('D5'))).toBe('IF(B$9=0,0,B5/B$9)');
    expect(result(ws.getCell('E5'))).toBeCloseTo(40 / 49);
    expect(ws.getCell('D5').numFmt).toBe('0.0%');
    expect(ws.getCell('A9').value).toBe('合计');
    expect(formula(ws.getCell('B9'))).toBe('SUM(B5:B8)');
    expect(result(ws.getCell('C9'))).toBe(49);
  });

  it('per-unit sheet: every unit a row, indicators as columns, 合计 as SUM formulas (rates use the district value)', async () => {
    const ws = (await loadXlsx(await buildStatsWorkbook(input()))).getWorksheet('分单位统计表')!;
    expect([5, 6, 7].map((r) => ws.getCell(r, 2).value)).toEqual(settings.units.map((u) => u.name));
    let studyCol = 0;
    let rateCol = 0;
    for (let c = 3; c <= ws.columnCount; c++) {
      const h = ws.getCell(4, c).text;
      if (h.startsWith('集中学习次数')) studyCol = c;
      if (h.startsWith('参学率')) rateCol = c;
    }
    expect([5, 6, 7].map((r) => ws.getCell(r, studyCol).value)).toEqual([10, 20, 30]);
    expect(ws.getCell(8, 2).value).toBe('合计');
    expect(formula(ws.getCell(8, studyCol))).toBe(
      `SUM(${ws.getColumn(studyCol).letter}5:${ws.getColumn(studyCol).letter}7)`,
    );
    expect(result(ws.getCell(8, studyCol))).toBe(60);
    expect(ws.getCell(8, rateCol).value).toBe(0.952);
    expect(ws.getCell(6, rateCol).value).toBe(0.81);
  });

  it('LibreOffice renders it; page 1 is saved as PNG to look at', async () => {
    const file = join(tmp.dir, '统计表.xlsx');
    writeFileSync(file, await buildStatsWorkbook(input()));
    const pdf = await convertToPdf(file);
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(4);
    const text = await pdfText(pdf);
    expect(text).toContain('纪检监察干部队伍教育整顿工作进展统计表');
    expect(text).toContain('96.5%');
    const png = await pdfToPng(pdf, 1, 80);
    if (process.env.EXCEL_PNG_OUT)
      writeFileSync(process.env.EXCEL_PNG_OUT, (await import('node:fs')).readFileSync(png));
  });
});
