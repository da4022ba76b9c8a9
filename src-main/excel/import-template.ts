// The import template of a ledger: the same headers its export writes, required columns in red, a note on
// every header saying how to fill it, bounded drop-down lists (from a hidden 选项 sheet) and a frozen header.
import ExcelJS from 'exceljs';
import { chineseDate } from '../shared/dates';
import type { LedgerDef } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import { ledgerColumns } from './columns';
import { ymdToUtcDate } from './cell-value';
import { colLetter } from './refs';
import { BORDER_ALL, FONT, printSetup } from './sheet-style';
import { writeXlsx } from './xml-safe';

/** Rows of the template that carry drop-down lists: bounded, as whole-column validations bloat every reader. */
export const TEMPLATE_ROWS = 2000;

/** exceljs has worksheet.dataValidations (range-keyed, written as one sqref) but leaves it out of its types. */
function validations(ws: ExcelJS.Worksheet): { add(range: string, dv: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } })
    .dataValidations;
}

export function ledgerSheetName(def: LedgerDef): string {
  return `${def.label}台账`;
}

/** A unit's return template: the unit and the period written above the header, no unit column. */
export interface ReturnTemplate {
  unitName: string;
  taskName: string;
  from: string;
  to: string;
  due: string;
}

export async function buildImportTemplate(
  def: LedgerDef,
  settings: Settings,
  forReturn?: ReturnTemplate,
): Promise<Buffer> {
  // A return's rows are all its unit's: the 填报单位 line says which, and the import takes it from there.
  const cols = ledgerColumns(def, settings, { includeConfidential: true }).filter(
    (c) => !forReturn || c.key !== 'unit',
  );
  const headerRow = forReturn ? 3 : 2;
  const firstDataRow = headerRow + 1;
  const wb = new ExcelJS.Workbook();
  wb.creator = settings.officeName;
  const ws = wb.addWorksheet(ledgerSheetName(def));
  // Printed, it fits the page width (the notes and the 填报单位 line are no longer cut between pages), header
  // rows repeated; the header stays frozen on screen.
  printSetup(ws, { landscape: true, headerRows: `1:${headerRow}` });
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  const last = colLetter(cols.length);

  ws.mergeCells(`A1:${last}1`);
  const intro = ws.getCell('A1');
  intro.value =
    `${def.label}台账${forReturn ? '报送表' : '导入模板'}：红色列标题为必填项；每行填写一条记录，从第${firstDataRow}行开始；日期写成 2026-04-15；` +
    '带下拉箭头的列请从列表中选择；多项内容用顿号“、”分隔；鼠标停在列标题上可查看填写说明。请勿修改列标题。';
  intro.font = { name: FONT, size: 10, color: { argb: 'FF595959' } };
  intro.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 42;
  if (forReturn) {
    ws.mergeCells(`A2:${last}2`);
    const line = ws.getCell('A2');
    line.value =
      `填报单位：${forReturn.unitName}\u3000\u3000报送任务：${forReturn.taskName}\u3000\u3000` +
      `报送期间：${chineseDate(forReturn.from)}至${chineseDate(forReturn.to)}\u3000\u3000请于${chineseDate(forReturn.due)}前报送`;
    line.font = { name: FONT, size: 11, bold: true };
    line.alignment = { horizontal: 'left', vertical: 'middle' };
    ws.getRow(2).height = 24;
  }

  let listCol = 0;
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.type === 'date') col.numFmt = 'yyyy-mm-dd';
    // Text columns stay text: WPS would otherwise turn "1-2" into a date and drop a document number's zeros.
    if (c.type === 'text' || c.type === 'textarea' || c.type === 'textList') col.numFmt = '@';

    const h = ws.getCell(headerRow, i + 1);
    h.value = c.label;
    h.font = { name: FONT, size: 11, bold: true, color: { argb: c.required ? 'FFC00000' : 'FF000000' } };
    h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    h.border = BORDER_ALL;
    h.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    h.note = { texts: [{ text: `${c.label}：${c.hint}` }] };

    if (forReturn && c.type === 'date') {
      // Only days of the period: a date outside it would be another period's record.
      const days = `${colLetter(i + 1)}${firstDataRow}:${colLetter(i + 1)}${firstDataRow + TEMPLATE_ROWS - 1}`;
      validations(ws).add(days, {
        type: 'date',
        operator: 'between',
        allowBlank: true,
        formulae: [ymdToUtcDate(forReturn.from), ymdToUtcDate(forReturn.to)],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '不在报送期间内',
        error: `${c.label}应在${chineseDate(forReturn.from)}至${chineseDate(forReturn.to)}之间`,
      });
    }
    if (!c.choices?.length) return;
    listCol++;
    const letter = colLetter(listCol);
    lists.getCell(1, listCol).value = c.label;
    c.choices.forEach((v, k) => (lists.getCell(k + 2, listCol).value = v));
    const many = c.type === 'multiChoice' || c.type === 'units';
    const range = `${colLetter(i + 1)}${firstDataRow}:${colLetter(i + 1)}${firstDataRow + TEMPLATE_ROWS - 1}`;
    validations(ws).add(range, {
      type: 'list',
      allowBlank: true,
      formulae: [`'选项'!$${letter}$2:$${letter}$${c.choices.length + 1}`],
      // Several values joined with 、 are not one list item: for those columns the list only suggests.
      showErrorMessage: !many,
      errorStyle: 'stop',
      errorTitle: '不在列表中',
      error: `${c.label}请从下拉列表中选择`,
    });
  });
  ws.getRow(headerRow).height = 32;
  return await writeXlsx(wb);
}
