// The 分单位·… sheets: every unit a row; a few indicators per sheet (PER_UNIT_SHEETS), each as a 本期 and a
// 累计 column under its name, so one sheet prints legibly on one landscape A4 page width. The 合计 row always
// shows the district figure: a SUM formula (with its cached result) where the unit rows add up to it, else
// the district figure itself with the column marked ※ (a check counts for every unit it checked, a distinct
// count or a rate is not a sum of the units').
import type ExcelJS from 'exceljs';
import type { IndicatorKind, IndicatorValue } from '../shared/indicators';
import type { CellValue, SheetContext, Variant } from './stats-common';
import { ValueIndex, bothLines, numFmtOf, pct, toNumber } from './stats-common';
import { sumCell } from './stats-sheets';
import type { PerUnitSheetSpec } from './stats-unit-themes';
import { PER_UNIT_MAX_INDICATORS, PER_UNIT_SHEETS } from './stats-unit-themes';
import { footerRow, headerBlock, noteRow, printSetup, styleBodyRow, titleBlock } from './sheet-style';
import type { LeafColumn } from './sheet-style';
import { fitWidth, textWidth } from './width';

const NUMERIC = new Set<IndicatorKind>(['count', 'amount', 'percent']);
const VARIANTS: { variant: Variant; title: string }[] = [
  { variant: 'period', title: '本期' },
  { variant: 'cumulative', title: '累计' },
];
const FIGURE_WIDTH = 9;

export const DISTRICT_MARK = '※';
export const DISTRICT_NOTE =
  '※ 合计为全区数：一条记录可能同时计入多个单位，或为去重计数/比率，不等于各单位之和。';

/**
 * The 合计 of one column. A rate is never a sum; a count or amount is summed only where the unit rows add up
 * to the district figure (amounts compared to the cent, as they are rounded to two decimals).
 */
export function unitTotal(
  kind: IndicatorKind,
  unitValues: number[],
  district: number,
): { sum: boolean; value: number } {
  if (kind === 'percent') return { sum: false, value: district };
  const total = unitValues.reduce((t, n) => t + n, 0);
  return { sum: unitValues.length > 0 && Math.abs(total - district) < 0.005, value: district };
}

/**
 * The indicators of one sheet spec that the values hold, in spec order. The names are typed catalog names, so in
 * the app every one is there; tests build workbooks from a few values and get the columns they gave.
 */
export function sheetIndicators(ctx: SheetContext, spec: PerUnitSheetSpec): IndicatorValue[] {
  const units = ctx.input.perUnit.map((u) => new ValueIndex(u.values));
  const out: IndicatorValue[] = [];
  for (const name of spec.indicators) {
    const v = ctx.index.get(name) ?? units.map((ix) => ix.get(name)).find((x) => !!x);
    if (v && NUMERIC.has(v.kind)) out.push(v);
  }
  return out.slice(0, PER_UNIT_MAX_INDICATORS);
}

function perUnitSheet(wb: ExcelJS.Workbook, ctx: SheetContext, spec: PerUnitSheetSpec) {
  const indicators = sheetIndicators(ctx, spec);
  if (!indicators.length) return;
  const ws = wb.addWorksheet(spec.sheet);
  const units = ctx.input.perUnit;
  const unitIndex = units.map((u) => new ValueIndex(u.values));

  // Columns: one per indicator and variant; the 合计 decides its own header mark.
  const columns = indicators.flatMap((v) =>
    VARIANTS.map(({ variant, title }) => {
      const raw = unitIndex.map((ix) => toNumber(ix.get(v.name)?.[variant]));
      const total = unitTotal(v.kind, raw, toNumber(ctx.index.get(v.name)?.[variant]));
      return { v, variant, title, raw, total };
    }),
  );
  const label = (v: IndicatorValue) => (v.unit ? `${v.name}\n（${v.unit}）` : v.name);
  const leaves: LeafColumn[] = [
    { title: '序号', width: 5 },
    { title: '单位', width: fitWidth([...units.map((u) => u.unitName), '单位'], 12, 24), align: 'left' },
    ...columns.map((c) => ({
      title: c.total.sum ? c.title : `${c.title}${DISTRICT_MARK}`,
      group: label(c.v),
      numFmt: c.v.kind === 'amount' ? '0.00' : numFmtOf(c.v),
      width: FIGURE_WIDTH,
    })),
  ];
  const first = headerBlock(ws, 3, leaves);
  const last = first + units.length - 1;
  const totalRow = last + 1;
  titleBlock(
    ws,
    leaves.length,
    `${ctx.input.settings.campaignName}分单位统计表（${spec.theme}）`,
    ctx.unitLine,
    bothLines(ctx),
  );
  // An indicator name wraps within its two columns: the top header row grows to hold it.
  const lines = Math.max(
    ...indicators.map((v) =>
      label(v)
        .split('\n')
        .reduce((n, line) => n + Math.ceil(textWidth(line) / (2 * FIGURE_WIDTH - 2)), 0),
    ),
  );
  ws.getRow(3).height = Math.max(30, lines * 15 + 8);
  ws.getRow(4).height = 22;

  const cell = (kind: IndicatorKind, n: number) => (kind === 'percent' ? pct(n) : n);
  units.forEach((u, i) => {
    const row = first + i;
    ws.getRow(row).values = [i + 1, u.unitName, ...columns.map((c) => cell(c.v.kind, c.raw[i]))];
    styleBodyRow(ws, row, leaves);
    ws.getRow(row).height = 20;
  });
  const totals: CellValue[] = columns.map((c, k) =>
    c.total.sum ? sumCell(k + 3, first, last, c.total.value) : cell(c.v.kind, c.total.value),
  );
  ws.getRow(totalRow).values = ['', '合计', ...totals];
  styleBodyRow(ws, totalRow, leaves, true);
  ws.getRow(totalRow).height = 20;
  let next = totalRow + 1;
  if (columns.some((c) => !c.total.sum)) noteRow(ws, next++, leaves.length, DISTRICT_NOTE);
  footerRow(ws, next + 1, leaves.length, ctx.input.preparedBy ?? '', ctx.input.reviewedBy ?? '', ctx.date);
  printSetup(ws, { landscape: true, headerRows: '3:4' });
}

/** One sheet per entry of PER_UNIT_SHEETS that has at least one numeric indicator in the values. */
export function perUnitSheets(wb: ExcelJS.Workbook, ctx: SheetContext): void {
  for (const spec of PER_UNIT_SHEETS) perUnitSheet(wb, ctx, spec);
}
