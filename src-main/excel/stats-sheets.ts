// 线索处置统计表 (clue sources × dispositions and results), in two blocks under one header: 本期, then 累计,
// each with a 合计 row of SUM formulas (cached results included, for readers that do not recalculate).
import type ExcelJS from 'exceljs';
import type { CellValue, ClueMatrix, SheetContext, Variant } from './stats-common';
import { bothLines, lineOf } from './stats-common';
import { colLetter } from './refs';
import {
  BORDER_ALL,
  FONT,
  footerRow,
  headerBlock,
  noteRow,
  printSetup,
  styleBodyRow,
  titleBlock,
} from './sheet-style';
import type { LeafColumn } from './sheet-style';
import { fitWidth } from './width';

export function sumCell(col: number, from: number, to: number, result: number): CellValue {
  return { formula: `SUM(${colLetter(col)}${from}:${colLetter(col)}${to})`, result };
}

/** A block's caption row inside the table: "本期：…" / "累计：截至…", merged over the width. */
function blockRow(ws: ExcelJS.Worksheet, row: number, cols: number, text: string) {
  ws.mergeCells(row, 1, row, cols);
  const c = ws.getCell(row, 1);
  c.value = text;
  c.font = { name: FONT, size: 11, bold: true };
  c.alignment = { horizontal: 'left', vertical: 'middle' };
  c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF9F9F9' } };
  for (let i = 1; i <= cols; i++) ws.getCell(row, i).border = BORDER_ALL;
  ws.getRow(row).height = 22;
}

export function clueSheet(wb: ExcelJS.Workbook, ctx: SheetContext): void {
  const ws = wb.addWorksheet('线索处置统计表');
  const { settings } = ctx.input;
  const tables: Record<Variant, ClueMatrix | undefined> = {
    period: ctx.input.clueTable,
    cumulative: ctx.input.clueTableCumulative,
  };
  const dispositions = settings.choiceLists.clueDisposition ?? [];
  const sources = [...(settings.choiceLists.clueSource ?? [])];
  for (const t of [tables.period, tables.cumulative])
    for (const r of t?.rows ?? []) if (!sources.includes(r.source)) sources.push(r.source);
  const leaves: LeafColumn[] = [
    { title: '线索来源', width: fitWidth(sources, 14, 22) },
    { title: '受理线索\n（件）', numFmt: '0', width: 11 },
    ...dispositions.map((d) => ({
      title: d,
      group: '处置方式（件）',
      numFmt: '0',
      width: Math.max(10, fitWidth([d], 8, 14)),
    })),
    { title: '已办结\n（件）', group: '办理结果', numFmt: '0', width: 10 },
    { title: '立案\n（件）', group: '办理结果', numFmt: '0', width: 10 },
    { title: '处分\n（人）', group: '办理结果', numFmt: '0', width: 10 },
  ];
  let row = headerBlock(ws, 3, leaves);
  titleBlock(
    ws,
    leaves.length,
    `${settings.campaignName}问题线索处置情况统计表`,
    ctx.unitLine,
    bothLines(ctx),
  );
  const numCols = leaves.length - 1;
  for (const variant of ['period', 'cumulative'] as const) {
    const table = tables[variant];
    blockRow(ws, row++, leaves.length, lineOf(ctx, variant));
    const first = row;
    const totals = new Array<number>(numCols).fill(0);
    for (const source of sources) {
      const m = table?.rows.find((r) => r.source === source);
      const nums: (number | null)[] = m
        ? [m.received, ...dispositions.map((d) => m.byDisposition[d] ?? 0), m.closed, m.filed, m.sanctioned]
        : [
            ctx.index.num(variant, `受理线索数（${source}）`, `${source}线索数`, `${source}来源线索数`),
            ...new Array<null>(numCols - 1).fill(null),
          ];
      nums.forEach((n, k) => (totals[k] += n ?? 0));
      ws.getRow(row).values = [source, ...nums];
      styleBodyRow(ws, row, leaves);
      row++;
    }
    // Without the matrix only the totals by disposition are known: they go in the 合计 row as numbers.
    const overall = [
      ...dispositions.map((d) => ctx.index.num(variant, `处置线索数（${d}）`, `${d}线索数`, `${d}数`)),
      ctx.index.num(variant, '办结线索数', '已办结线索数'),
      ctx.index.num(variant, '立案数'),
      ctx.index.num(variant, '处分人数'),
    ];
    const totalCells: CellValue[] = totals.map((t, k) =>
      table || k === 0 ? sumCell(k + 2, first, row - 1, t) : overall[k - 1],
    );
    ws.getRow(row).values = ['合计', ...totalCells];
    styleBodyRow(ws, row, leaves, true);
    row++;
  }
  const derived = (['period', 'cumulative'] as const).filter((v) => !tables[v]);
  if (derived.length) {
    const which = derived.length === 1 ? (derived[0] === 'period' ? '本期' : '累计') : '';
    noteRow(ws, row, leaves.length, `注：${which}处置方式和办理结果未按线索来源细分，仅列合计数。`);
    row++;
  }
  footerRow(ws, row + 1, leaves.length, ctx.input.preparedBy ?? '', ctx.input.reviewedBy ?? '', ctx.date);
  printSetup(ws, { landscape: true, headerRows: '3:4' });
}
