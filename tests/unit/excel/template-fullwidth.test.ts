// A superior's Excel template typed with a Chinese input method — full-width braces, bar and dot, full-width
// spaces, mixed forms — as shared strings, inline strings, rich text, a formula literal and the page header: each
// placeholder is filled like its half-width form, or refused with the cell it is in; no brace pair is left in any
// sheet. The filled file is also opened in LibreOffice.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { fillXlsxTemplate, inspectXlsxTemplate } from '../../../src-main/excel';
import type { Placeholder } from '../../../src-main/shared/placeholders';
import type { IndicatorValue } from '../../../src-main/shared/indicators';
import { convertToPdf, pdfText } from '../../helpers/office';
import { makeTempDir } from '../../helpers/temp-dir';
import { indicatorValues, loadXlsx, perUnitValues, testSettings, xmlParts } from './fixtures';
import { FULL_WIDTH_SHEET, fullWidthXlsxTemplate } from './superior-template';

const settings = testSettings();
const tmp = makeTempDir('excel-fullwidth-');
afterAll(() => tmp.remove());
const known = indicatorValues()
  .map((v) => v.name)
  .concat(['办公室名称', '截至日期', '教育整顿名称']);

function lookupIn(values: IndicatorValue[], extra: Record<string, string> = {}) {
  return (p: Placeholder): string | number => {
    if (extra[p.name] !== undefined) return extra[p.name];
    const v = values.find((x) => x.name === p.name);
    if (!v) return '';
    const raw = p.variant === 'cumulative' ? v.cumulative : v.period;
    return Array.isArray(raw) ? raw.join('、') : raw;
  };
}

async function filled() {
  const perUnit = perUnitValues(settings).map((u) => ({ unitName: u.unitName, lookup: lookupIn(u.values) }));
  const extra = {
    办公室名称: '江城区教育整顿办',
    截至日期: '2026年4月15日',
    教育整顿名称: '纪检监察干部队伍教育整顿',
  };
  return fillXlsxTemplate(await fullWidthXlsxTemplate(), lookupIn(indicatorValues(), extra), perUnit);
}

async function templateOf(cells: Record<string, ExcelJS.CellValue>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  for (const [ref, value] of Object.entries(cells)) ws.getCell(ref).value = value;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Any delimiter pair, half-width, full-width or mixed. */
const BRACES = /[{｛][{｛]|[}｝][}｝]/;

describe('inspecting a template typed with full-width delimiters', () => {
  it('recognises every form in shared strings, inline strings, rich text, formulas and the header', async () => {
    const r = await inspectXlsxTemplate(await fullWidthXlsxTemplate(), known);
    expect(r.problems).toEqual([]);
    expect(r.placeholders.map((p) => p.key)).toEqual([
      '办公室名称',
      '截至日期',
      '单位.单位名称',
      '单位.集中学习次数|累计',
      '单位.参学率',
      '单位.受理线索数',
      '参学率',
      '集中学习次数',
      '集中学习次数|累计',
      '参学率|累计',
      '受理线索数',
      '立案数',
      '立案数|累计',
      '教育整顿名称',
    ]);
    expect(r.perUnitRows).toEqual([{ sheet: FULL_WIDTH_SHEET, row: 4 }]);
  });

  it('refuses an unknown full-width name with its cell, as written, and the nearest names', async () => {
    const r = await inspectXlsxTemplate(
      await templateOf({
        B2: '本期｛｛集中学习次教｝｝次',
        C3: { richText: [{ text: '｛｛受理线' }, { text: '索数｜累计｝｝', font: { bold: true } }] },
        D4: '｛｛受理线索数｜全年｝｝',
      }),
      known,
    );
    expect(r.problems.map((p) => [p.kind, p.where, p.context])).toEqual([
      ['bad_variant', '表1!D4', '｛｛受理线索数｜全年｝｝'],
      ['unknown_name', '表1!B2', '｛｛集中学习次教｝｝'],
    ]);
    expect(r.problems[0].message).toContain('“|全年”不是可用的取值方式');
    expect(r.problems[1].message).toBe('未知的指标名“集中学习次教”，是否是：集中学习次数');
    expect(r.problems[1].suggestions?.[0]).toBe('集中学习次数');
  });

  it('reports broken full-width and mixed delimiters with the cell address', async () => {
    const r = await inspectXlsxTemplate(
      await templateOf({
        B3: '共开展｛｛集中学习次数｝次',
        C4: '集中学习次数｝｝次',
        D5: '（｛注）{{参学率}}',
        E6: '一个全角“｛”单独出现不是占位符',
        F7: '｛参学率｝',
      }),
      known,
    );
    expect(r.problems.map((p) => [p.kind, p.where])).toEqual([
      ['unclosed', '表1!B3'],
      ['unopened', '表1!B3'],
      ['unopened', '表1!C4'],
      ['unclosed', '表1!D5'],
      ['unclosed', '表1!F7'],
      ['unopened', '表1!F7'],
    ]);
    expect(r.problems[0].context).toBe('共开展｛｛集中学习次数｝次');
    expect(r.problems[1].message).toContain('全角“｝”');
  });
});

describe('filling a template typed with full-width delimiters', () => {
  it('fills every form like its half-width one: numbers, percentages, rich text, inline strings, header', async () => {
    const { buffer, warnings } = await filled();
    expect(warnings).toEqual([]);
    const ws = (await loadXlsx(buffer)).getWorksheet(FULL_WIDTH_SHEET)!;
    expect(ws.getCell('A1').value).toBe('填报单位：江城区教育整顿办　截至2026年4月15日');
    expect([4, 5, 6].map((r) => ws.getCell(r, 2).value)).toEqual([
      '区纪委监委机关',
      '派驻第一纪检监察组',
      '城关街道纪工委',
    ]);
    expect([4, 5, 6].map((r) => ws.getCell(r, 3).value)).toEqual([10, 20, 30]); // 单位。集中学习次数｜累计
    expect([4, 5, 6].map((r) => ws.getCell(r, 4).value)).toEqual([0.9, 0.91, 0.92]); // {{单位.参学率｝｝ ÷ 100
    expect([4, 5, 6].map((r) => ws.getCell(r, 5).value)).toEqual([1, 2, 3]); // rich text cut in two runs
    const f = (a: string) => (ws.getCell(a).value as ExcelJS.CellFormulaValue).formula;
    expect([f('C7'), f('E7')]).toEqual(['SUM(C4:C6)', 'SUM(E4:E6)']);
    expect(ws.getCell('D7').value).toBe(0.965);
    // Rich text: each run keeps its font, the value sits in the run its placeholder began in.
    expect(ws.getCell('A9').value).toEqual({
      richText: [
        { text: '本期共开展集中学习8', font: { bold: true } },
        { text: '次，累计' },
        { text: '23', font: { color: { argb: 'FFFF0000' } } },
        { text: '次。' },
      ],
    });
    expect(ws.getCell('A10').value).toBe(95.2); // inline string, alone in its cell: a number
    expect(ws.getCell('A11').value).toEqual({
      richText: [{ text: '受理线索25', font: { bold: true } }, { text: '件' }],
    });
    expect(ws.getCell('A12').value).toBe('混合3件、6件');
    expect(ws.getCell('A13').value).toBe('半角3件，全角3件');
    expect(f('A14')).toBe('CONCATENATE("截至","2026年4月15日")');
    const parts = await xmlParts(buffer);
    expect(parts['xl/worksheets/sheet1.xml']).toContain('&amp;C纪检监察干部队伍教育整顿');
    for (const [path, xml] of Object.entries(parts)) {
      for (const s of ['{{', '}}', '｛｛', '｝｝']) expect(`${path}: ${xml}`).not.toContain(s);
      expect(`${path}: ${xml}`).not.toMatch(BRACES);
    }
  });

  it('opens in LibreOffice with the numbers filled, totals computed and no brace left', async () => {
    const { buffer } = await filled();
    const file = join(tmp.dir, 'fullwidth.xlsx');
    writeFileSync(file, buffer);
    const text = await pdfText(await convertToPdf(file));
    expect(text).toContain('填报单位：江城区教育整顿办');
    expect(text).toContain('城关街道纪工委');
    expect(text).toMatch(/合计\s+60\s+96\.5%\s+6/); // 10+20+30, district 参学率, 1+2+3
    expect(text).toContain('本期共开展集中学习8次，累计23次。');
    expect(text).toContain('受理线索25件');
    expect(text).toContain('半角3件，全角3件');
    expect(text).toContain('截至2026年4月15日');
    expect(text).toContain('纪检监察干部队伍教育整顿');
    expect(text).not.toMatch(/[{}｛｝]/);
  });
});
