// The superior's template, filled: everything the template had is still there (checked with exceljs and in
// the zip), the per-unit row is repeated with its styles and merges, the SUM total covers every copy, numbers
// are numbers, and LibreOffice opens the result and computes the totals.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fillXlsxTemplate, inspectXlsxTemplate } from '../../../src-main/excel';
import { leftoverDelimiter } from '../../../src-main/excel/template-zip';
import type { Placeholder } from '../../../src-main/shared/placeholders';
import type { IndicatorValue } from '../../../src-main/shared/indicators';
import { convertToPdf, pdfText } from '../../helpers/office';
import { makeTempDir } from '../../helpers/temp-dir';
import { indicatorValues, loadXlsx, perUnitValues, testSettings, xmlParts } from './fixtures';
import { HEADER_FILL, SHEET, superiorTemplate } from './superior-template';

const settings = testSettings();
const tmp = makeTempDir('excel-tpl-');
afterAll(() => tmp.remove());

function lookupIn(values: IndicatorValue[], extra: Record<string, string> = {}) {
  return (p: Placeholder): string | number => {
    if (extra[p.name] !== undefined) return extra[p.name];
    const v = values.find((x) => x.name === p.name);
    if (!v) return '';
    const raw = p.variant === 'cumulative' ? v.cumulative : v.period;
    return Array.isArray(raw) ? raw.join('、') : raw;
  };
}

async function filled(opts: { wpsAppXml?: boolean } = {}) {
  const values = indicatorValues();
  const perUnit = perUnitValues(settings).map((u) => ({ unitName: u.unitName, lookup: lookupIn(u.values) }));
  const extra = {
    办公室名称: '江城区教育整顿办',
    截至日期: '2026年4月15日',
    教育整顿名称: '纪检监察干部队伍教育整顿',
  };
  return fillXlsxTemplate(await superiorTemplate(opts), lookupIn(values, extra), perUnit);
}

const merges = (ws: ExcelJS.Worksheet) =>
  ((ws.model as unknown as { merges: string[] }).merges ?? []).slice().sort();

describe('inspecting a superior template', () => {
  it('lists placeholders and per-unit rows, and warns about what exceljs drops', async () => {
    const known = indicatorValues()
      .map((v) => v.name)
      .concat(['办公室名称', '截至日期', '教育整顿名称']);
    const r = await inspectXlsxTemplate(await superiorTemplate({ chart: true }), known);
    expect(r.placeholders.map((p) => p.key)).toEqual([
      '办公室名称',
      '截至日期',
      '单位.单位名称',
      '单位.集中学习次数|累计',
      '单位.参学率',
      '单位.受理线索数',
      '单位.立案数',
      '参学率',
      '集中学习次数',
      '集中学习次数|累计',
      '受理线索数',
      '教育整顿名称',
    ]);
    expect(r.perUnitRows).toEqual([{ sheet: SHEET, row: 5 }]);
    expect(r.problems).toEqual([]);
    const w = r.warnings.join('\n');
    expect(w).toContain('1 个图表');
    expect(w).toContain(
      `工作表“${SHEET}”的打印标题（${SHEET}!$3:$4）：Excel 组件读取时会丢失或改写，本软件单独保存并在生成的文件中原样补回`,
    );
  });

  it('reports broken delimiters with the cell address and unknown names with suggestions', async () => {
    const ExcelJSmod = (await import('exceljs')).default;
    const wb = new ExcelJSmod.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.getCell('B3').value = '共开展{{集中学习次数}次';
    ws.getCell('C4').value = '{{集中学习次}}';
    const r = await inspectXlsxTemplate(
      Buffer.from(await wb.xlsx.writeBuffer()),
      indicatorValues().map((v) => v.name),
    );
    expect(r.problems.map((p) => [p.kind, p.where])).toEqual([
      ['unclosed', '表1!B3'],
      ['unopened', '表1!B3'],
      ['unknown_name', '表1!C4'],
    ]);
    expect(r.problems[0].context).toContain('共开展{{集中学习次数}次');
    expect(r.problems[2].suggestions).toContain('集中学习次数');
  });
});

describe('filling a superior template', () => {
  it('repeats the unit row once per unit with its styles, height, merges and validation', async () => {
    const { buffer } = await filled();
    const wb = await loadXlsx(buffer);
    const ws = wb.getWorksheet(SHEET)!;
    expect([5, 6, 7].map((r) => ws.getCell(r, 2).value)).toEqual([
      '区纪委监委机关',
      '派驻第一纪检监察组',
      '城关街道纪工委',
    ]);
    for (const r of [5, 6, 7]) {
      expect(ws.getRow(r).height).toBe(22);
      expect(ws.getCell(r, 3).border?.top?.style).toBe('thin');
      expect(ws.getCell(r, 3).font?.name).toBe('仿宋');
      expect(ws.getCell(r, 4).numFmt).toBe('0.0%');
      expect(ws.getCell(r, 7).dataValidation?.formulae).toEqual(['"已报送,未报送"']);
    }
    expect(merges(ws)).toEqual(
      [
        'A1:H1',
        'A2:H2',
        'A3:A4',
        'A9:C9',
        'A10:H10',
        'B3:B4',
        'C3:D3',
        'E3:F3',
        'E9:F9',
        'G3:H4',
        'G5:H5',
        'G6:H6',
        'G7:H7',
      ].sort(),
    );
    // Header styles untouched.
    expect(ws.getCell('C4').fill).toEqual(HEADER_FILL);
    expect(ws.getCell('C4').font).toMatchObject({ name: '黑体', bold: true });
    expect(ws.getCell('A1').font).toMatchObject({ name: '方正小标宋简体', size: 18 });
    expect(ws.getColumn(2).width).toBe(22);
    expect(ws.getRow(1).height).toBe(40);
    // The validation below the block moved with its row.
    expect(ws.getCell('B12').dataValidation?.formulae).toEqual(['"是,否"']);
    expect(ws.getCell('B10').dataValidation).toBeUndefined();
  });

  it('fills numbers as numbers, percentages as fractions, and keeps formulas computing over all copies', async () => {
    const { buffer } = await filled();
    const ws = (await loadXlsx(buffer)).getWorksheet(SHEET)!;
    expect([5, 6, 7].map((r) => ws.getCell(r, 3).value)).toEqual([10, 20, 30]); // 集中学习次数|累计 per unit
    expect([5, 6, 7].map((r) => ws.getCell(r, 4).value)).toEqual([0.9, 0.91, 0.92]); // 参学率 (本期) ÷ 100
    expect([5, 6, 7].map((r) => ws.getCell(r, 5).value)).toEqual([1, 2, 3]);
    expect(ws.getCell('D8').value).toBe(0.965);
    const f = (a: string) => (ws.getCell(a).value as ExcelJS.CellFormulaValue).formula;
    expect([f('C8'), f('E8'), f('F8'), f('G8')]).toEqual([
      'SUM(C5:C7)',
      'SUM(E5:E7)',
      'SUM(F5:F7)',
      'IF(C8=0,"",E8/C8)',
    ]);
    expect([f('A5'), f('A6'), f('A7')]).toEqual(['ROW()-4', 'ROW()-4', 'ROW()-4']);
    expect([f('I5'), f('I6'), f('I7')]).toEqual(['C5+E5', 'C6+E6', 'C7+E7']);
    expect(ws.getCell('A10').value).toBe('本期共开展集中学习8次，累计23次；参学率96.5%。');
    expect(ws.getCell('C12').value).toBe(25);
    expect(ws.getCell('A2').value).toBe('填报单位：江城区教育整顿办                截至2026年4月15日');
    const other = (await loadXlsx(buffer)).getWorksheet('填报说明')!;
    expect((other.getCell('B1').value as ExcelJS.CellFormulaValue).formula).toBe(`${SHEET}!C8`);
    expect(other.getCell('A2').font?.color?.argb).toBe('FFFF0000');
  });

  it('keeps print setup, restores print titles and the moved defined name, and leaves no {{ anywhere', async () => {
    const { buffer, warnings } = await filled();
    const ws = (await loadXlsx(buffer)).getWorksheet(SHEET)!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    const parts = await xmlParts(buffer);
    const book = parts['xl/workbook.xml'];
    expect(book).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="0">进展情况表!\$3:\$4<\/definedName>/,
    );
    expect(book).toContain('<definedName name="合计行">进展情况表!$A$8:$H$8</definedName>');
    expect(warnings).toEqual([]);
    for (const [path, xml] of Object.entries(parts)) expect(`${path}: ${xml}`).not.toMatch(/\{\{|\}\}/);
    expect(parts['xl/worksheets/sheet1.xml']).toContain('纪检监察干部队伍教育整顿'); // header filled
  });

  it('keeps the font of each rich-text run a placeholder is cut across, and strips a broken pair cut in two', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表1');
    ws.getCell('A1').value = {
      richText: [
        { text: '共开展{{集中', font: { bold: true } },
        { text: '学习次数}}次', font: { italic: true } },
      ],
    };
    ws.getCell('A2').value = { richText: [{ text: '坏的{' }, { text: '{写法' }] };
    const { buffer, warnings } = await fillXlsxTemplate(
      Buffer.from(await wb.xlsx.writeBuffer()),
      lookupIn(indicatorValues()),
      [],
    );
    const out = (await loadXlsx(buffer)).getWorksheet('表1')!;
    expect(out.getCell('A1').value).toEqual({
      richText: [
        { text: '共开展8', font: { bold: true } },
        { text: '次', font: { italic: true } },
      ],
    });
    expect(out.getCell('A2').value).toEqual({ richText: [{ text: '坏的' }, { text: '写法' }] });
    expect(warnings).toEqual([
      '有 1 个单元格含有无法识别的“{{ }}”写法，已将这些符号删除，请核对这些单元格。',
    ]);
  });

  it('finds a delimiter pair of either width left in a written workbook, with the text around it', async () => {
    const zip = new JSZip();
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<worksheet><c><f>"{"&amp;"}"</f></c><c t="s"><v>0</v></c></worksheet>',
    );
    zip.file('xl/comments1.xml', '<comments><t>批注里的{{参学率}}不是单元格</t></comments>');
    expect(await leftoverDelimiter(zip)).toBeNull();
    zip.file(
      'xl/sharedStrings.xml',
      '<sst><si><t>甲</t></si><si><r><t>共｛</t></r><r><t>｛参学率｝｝</t></r></si></sst>',
    );
    expect(await leftoverDelimiter(zip)).toEqual({
      part: 'xl/sharedStrings.xml',
      context: '共｛｛参学率｝｝',
    });
  });

  it('reads a template saved by WPS (prefixed docProps/app.xml, exceljs #2348)', async () => {
    const { buffer } = await filled({ wpsAppXml: true });
    expect((await loadXlsx(buffer)).getWorksheet(SHEET)!.getCell('B7').value).toBe('城关街道纪工委');
  });

  it('opens in LibreOffice, which computes the totals over every unit', async () => {
    const { buffer } = await filled();
    const file = join(tmp.dir, 'filled.xlsx');
    writeFileSync(file, buffer);
    const text = await pdfText(await convertToPdf(file));
    expect(text).toContain('城关街道纪工委');
    expect(text).toMatch(/合计\s+60\s+96\.5%\s+6\s+/); // 10+20+30, district 参学率, 1+2+3
    expect(text).not.toContain('{{');
  });
});
