// The built-in 统计表 workbook: 工作进展统计表, 线索处置统计表, 四种形态统计表 and the 分单位·… sheets, each
// with a merged title, the unit line and what its figures cover (本期 dates / 累计 cut-off), two-level headers,
// 合计 rows (SUM formulas with results, or the district figure marked ※), footer, A4 print setup with repeated
// header rows; numbers as numbers, percentages as fractions formatted 0.0%. The demo district's figures and
// LibreOffice's print of them are checked in stats-per-unit.test.ts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildStatsWorkbook } from '../../../src-main/excel';
import type { StatsWorkbookInput } from '../../../src-main/excel';
import { DISTRICT_NOTE } from '../../../src-main/excel/stats-per-unit';
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

const PER_UNIT = [
  '分单位·组织领导',
  '分单位·学习教育',
  '分单位·学习成果',
  '分单位·建章立制',
  '分单位·问题线索',
  '分单位·检视整改',
];
const rowText = (ws: ExcelJS.Worksheet, r: number) => {
  let t = '';
  ws.getRow(r).eachCell((c) => (t += `${c.text}|`));
  return t;
};

describe('the statistics workbook', () => {
  it('has its sheets, each with title, unit line, 本期/累计 line, two-level headers, footer and A4 print setup', async () => {
    const buf = await buildStatsWorkbook(input());
    const wb = await loadXlsx(buf);
    // 分单位·宣传舆情 is left out: none of its indicators is among the fixture's values.
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '工作进展统计表',
      '线索处置统计表',
      '四种形态统计表',
      ...PER_UNIT,
    ]);
    for (const ws of wb.worksheets) {
      expect(merges(ws)).toContain(`A1:${ws.getColumn(ws.columnCount).letter}1`);
      expect(ws.getCell('A2').text).toBe('填报单位：江城区纪委监委（盖章）');
      // Every sheet holds 本期 and 累计 figures, and says so with the dates.
      expect(rowText(ws, 2)).toContain('本期：2026年4月1日至4月15日');
      expect(rowText(ws, 2)).toContain('累计：截至2026年4月15日');
      expect(rowText(ws, 2)).not.toMatch(/\|截至/);
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
    for (const name of PER_UNIT) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.columnCount).toBeLessThanOrEqual(12);
    }
    // Print titles are workbook-level defined names: every sheet's must reach the file.
    const book = (await xmlParts(buf))['xl/workbook.xml'];
    wb.worksheets.forEach((ws, i) =>
      expect(book).toContain(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">&apos;${ws.name}&apos;!$3:$4</definedName>`,
      ),
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

  it('clue sheet: a 本期 block and a 累计 block, derived from indicator names when there is no matrix', async () => {
    const ws = (await loadXlsx(await buildStatsWorkbook(input()))).getWorksheet('线索处置统计表')!;
    const col = (title: string) => {
      for (let c = 1; c <= ws.columnCount; c++)
        if ((ws.getCell(4, c).text || ws.getCell(3, c).text).startsWith(title)) return c;
      throw new Error(title);
    };
    const sources = settings.choiceLists.clueSource;
    const n = sources.length;
    // Rows: 5 caption 本期, 6.. sources, then 合计; the same again for 累计.
    expect(ws.getCell(5, 1).text).toBe('本期：2026年4月1日至4月15日');
    expect(ws.getCell(5 + n + 2, 1).text).toBe('累计：截至2026年4月15日');
    const block = (first: number) =>
      sources.map((s, i) => [ws.getCell(first + i, 1).value, ws.getCell(first + i, 2).value]);
    expect(block(6)).toEqual([
      ['信访举报', 10],
      ['上级交办', 5],
      ['巡视巡察移交', 0],
      ['审计移交', 0],
      ['监督检查发现', 0],
      ['其他', 1],
    ]);
    expect(block(6 + n + 2).map((r) => r[1])).toEqual([30, 11, 0, 0, 0, 2]);
    const periodTotal = 6 + n;
    const cumTotal = periodTotal + n + 2;
    for (const [total, received, talks, filed] of [
      [periodTotal, 16, 9, 3],
      [cumTotal, 43, 20, 6],
    ]) {
      expect(ws.getCell(total, 1).value).toBe('合计');
      expect(formula(ws.getCell(total, 2))).toBe(`SUM(B${total - n}:B${total - 1})`);
      expect(result(ws.getCell(total, 2))).toBe(received);
      expect(ws.getCell(total, col('谈话函询')).value).toBe(talks);
      expect(ws.getCell(total, col('暂存待查')).value).toBe(0);
      expect(ws.getCell(total, col('立案')).value).toBe(filed);
    }
    expect(ws.getCell(cumTotal + 1, 1).text).toBe('注：处置方式和办理结果未按线索来源细分，仅列合计数。');
  });

  it('clue sheet with matrices: every cell filled in both blocks, 合计 rows all SUM formulas', async () => {
    const matrix = (k: number) => ({
      rows: settings.choiceLists.clueSource.map((source, i) => ({
        source,
        received: (i + 1) * k,
        byDisposition: { 谈话函询: i * k, 初步核实: k },
        closed: k,
        filed: i % 2,
        sanctioned: 0,
      })),
    });
    const ws = (
      await loadXlsx(
        await buildStatsWorkbook(input({ clueTable: matrix(1), clueTableCumulative: matrix(3) })),
      )
    ).getWorksheet('线索处置统计表')!;
    expect((ws.getRow(6).values as unknown[]).slice(1)).toEqual(['信访举报', 1, 0, 1, 0, 0, 0, 1, 0, 0]);
    expect((ws.getRow(14).values as unknown[]).slice(1)).toEqual(['信访举报', 3, 0, 3, 0, 0, 0, 3, 0, 0]);
    for (const [r, from, to, received] of [
      [12, 6, 11, 21],
      [20, 14, 19, 63],
    ] as const) {
      const total = ws.getRow(r);
      expect(total.getCell(1).value).toBe('合计');
      for (let c = 2; c <= 10; c++)
        expect(formula(total.getCell(c))).toBe(
          `SUM(${ws.getColumn(c).letter}${from}:${ws.getColumn(c).letter}${to})`,
        );
      expect(result(total.getCell(2))).toBe(received);
    }
    let text = '';
    ws.eachRow((row) => row.eachCell((c) => (text += c.text)));
    expect(text).not.toContain('未按线索来源细分');
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

  it('per-unit sheets: every unit a row, 本期 and 累计 per indicator, 合计 a SUM only where the units add up', async () => {
    // 心得体会篇数's district figures are the sums of the units' (1+2+3, 10+20+30); 集中学习次数's are not.
    const values = indicatorValues().map((v) =>
      v.name === '心得体会篇数' ? { ...v, period: 6, cumulative: 60 } : v,
    );
    const wb = await loadXlsx(await buildStatsWorkbook(input({ values })));
    const ws = wb.getWorksheet('分单位·学习成果')!;
    expect(ws.getCell('A1').text).toBe('纪检监察干部队伍教育整顿分单位统计表（学习成果）');
    expect([5, 6, 7].map((r) => ws.getCell(r, 2).value)).toEqual(settings.units.map((u) => u.name));
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(3, c).text)).toEqual([
      '序号',
      '单位',
      '心得体会篇数\n（篇）',
      '心得体会篇数\n（篇）',
      '学习笔记万字\n（万字）',
      '学习笔记万字\n（万字）',
    ]);
    expect([3, 4, 5, 6].map((c) => ws.getCell(4, c).text)).toEqual(['本期', '累计', '本期※', '累计※']);
    expect([5, 6, 7].map((r) => [ws.getCell(r, 3).value, ws.getCell(r, 4).value])).toEqual([
      [1, 10],
      [2, 20],
      [3, 30],
    ]);
    expect(ws.getCell(8, 2).value).toBe('合计');
    expect(formula(ws.getCell(8, 3))).toBe('SUM(C5:C7)');
    expect(result(ws.getCell(8, 3))).toBe(6);
    expect(formula(ws.getCell(8, 4))).toBe('SUM(D5:D7)');
    expect(result(ws.getCell(8, 4))).toBe(60);
    // 学习笔记万字: units 1+2+3 ≠ 12.35 and 10+20+30 ≠ 40.5: the district figures, marked, with the note.
    expect([ws.getCell(8, 5).value, ws.getCell(8, 6).value]).toEqual([12.35, 40.5]);
    expect(ws.getCell(8, 5).numFmt).toBe('0.00');
    expect(ws.getCell(9, 1).text).toBe(DISTRICT_NOTE);

    const study = wb.getWorksheet('分单位·学习教育')!;
    const cols = [3, 4, 5, 6].map(
      (c) => `${study.getCell(3, c).text.split('\n')[0]}/${study.getCell(4, c).text}`,
    );
    expect(cols).toEqual(['集中学习次数/本期※', '集中学习次数/累计※', '参学率/本期※', '参学率/累计※']);
    expect([3, 4, 5, 6].map((c) => study.getCell(8, c).value)).toEqual([8, 23, 0.965, 0.952]);
    expect(study.getCell(6, 6).value).toBe(0.81);
    expect(study.getCell(6, 6).numFmt).toBe('0.0%');
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
