// The import's own reader of worksheet rows (import-sheet-rows.ts) against exceljs's streaming reader on the
// same files: same row numbers, same values, for every kind of cell WPS and Excel write. And its own cases:
// the XML cut into pieces anywhere (a zip chunk ends where it ends), inline strings, entities, rows and cells
// without references, hidden sheets named as the workbook names them.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sheetRows } from '../../../src-main/excel/import-sheet-rows';
import { openStreamReader } from '../../../src-main/excel/stream-reader';
import { toBuffer } from './fixtures';

type Rows = [number, unknown[]][];

/** Every row of every sheet as exceljs's own streaming reader gives them (styles ignored, as the import reads). */
async function exceljsRows(buf: Buffer): Promise<Record<string, Rows>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const out: Record<string, Rows> = {};
  for await (const sheet of reader as unknown as AsyncIterable<
    AsyncIterable<ExcelJS.Row> & { name: string }
  >) {
    const rows: Rows = [];
    for await (const row of sheet) rows.push([row.number, [...(row.values as unknown[])]]);
    out[sheet.name] = rows;
  }
  return out;
}

async function appRows(buf: Buffer): Promise<Record<string, Rows>> {
  const out: Record<string, Rows> = {};
  for await (const sheet of openStreamReader(buf)) {
    const rows: Rows = [];
    for await (const row of sheet) rows.push([row.number, [...row.values]]);
    out[sheet.name] = rows;
  }
  return out;
}

async function rowsOfXml(xml: string, pieceLength: number, shared: unknown[] = []): Promise<Rows> {
  async function* pieces() {
    for (let i = 0; i < xml.length; i += pieceLength) yield xml.slice(i, i + pieceLength);
  }
  const rows: Rows = [];
  for await (const row of sheetRows(pieces(), () => shared)) rows.push([row.number, [...row.values]]);
  return rows;
}

const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

describe('worksheet rows read by the import', () => {
  it('reads what exceljs reads, cell kind by cell kind, on two sheets', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('会议');
    a.mergeCells('A1:F1');
    a.getCell('A1').value = '江城区教育整顿会议台账（2026年4月）';
    a.addRow(['会议日期', '单位', '会议名称', '应到人数（人）', '是否', '备注']);
    a.addRow([new Date(Date.UTC(2026, 3, 15)), '城关街道纪工委', 'A&B <第一次> "会议"', 12, true, '']);
    a.addRow(['2026年4月16日', '东湖镇纪委', { richText: [{ text: '加粗' }, { text: '普通' }] }, 8.5, false]);
    a.addRow([]);
    a.getCell('B6').value = '隔一行';
    a.getCell('AB6').value = 28;
    a.addRow(['合计', '', '', { formula: 'SUM(D3:D4)', result: 20.5 }]);
    a.addRow(['', '', '', { formula: 'D7&"人"', result: '20.5人' }]);
    a.addRow([{ error: '#DIV/0!' }, '第二行\r\n换行', '\u3000全角空格\u3000']);
    a.addRow(['填报人：张三', '', '审核人：李四']);
    const b = wb.addWorksheet('第二张', { state: 'hidden' });
    for (let i = 1; i <= 300; i++) b.addRow([i, `第${i}行`, i % 2 === 0]);
    const buf = await toBuffer(wb);

    const mine = await appRows(buf);
    expect(mine).toEqual(await exceljsRows(buf));
    expect(Object.keys(mine)).toEqual(['会议', '第二张']);
    expect(mine['会议'][2]).toEqual([
      3,
      [undefined, 46127, '城关街道纪工委', 'A&B <第一次> "会议"', 12, true],
    ]);
    expect(mine['会议'].find(([n]) => n === 6)?.[1][28]).toBe(28);
    expect(mine['第二张']).toHaveLength(300);
  });

  it('gives every sheet its name and state as the workbook lists them, in file order', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明', { state: 'hidden' }).addRow(['请勿修改']);
    wb.addWorksheet('台账').addRow(['会议日期']);
    wb.addWorksheet('选项', { state: 'veryHidden' }).addRow(['领导小组会议']);
    const seen: [string, string | undefined][] = [];
    for await (const sheet of openStreamReader(await toBuffer(wb))) {
      seen.push([sheet.name, sheet.state]);
      for await (const _ of sheet) void _;
    }
    expect(seen).toEqual([
      ['说明', 'hidden'],
      ['台账', 'visible'],
      ['选项', 'veryHidden'],
    ]);
  });

  it('keeps Chinese text whole wherever the XML is cut, one character at a time or in odd pieces', async () => {
    const xml = sheetXml(
      '<row r="2"><c r="A2" t="inlineStr"><is><t>城关街道纪工委</t></is></c><c r="C2"><v>12</v></c></row>' +
        '<row r="3" spans="1:3"><c r="B3" t="s"><v>1</v></c><c r="C3" t="str"><f>A1&amp;"人"</f><v>12人</v></c></row>' +
        '<row r="4"/>' +
        '<row><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2026-04-15</v></c></row>',
    );
    const whole = await rowsOfXml(xml, xml.length, ['零', '第一次会议']);
    expect(whole).toEqual([
      [2, [undefined, '城关街道纪工委', undefined, 12]],
      [3, [undefined, undefined, '第一次会议', { formula: 'A1&"人"', result: '12人' }]],
      [4, []],
      [5, [undefined, true, { error: '#N/A' }, '2026-04-15']],
    ]);
    for (const size of [1, 2, 3, 5, 7, 13, 64, 333]) {
      expect(await rowsOfXml(xml, size, ['零', '第一次会议'])).toEqual(whole);
    }
  });

  it('decodes entities once, joins the runs of a rich inline string and leaves out phonetic guides', async () => {
    const xml = sheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>&amp;lt;不是标签&amp;gt;</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><r><t>东湖</t></r><r><rPr><b/></rPr><t xml:space="preserve">镇 纪委</t></r>' +
        '<rPh sb="0" eb="2"><t>ドンフー</t></rPh></is></c>' +
        '<c r="C1" t="str"><v>&#x4E00;&#20108;&quot;三&apos;</v></c><c r="D1" t="inlineStr"><is><t/></is></c></row>',
    );
    expect(await rowsOfXml(xml, 5)).toEqual([
      [1, [undefined, '&lt;不是标签&gt;', '东湖镇 纪委', '一二"三\'', '']],
    ]);
  });

  it('reads the real sheet names of a workbook whose sheets are listed by absolute path', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('旧表', { state: 'hidden' }).addRow(['不要导入']);
    wb.addWorksheet('会议台账').addRow(['会议日期', '会议名称']);
    const zip = await JSZip.loadAsync(await toBuffer(wb));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace(/Target="worksheets\//g, 'Target="/xl/worksheets/'));
    // Deflated, as WPS and Excel write them (exceljs's unzip can lose the entries of a stored, uncompressed zip).
    const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const names: [string, string | undefined][] = [];
    for await (const sheet of openStreamReader(buf)) {
      names.push([sheet.name, sheet.state]);
      for await (const _ of sheet) void _;
    }
    expect(names).toEqual([
      ['旧表', 'hidden'],
      ['会议台账', 'visible'],
    ]);
  });
});
