// Builds a template like the ones superiors send: merged two-level headers, fills, borders and fonts, a per-unit
// row with a formula and a merge, a SUM total row, a list validation, print settings, a second sheet that
// points at the total, and workbook.xml written the way Excel/WPS write it (unquoted Chinese sheet names).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
export const SHEET = '进展情况表';

export async function superiorTemplate(opts: { wpsAppXml?: boolean; chart?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.columns = [8, 22, 12, 12, 12, 12, 10, 10].map((width) => ({ width }));
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = '纪检监察干部队伍教育整顿进展情况统计表';
  ws.getCell('A1').font = { name: '方正小标宋简体', size: 18, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 40;
  ws.mergeCells('A2:H2');
  ws.getCell('A2').value = '填报单位：{{办公室名称}}                截至{{截至日期}}';

  const head: [string, string][] = [
    ['A3:A4', '序号'],
    ['B3:B4', '单位'],
    ['C3:D3', '学习教育'],
    ['E3:F3', '问题线索'],
    ['G3:H4', '备注'],
  ];
  for (const [range, text] of head) {
    ws.mergeCells(range);
    ws.getCell(range.split(':')[0]).value = text;
  }
  ws.getCell('C4').value = '集中学习（次）';
  ws.getCell('D4').value = '参学率';
  ws.getCell('E4').value = '受理线索（件）';
  ws.getCell('F4').value = '立案（件）';
  for (let r = 3; r <= 4; r++) {
    for (let c = 1; c <= 8; c++) {
      const cell = ws.getCell(r, c);
      cell.fill = HEADER_FILL;
      cell.border = box;
      cell.font = { name: '黑体', size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }

  // The per-unit row: a row-relative formula in A, a merge over G:H, a list validation in G.
  const unitRow = ws.getRow(5);
  unitRow.values = [
    { formula: 'ROW()-4', result: 1 },
    '{{单位.单位名称}}',
    '{{单位.集中学习次数|累计}}',
    '{{单位.参学率}}',
    '{{单位.受理线索数}}',
    '{{单位.立案数}}',
    '',
    '',
    { formula: 'C5+E5', result: 0 },
  ];
  unitRow.height = 22;
  ws.mergeCells('G5:H5');
  ws.getCell('D5').numFmt = '0.0%';
  ws.getCell('G5').dataValidation = { type: 'list', allowBlank: true, formulae: ['"已报送,未报送"'] };
  for (let c = 1; c <= 8; c++) {
    ws.getCell(5, c).border = box;
    ws.getCell(5, c).font = { name: '仿宋', size: 12 };
  }

  const total = ws.getRow(6);
  total.values = [
    '',
    '合计',
    { formula: 'SUM(C5:C5)', result: 0 },
    '{{参学率}}',
    { formula: 'SUM(E5:E5)', result: 0 },
    { formula: 'SUM(F5:F5)', result: 0 },
    { formula: 'IF(C6=0,"",E6/C6)', result: '' },
  ];
  ws.getCell('D6').numFmt = '0.0%';
  for (let c = 1; c <= 8; c++) {
    ws.getCell(6, c).border = box;
    ws.getCell(6, c).font = { name: '仿宋', size: 12, bold: true };
  }
  ws.mergeCells('A7:C7');
  ws.getCell('A7').value = '制表人：';
  ws.mergeCells('E7:F7');
  ws.getCell('E7').value = '审核人：';
  ws.mergeCells('A8:H8');
  ws.getCell('A8').value =
    '本期共开展集中学习{{集中学习次数}}次，累计{{集中学习次数|累计}}次；参学率{{参学率}}%。';
  ws.getCell('A10').value = '是否盖章';
  ws.getCell('B10').dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  ws.getCell('C10').value = '{{受理线索数}}';

  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '3:4',
  };
  ws.headerFooter = { oddHeader: '&C{{教育整顿名称}}', oddFooter: '&C第 &P 页' };

  const notes = wb.addWorksheet('填报说明');
  notes.getCell('A1').value = '合计集中学习次数：';
  notes.getCell('B1').value = { formula: `${SHEET}!C6`, result: 0 };
  notes.getCell('A2').value = '请于每月5日前报送。';
  notes.getCell('A2').font = { color: { argb: 'FFFF0000' } };
  wb.definedNames.add(`'${SHEET}'!$A$6:$H$6`, '合计行');

  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  // Excel and WPS write sheet names without quotes when they need none: exceljs then drops these names.
  let xml = await zip.file('xl/workbook.xml')!.async('string');
  xml = xml.replace(/&apos;进展情况表&apos;!/g, '进展情况表!');
  zip.file('xl/workbook.xml', xml);
  if (opts.wpsAppXml) {
    zip.file(
      'docProps/app.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><properties:Properties xmlns:properties="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><properties:Application>WPS 表格</properties:Application><properties:Company>区纪委</properties:Company></properties:Properties>',
    );
  }
  if (opts.chart)
    zip.file(
      'xl/charts/chart1.xml',
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export const FULL_WIDTH_SHEET = '全角表';

/**
 * A template typed with a Chinese input method: full-width braces, bar and dot (．and 。), full-width spaces and
 * mixed forms, as shared strings (plain and rich text with the placeholder cut between two fonts), inline strings
 * (plain and rich, patched into the sheet XML as WPS and some generators write them), a formula string literal,
 * a per-unit row with a SUM total, the page header, and the half-width form next to the full-width one.
 */
export async function fullWidthXlsxTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(FULL_WIDTH_SHEET);
  ws.columns = [8, 22, 12, 12, 12].map((width) => ({ width }));
  ws.getCell('A1').value = '填报单位：｛｛办公室名称｝｝　截至｛｛　截至日期　｝｝';
  ws.getRow(3).values = ['序号', '单位', '集中学习（累计）', '参学率', '受理线索'];
  const unitRow = ws.getRow(4);
  unitRow.values = [
    { formula: 'ROW()-3', result: 1 },
    '｛｛单位．单位名称｝｝',
    '｛｛单位。集中学习次数｜累计｝｝',
    '{{单位.参学率｝｝',
    {
      richText: [
        { text: '｛｛单位．受理', font: { bold: true, name: '仿宋' } },
        { text: '线索数｝｝', font: { name: '仿宋' } },
      ],
    },
  ];
  ws.getCell('D4').numFmt = '0.0%';
  ws.getRow(5).values = [
    '',
    '合计',
    { formula: 'SUM(C4:C4)', result: 0 },
    '｛｛参学率｝｝',
    { formula: 'SUM(E4:E4)', result: 0 },
  ];
  ws.getCell('D5').numFmt = '0.0%';
  ws.getCell('A7').value = {
    richText: [
      { text: '本期共开展集中学习｛｛集中', font: { bold: true } },
      { text: '学习次数｝｝次，累计' },
      { text: '｛｛集中学习次数｜累计｝｝', font: { color: { argb: 'FFFF0000' } } },
      { text: '次。' },
    ],
  };
  ws.getCell('A8').value = 'INLINE-PLAIN';
  ws.getCell('A9').value = 'INLINE-RICH';
  ws.getCell('A10').value = '混合{{立案数｝｝件、｛{立案数|累计}}件';
  ws.getCell('A11').value = '半角{{立案数}}件，全角｛｛立案数｝｝件';
  ws.getCell('A12').value = { formula: 'CONCATENATE("截至","｛｛截至日期｝｝")', result: '' };
  ws.headerFooter = { oddHeader: '&C｛｛教育整顿名称｝｝', oddFooter: '&C第 &P 页' };

  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const path = 'xl/worksheets/sheet1.xml';
  const strings = (await zip.file('xl/sharedStrings.xml')!.async('string')).match(/<si>[\s\S]*?<\/si>/g)!;
  const index = (text: string) => strings.findIndex((s) => s.includes(`>${text}<`));
  const inline: [string, string, string][] = [
    ['A8', 'INLINE-PLAIN', '<is><t>｛｛参学率｜累计｝｝</t></is>'],
    [
      'A9',
      'INLINE-RICH',
      '<is><r><rPr><b/></rPr><t>受理线索｛｛受理</t></r><r><t xml:space="preserve">线索数 ｝｝件</t></r></is>',
    ],
  ];
  let xml = await zip.file(path)!.async('string');
  for (const [ref, marker, is] of inline) {
    xml = xml.replace(
      new RegExp(`<c r="${ref}"([^>]*?) t="s"><v>${index(marker)}</v></c>`),
      `<c r="${ref}"$1 t="inlineStr">${is}</c>`,
    );
  }
  zip.file(path, xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
