// Shared layout of the statistics sheets: merged title, reporting-unit and cut-off row, two-level merged
// headers, bordered body, 制表人/审核人 footer and A4 print setup with the header rows repeated.
import type ExcelJS from 'exceljs';
import { colLetter } from './refs';
import { fitWidth, textWidth } from './width';

export const FONT = '宋体';
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const BORDER_ALL: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
export const CENTER: Partial<ExcelJS.Alignment> = {
  horizontal: 'center',
  vertical: 'middle',
  wrapText: true,
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** One leaf column; leaves with the same `group` share a merged header cell above them. */
export interface LeafColumn {
  title: string;
  group?: string;
  width?: number;
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
}

export function titleBlock(
  ws: ExcelJS.Worksheet,
  cols: number,
  title: string,
  left: string,
  right: string,
): void {
  const last = colLetter(cols);
  ws.mergeCells(`A1:${last}1`);
  const t = ws.getCell('A1');
  t.value = title;
  t.font = { name: FONT, size: 18, bold: true };
  t.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  // An 18 pt title is about 1.6 times as wide as body text: a long title on a narrow table takes two lines.
  let total = 0;
  for (let c = 1; c <= cols; c++) total += ws.getColumn(c).width ?? 9;
  const lines = Math.max(1, Math.ceil((textWidth(title) * 1.7) / Math.max(total, 1)));
  ws.getRow(1).height = 12 + lines * 26;
  // Reporting unit on the left; on the right what the figures cover (本期 dates, 累计 cut-off: one per line),
  // starting further left when half the table is too narrow for it.
  const widthOf = (from: number, to: number) => {
    let w = 0;
    for (let c = from; c <= to; c++) w += ws.getColumn(c).width ?? 9;
    return w;
  };
  let split = Math.max(1, Math.ceil(cols / 2));
  while (
    split > 1 &&
    widthOf(split + 1, cols) < textWidth(right) + 2 &&
    widthOf(1, split - 1) >= textWidth(left) + 2
  )
    split--;
  ws.mergeCells(`A2:${colLetter(split)}2`);
  if (split < cols) ws.mergeCells(`${colLetter(split + 1)}2:${last}2`);
  const l = ws.getCell('A2');
  l.value = left;
  l.font = { name: FONT, size: 11 };
  l.alignment = { horizontal: 'left', vertical: 'middle' };
  const r = ws.getCell(`${colLetter(split < cols ? split + 1 : 1)}2`);
  if (split < cols) {
    r.value = right;
    r.font = { name: FONT, size: 11 };
    r.alignment = { horizontal: 'right', vertical: 'middle', wrapText: true };
  } else {
    l.value = `${left}\n${right}`;
    l.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  }
  const rightLines = (split < cols ? right : `${left}\n${right}`).split('\n').length;
  ws.getRow(2).height = Math.max(22, rightLines * 16 + 6);
}

/** A note under a table: merged over its width, left aligned, wrapped, 10 pt. */
export function noteRow(ws: ExcelJS.Worksheet, row: number, cols: number, text: string): void {
  ws.mergeCells(row, 1, row, cols);
  const c = ws.getCell(row, 1);
  c.value = text;
  c.font = { name: FONT, size: 10 };
  c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  let total = 0;
  for (let i = 1; i <= cols; i++) total += ws.getColumn(i).width ?? 9;
  ws.getRow(row).height = Math.max(20, Math.ceil(textWidth(text) / Math.max(total - 2, 1)) * 14 + 6);
}

/** Two header rows at `row` and `row + 1`; returns the first body row. */
export function headerBlock(ws: ExcelJS.Worksheet, row: number, leaves: LeafColumn[]): number {
  let c = 1;
  while (c <= leaves.length) {
    const leaf = leaves[c - 1];
    const top = ws.getCell(row, c);
    if (!leaf.group) {
      ws.mergeCells(row, c, row + 1, c);
      top.value = leaf.title;
      c++;
      continue;
    }
    let end = c;
    while (end < leaves.length && leaves[end].group === leaf.group) end++;
    if (end > c) ws.mergeCells(row, c, row, end);
    top.value = leaf.group;
    for (let i = c; i <= end; i++) ws.getCell(row + 1, i).value = leaves[i - 1].title;
    c = end + 1;
  }
  for (let r = row; r <= row + 1; r++) {
    for (let i = 1; i <= leaves.length; i++) {
      const cell = ws.getCell(r, i);
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = CENTER;
      cell.border = BORDER_ALL;
      cell.fill = HEADER_FILL;
    }
    ws.getRow(r).height = 30;
  }
  leaves.forEach((leaf, i) => {
    const col = ws.getColumn(i + 1);
    col.width = leaf.width ?? fitWidth([leaf.title], 8, 16);
  });
  return row + 2;
}

/** Styles a body row: borders, font, number formats and alignment per leaf. */
export function styleBodyRow(ws: ExcelJS.Worksheet, row: number, leaves: LeafColumn[], bold = false): void {
  leaves.forEach((leaf, i) => {
    const cell = ws.getCell(row, i + 1);
    cell.border = BORDER_ALL;
    cell.font = { name: FONT, size: 11, bold };
    cell.alignment = { horizontal: leaf.align ?? 'center', vertical: 'middle', wrapText: true };
    if (leaf.numFmt) cell.numFmt = leaf.numFmt;
  });
}

/**
 * Sets a row's height from its wrapped text: Excel and WPS do not grow a row whose height is set, and
 * LibreOffice does not grow rows of a file it did not write, so a long list would be cut off.
 */
export function fitRowHeight(ws: ExcelJS.Worksheet, row: number, min = 20): void {
  let lines = 1;
  ws.getRow(row).eachCell((cell, col) => {
    if (typeof cell.value !== 'string' || cell.isMerged) return;
    const width = Math.max(4, (ws.getColumn(col).width ?? 9) - 1.5);
    const n = cell.value
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / width)), 0);
    lines = Math.max(lines, n);
  });
  ws.getRow(row).height = Math.max(min, lines * 15 + 5);
}

/** 制表人 / 审核人 / 制表日期 under the table, spread over its width. */
export function footerRow(
  ws: ExcelJS.Worksheet,
  row: number,
  cols: number,
  preparedBy: string,
  reviewedBy: string,
  date: string,
): void {
  const parts = [`制表人：${preparedBy}`, `审核人：${reviewedBy}`, `制表日期：${date}`];
  const per = Math.max(1, Math.floor(cols / 3));
  parts.forEach((text, i) => {
    const from = i * per + 1;
    const to = i === 2 ? Math.max(cols, from) : Math.min(cols, from + per - 1);
    if (from > cols) return;
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 11 };
    cell.alignment = { horizontal: i === 0 ? 'left' : i === 1 ? 'center' : 'right', vertical: 'middle' };
  });
  ws.getRow(row).height = 24;
}

/** A4, fitted to the page width, header rows repeated on every printed page. */
export function printSetup(ws: ExcelJS.Worksheet, opts: { landscape: boolean; headerRows: string }): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: opts.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: opts.headerRows,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
  ws.views = [{ state: 'frozen', ySplit: Number(opts.headerRows.split(':')[1]), xSplit: 0 }];
}
