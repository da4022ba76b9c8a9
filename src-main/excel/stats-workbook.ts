// The built-in 统计表 workbook: 工作进展统计表, 线索处置统计表, 四种形态统计表 and the 分单位·… sheets. Numbers
// come in computed (the indicator catalog); this module only lays them out as the superiors' tables look.
// Every sheet says in row 2 which figures it holds: 本期 with its dates and 累计 with its cut-off date.
import ExcelJS from 'exceljs';
import { FOUR_FORM_NAMES } from '../shared/choices';
import { clueSheet } from './stats-sheets';
import { perUnitSheets } from './stats-per-unit';
import { bothLines, cellOf, numFmtOf, sheetContext } from './stats-common';
import type { SheetContext, StatsWorkbookInput } from './stats-common';
import { fitRowHeight, footerRow, headerBlock, printSetup, styleBodyRow, titleBlock } from './sheet-style';
import type { LeafColumn } from './sheet-style';
import { fitWidth } from './width';
import { writeXlsx } from './xml-safe';

export type { ClueMatrix, StatsWorkbookInput } from './stats-common';

function progressSheet(wb: ExcelJS.Workbook, ctx: SheetContext) {
  const ws = wb.addWorksheet('工作进展统计表');
  const values = ctx.input.values;
  const leaves: LeafColumn[] = [
    { title: '序号', width: 6 },
    { title: '类别', width: 12 },
    {
      title: '指标',
      width: Math.max(
        24,
        fitWidth(
          values.map((v) => v.name),
          12,
          34,
        ),
      ),
      align: 'left',
    },
    { title: '计量单位', width: 9 },
    { title: `本期\n（${ctx.period}）`, group: '完成情况', width: 22 },
    { title: `累计\n（${ctx.cutoff}）`, group: '完成情况', width: 22 },
  ];
  let row = headerBlock(ws, 3, leaves);
  titleBlock(
    ws,
    leaves.length,
    `${ctx.input.settings.campaignName}工作进展统计表`,
    ctx.unitLine,
    bothLines(ctx),
  );
  ws.getRow(4).height = 36;
  const categories = [...new Set(values.map((v) => v.category))];
  let n = 0;
  for (const cat of categories) {
    const items = values.filter((v) => v.category === cat);
    const first = row;
    for (const v of items) {
      const r = ws.getRow(row);
      r.values = [++n, cat, v.name, v.unit || '', cellOf(v, 'period'), cellOf(v, 'cumulative')];
      styleBodyRow(ws, row, leaves);
      for (const c of [5, 6]) {
        const fmt = numFmtOf(v);
        if (fmt) ws.getCell(row, c).numFmt = fmt;
        if (v.kind === 'list' || v.kind === 'text')
          ws.getCell(row, c).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
      }
      fitRowHeight(ws, row);
      row++;
    }
    if (row - 1 > first) ws.mergeCells(first, 2, row - 1, 2);
  }
  // No 合计 row here: the indicators have different units (次, 篇, %, 万字), and a sum of them means nothing.
  footerRow(ws, row + 1, leaves.length, ctx.input.preparedBy ?? '', ctx.input.reviewedBy ?? '', ctx.date);
  printSetup(ws, { landscape: false, headerRows: '3:4' });
}

function fourFormsSheet(wb: ExcelJS.Workbook, ctx: SheetContext) {
  const ws = wb.addWorksheet('四种形态统计表');
  const leaves: LeafColumn[] = [
    { title: '形态', width: 20 },
    { title: '本期', group: '人次', numFmt: '0', width: 16 },
    { title: '累计', group: '人次', numFmt: '0', width: 16 },
    { title: '本期', group: '占比', numFmt: '0.0%', width: 16 },
    { title: '累计', group: '占比', numFmt: '0.0%', width: 16 },
  ];
  const first = headerBlock(ws, 3, leaves);
  titleBlock(
    ws,
    leaves.length,
    `${ctx.input.settings.campaignName}运用监督执纪“四种形态”统计表`,
    ctx.unitLine,
    bothLines(ctx),
  );
  const counts = FOUR_FORM_NAMES.map((form) => {
    const names = [`${form}人次`, `四种形态人次（${form}）`, `运用${form}人次`, form];
    return [ctx.index.num('period', ...names), ctx.index.num('cumulative', ...names)];
  });
  const total = [0, 1].map((i) => counts.reduce((s, c) => s + c[i], 0));
  const totalRow = first + FOUR_FORM_NAMES.length;
  FOUR_FORM_NAMES.forEach((form, i) => {
    const row = first + i;
    const share = (col: 'B' | 'C', k: number) => ({
      formula: `IF(${col}$${totalRow}=0,0,${col}${row}/${col}$${totalRow})`,
      result: total[k] ? counts[i][k] / total[k] : 0,
    });
    ws.getRow(row).values = [form, counts[i][0], counts[i][1], share('B', 0), share('C', 1)];
    styleBodyRow(ws, row, leaves);
  });
  ws.getRow(totalRow).values = [
    '合计',
    { formula: `SUM(B${first}:B${totalRow - 1})`, result: total[0] },
    { formula: `SUM(C${first}:C${totalRow - 1})`, result: total[1] },
    { formula: `IF(B${totalRow}=0,0,SUM(D${first}:D${totalRow - 1}))`, result: total[0] ? 1 : 0 },
    { formula: `IF(C${totalRow}=0,0,SUM(E${first}:E${totalRow - 1}))`, result: total[1] ? 1 : 0 },
  ];
  styleBodyRow(ws, totalRow, leaves, true);
  footerRow(
    ws,
    totalRow + 2,
    leaves.length,
    ctx.input.preparedBy ?? '',
    ctx.input.reviewedBy ?? '',
    ctx.date,
  );
  printSetup(ws, { landscape: false, headerRows: '3:4' });
}

/** Builds the statistics workbook as an xlsx buffer. */
export async function buildStatsWorkbook(input: StatsWorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = input.settings.officeName;
  wb.calcProperties.fullCalcOnLoad = true;
  const ctx = sheetContext(input);
  progressSheet(wb, ctx);
  clueSheet(wb, ctx);
  fourFormsSheet(wb, ctx);
  perUnitSheets(wb, ctx);
  return await writeXlsx(wb);
}
