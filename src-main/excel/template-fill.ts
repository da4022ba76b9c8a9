// Fills a superior's Excel template: repeats each row holding {{单位.…}} once per unit (moving everything
// below it ourselves), fills every placeholder, keeps styles, merges, formulas, validations and print setup,
// and puts back the defined names (print titles…) exceljs drops.
import JSZip from 'jszip';
import type ExcelJS from 'exceljs';
import type { Placeholder } from '../shared/placeholders';
import { UNIT_NAME } from '../shared/placeholders';
import { AppFailure } from '../shared/result';
import { shiftFormula } from './refs';
import type { RowShift } from './refs';
import { expandRow, unshareFormulas } from './row-expand';
import type { Lookup } from './template-cells';
import { fillCell, fillHeaderFooter, scanCell, stripLeftovers } from './template-cells';
import { loadTemplate, nameSheet } from './template-load';
import type { DefinedName } from './template-zip';
import { leftoverDelimiter, sheetNames, xmlEscape } from './template-zip';
import { writeXlsx } from './xml-safe';

export type { Lookup } from './template-cells';

export interface PerUnitLookup {
  unitName: string;
  lookup: Lookup;
}

export interface FillResult {
  buffer: Buffer;
  /** Chinese notes: what was restored, what could not be kept, leftovers removed. */
  warnings: string[];
}

function perUnitRows(ws: ExcelJS.Worksheet): number[] {
  const rows = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      if (scanCell(cell)?.placeholders.some((p) => p.perUnit)) rows.add(row.number);
    });
  });
  return [...rows].sort((a, b) => b - a); // bottom-up: expanding a lower row never moves a higher one
}

function eachCell(ws: ExcelJS.Worksheet, f: (c: ExcelJS.Cell) => void, only?: number) {
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (only !== undefined && row.number !== only) return;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      f(cell);
    });
  });
}

function unitLookup(u: PerUnitLookup | undefined): Lookup {
  return (p: Placeholder) => (!u ? '' : p.name === UNIT_NAME ? u.unitName : u.lookup(p));
}

export async function fillXlsxTemplate(
  buf: Uint8Array,
  lookup: Lookup,
  perUnit: PerUnitLookup[],
): Promise<FillResult> {
  const t = await loadTemplate(buf);
  const { wb } = t;
  const warnings = [...t.warnings];
  unshareFormulas(wb);

  const shifts: RowShift[] = [];
  for (const ws of wb.worksheets) {
    for (const at of perUnitRows(ws)) {
      const count = Math.max(perUnit.length, 1);
      if (count > 1) {
        expandRow(wb, ws, at, count);
        shifts.push({ sheet: ws.name, at, by: count - 1 });
      }
      for (let k = 0; k < count; k++) {
        eachCell(ws, (cell) => fillCell(cell, unitLookup(perUnit[k]), (p) => p.perUnit), at + k);
      }
    }
  }

  let leftovers = 0;
  for (const ws of wb.worksheets) {
    eachCell(ws, (cell) => {
      fillCell(cell, lookup, (p) => !p.perUnit);
      if (stripLeftovers(cell)) leftovers++;
    });
    fillHeaderFooter(ws, lookup);
  }
  if (leftovers)
    warnings.push(`有 ${leftovers} 个单元格含有无法识别的“{{ }}”写法，已将这些符号删除，请核对这些单元格。`);

  clearCachedResults(wb);
  const written = await writeXlsx(wb);
  const buffer = t.names.length ? await restoreNames(written, t.names, t.sheets, shifts) : written;
  await assertFilled(buffer);
  return { buffer, warnings };
}

/** The last guard: no placeholder delimiter of either width may be left in any cell of what goes to the office. */
async function assertFilled(buf: Buffer): Promise<void> {
  const left = await leftoverDelimiter(await JSZip.loadAsync(buf));
  if (!left) return;
  throw new AppFailure(
    'internal',
    `填写后表格中仍有占位符符号（“${left.context}”），未生成文件。请把模板交给管理员检查。`,
    { part: left.part, context: left.context },
  );
}

/**
 * Formulas keep the results the template was saved with (a SUM over one empty row: 0). Excel, WPS and
 * LibreOffice all show a cached result without recomputing, so every cached result is dropped: the formula
 * is then computed on open.
 */
function clearCachedResults(wb: ExcelJS.Workbook) {
  wb.calcProperties.fullCalcOnLoad = true;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v && !(cell.isMerged && cell.master !== cell)) {
          const { result: _cached, ...rest } = v as ExcelJS.CellFormulaValue;
          cell.value = rest;
        }
      });
    });
  }
}

/** Puts back the template's defined names (exceljs never saw them), moved by the row expansions in the order they were made. */
async function restoreNames(
  buf: Buffer,
  names: DefinedName[],
  sheets: string[],
  shifts: RowShift[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  let xml = await zip.file('xl/workbook.xml')!.async('string');
  const outSheets = sheetNames(xml);
  const elements: string[] = [];
  for (const n of names) {
    const sheet = nameSheet(n, sheets);
    const local = sheet === undefined ? -1 : outSheets.indexOf(sheet);
    if (sheet !== undefined && local < 0) continue; // its sheet did not survive (a chart sheet)
    let text = n.text;
    for (const s of shifts) text = shiftFormula(text, sheet ?? '\u0000', s);
    const attrs =
      n.attrs.replace(/\s*\blocalSheetId="\d+"/, '') + (local >= 0 ? ` localSheetId="${local}"` : '');
    elements.push(`<definedName${attrs}>${xmlEscape(text)}</definedName>`);
  }
  if (!elements.length) return buf;
  xml = xml.includes('</definedNames>')
    ? xml.replace('</definedNames>', `${elements.join('')}</definedNames>`)
    : xml.replace('</sheets>', `</sheets><definedNames>${elements.join('')}</definedNames>`);
  zip.file('xl/workbook.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
