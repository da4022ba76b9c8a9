// The two cross-tab statistics sheets: 线索处置统计表 (sources × dispositions) and 分单位统计表 (units ×
// indicators), each with a 合计 row of SUM formulas (cached results included, for readers that do not recalc).
import type ExcelJS from 'exceljs';
import type { IndicatorValue } from '../shared/indicators';
import type { SheetContext } from './stats-common';
import { ValueIndex, pct, toNumber } from './stats-common';
import { colLetter } from './refs';
import { FONT, footerRow, headerBlock, printSetup, styleBodyRow, titleBlock } from './sheet-style';
import type { LeafColumn } from './sheet-style';
import { fitWidth } from './width';

type Cell = number | string | null | { formula: string; result: number };

function sumCell(col: number, from: number, to: number, result: number): Cell {
  return { formula: `SUM(${colLetter(col)}${from}:${colLetter(col)}${to})`, result };
}

function note(ws: ExcelJS.Worksheet, row: number, cols: number, text: string) {
  ws.mergeCells(row, 1, row, cols);
  const c = ws.getCell(row, 1);
  c.value = text;
  c.font = { name: FONT, size: 10 };
  c.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
}

export function clueSheet(wb: ExcelJS.Workbook, ctx: SheetContext): void {
  const ws = wb.addWorksheet('线索处置统计表');
  const { settings, clueTable } = ctx.input;
  const dispositions = settings.choiceLists.clueDisposition ?? [];
  const sources = [...(settings.choiceLists.clueSource ?? [])];
  for (const r of clueTable?.rows ?? []) if (!sources.includes(r.source)) sources.push(r.source);
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
  const first = headerBlock(ws, 3, leaves);
  titleBlock(ws, leaves.length, `${settings.campaignName}问题线索处置情况统计表`, ctx.unitLine, ctx.cutoff);
  const numCols = leaves.length - 1;
  const totals = new Array<number>(numCols).fill(0);
  sources.forEach((source, i) => {
    const m = clueTable?.rows.find((r) => r.source === source);
    const nums: (number | null)[] = m
      ? [m.received, ...dispositions.map((d) => m.byDisposition[d] ?? 0), m.closed, m.filed, m.sanctioned]
      : [
          ctx.index.num('cumulative', `受理线索数（${source}）`, `${source}线索数`, `${source}来源线索数`),
          ...new Array<null>(numCols - 1).fill(null),
        ];
    nums.forEach((n, k) => (totals[k] += n ?? 0));
    ws.getRow(first + i).values = [source, ...nums];
    styleBodyRow(ws, first + i, leaves);
  });
  const totalRow = first + sources.length;
  const last = totalRow - 1;
  // Without the matrix only the totals by disposition are known: they go in the 合计 row as numbers.
  const overall = [
    ...dispositions.map((d) => ctx.index.num('cumulative', `处置线索数（${d}）`, `${d}线索数`, `${d}数`)),
    ctx.index.num('cumulative', '办结线索数', '已办结线索数'),
    ctx.index.num('cumulative', '立案数'),
    ctx.index.num('cumulative', '处分人数'),
  ];
  const totalCells: Cell[] = totals.map((t, k) =>
    clueTable || k === 0 ? sumCell(k + 2, first, last, t) : overall[k - 1],
  );
  ws.getRow(totalRow).values = ['合计', ...totalCells];
  styleBodyRow(ws, totalRow, leaves, true);
  let next = totalRow + 1;
  if (!clueTable) {
    note(ws, next, leaves.length, '注：处置方式和办理结果未按线索来源细分，仅列合计数。');
    next++;
  }
  footerRow(ws, next + 1, leaves.length, ctx.input.preparedBy ?? '', ctx.input.reviewedBy ?? '', ctx.date);
  printSetup(ws, { landscape: true, headerRows: '3:4' });
}

const NUMERIC = new Set(['count', 'amount', 'percent']);

export function perUnitSheet(wb: ExcelJS.Workbook, ctx: SheetContext): void {
  const ws = wb.addWorksheet('分单位统计表');
  const units = ctx.input.perUnit;
  const seen = new Map<string, IndicatorValue>();
  for (const u of units)
    for (const v of u.values) if (NUMERIC.has(v.kind) && !seen.has(v.name)) seen.set(v.name, v);
  // Indicators grouped by category, in catalog order of first appearance.
  const cats = [...new Set([...seen.values()].map((v) => v.category))];
  const indicators = cats.flatMap((c) => [...seen.values()].filter((v) => v.category === c));
  const leaves: LeafColumn[] = [
    { title: '序号', width: 6 },
    {
      title: '单位',
      width: fitWidth(
        units.map((u) => u.unitName),
        14,
        28,
      ),
      align: 'left',
    },
    ...indicators.map((v) => ({
      title: v.unit ? `${v.name}\n（${v.unit}）` : v.name,
      group: v.category,
      numFmt: v.kind === 'percent' ? '0.0%' : v.kind === 'count' ? '0' : undefined,
      width: Math.max(10, Math.min(14, fitWidth([v.name], 8, 14) / 2 + 4)),
    })),
  ];
  const first = headerBlock(ws, 3, leaves);
  titleBlock(ws, leaves.length, `${ctx.input.settings.campaignName}分单位统计表`, ctx.unitLine, ctx.cutoff);
  ws.getRow(4).height = 60;
  const sums = new Array<number>(indicators.length).fill(0);
  units.forEach((u, i) => {
    const idx = new ValueIndex(u.values);
    const cells = indicators.map((v, k) => {
      const n = toNumber(idx.get(v.name)?.cumulative);
      sums[k] += n;
      return v.kind === 'percent' ? pct(n) : n;
    });
    ws.getRow(first + i).values = [i + 1, u.unitName, ...cells];
    styleBodyRow(ws, first + i, leaves);
  });
  const totalRow = first + units.length;
  // A sum of rates is not a rate: the 合计 of a percentage column is the district-wide value.
  const totalCells: Cell[] = indicators.map((v, k) => {
    if (v.kind === 'percent') return pct(toNumber(ctx.index.get(v.name)?.cumulative));
    return units.length ? sumCell(k + 3, first, totalRow - 1, sums[k]) : 0;
  });
  ws.getRow(totalRow).values = ['', '合计', ...totalCells];
  styleBodyRow(ws, totalRow, leaves, true);
  footerRow(
    ws,
    totalRow + 2,
    leaves.length,
    ctx.input.preparedBy ?? '',
    ctx.input.reviewedBy ?? '',
    ctx.date,
  );
  printSetup(ws, { landscape: true, headerRows: '3:4' });
}
