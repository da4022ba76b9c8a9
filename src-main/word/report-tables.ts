// The report's two 附件 tables, declared as data with typed indicator names: 附件1 the key figures (本期 and 累计,
// or one column when they are the same), 附件2 the figures per unit. Rows with nothing to say are left out.
import type { IndicatorName } from '../stats/catalog';
import type { TableSpec } from './gbt-kit';
import type { UnitValues } from './report';
import type { Variant } from './values';
import { ValueBook } from './values';

/** 附件1: the figures a superior reads, by category, in this order (about two pages). */
export const KEY_FIGURES: IndicatorName[] = [
  '领导小组会议次数',
  '领导小组办公室会议次数',
  '督导检查次数',
  '督导发现问题数',
  '具体任务数',
  '已完成任务数',
  '任务完成率',
  '逾期任务数',
  '领导班子集中学习次数',
  '集中学习次数',
  '学习内容项数',
  '专题授课次数',
  '主题党日次数',
  '观看专题片次数',
  '警示教育次数',
  '交流研讨次数',
  '参学人次',
  '参学率',
  '心得体会篇数',
  '学习笔记万字',
  '领导班子心得体会篇数',
  '领导班子学习笔记万字',
  '学习资料册数',
  '学习资料本数',
  '制度数',
  '制度条数',
  '具体规定数',
  '具体规定条数',
  '学习教育制度数',
  '受理线索数',
  '处置线索数',
  '立案数',
  '处分人数',
  '四种形态人次',
  '检视问题数',
  '已整改问题数',
  '整改率',
  '建立制度数',
  '宣传稿件数',
  '舆情数',
  '简报期数',
  '简报被上级采用数',
];

/** 附件2: one row per unit. */
export const UNIT_COLUMNS: { name: IndicatorName; variant: Variant; header: string }[] = [
  { name: '集中学习次数', variant: 'period', header: '集中学习\n（次）' },
  { name: '参学率', variant: 'period', header: '参学率' },
  { name: '心得体会篇数', variant: 'period', header: '心得体会\n（篇）' },
  { name: '学习笔记万字', variant: 'period', header: '学习笔记\n（万字）' },
  { name: '检视问题数', variant: 'cumulative', header: '检视问题\n（个）' },
  { name: '已整改问题数', variant: 'cumulative', header: '已整改\n（个）' },
  { name: '整改率', variant: 'cumulative', header: '整改率' },
];

export const unitsNote = (asOf: string) =>
  `注：集中学习、参学率、心得体会、学习笔记为本期数；检视问题、已整改、整改率为累计数（截至${asOf}）。`;

/** How a cell reads: the value, or its placeholder in a template. */
export type CellText = (name: IndicatorName, variant: Variant) => string;

const nonZero = (book: ValueBook, name: IndicatorName, variant: Variant) => {
  const raw = book.raw(name, variant);
  return typeof raw === 'number' && raw !== 0;
};

/**
 * 附件1 over the key figures: rows whose 本期 and 累计 are both 0 are left out (none in a template); when 本期 is
 * 累计 (`same`) one column says each number once.
 */
export function keyFiguresTable(
  values: readonly { name: string; category: string; unit: string }[],
  cell: CellText,
  opts: { asOf: string; same: boolean; book?: ValueBook },
): TableSpec {
  const info = new Map(values.map((v) => [v.name, v]));
  const shown = KEY_FIGURES.filter(
    (n) => !opts.book || nonZero(opts.book, n, 'period') || nonZero(opts.book, n, 'cumulative'),
  );
  const categories = [...new Set(shown.map((n) => info.get(n)?.category ?? ''))];
  const rows: string[][] = [];
  const spans = new Map<number, number>();
  for (const cat of categories) {
    const items = shown.filter((n) => (info.get(n)?.category ?? '') === cat);
    spans.set(rows.length, items.length);
    for (const n of items) {
      const unit = info.get(n)?.unit || '—';
      rows.push(
        opts.same
          ? [cat, n, unit, cell(n, 'cumulative')]
          : [cat, n, unit, cell(n, 'period'), cell(n, 'cumulative')],
      );
    }
  }
  const figures = opts.same
    ? [{ header: `数量\n截至${opts.asOf}`, weight: 4.4 }]
    : [
        { header: '本期', weight: 2.2 },
        { header: `累计\n截至${opts.asOf}`, weight: 3.4 },
      ];
  return {
    columns: [
      { header: '类别', weight: 2 },
      { header: '指标', weight: 4.6, align: 'left' },
      { header: '单位', weight: 1.2 },
      ...figures,
    ],
    rows,
    firstColumnSpans: spans,
  };
}

const kindOf = (name: IndicatorName) => (name.endsWith('率') ? 'percent' : 'count');

/**
 * 附件2 rows: every unit with at least one figure (units with none are named in the note instead), and a 合计
 * row of district values (a rate or a check of several units is not a sum of the rows).
 */
export function unitsTable(
  perUnit: readonly UnitValues[],
  district: ValueBook,
): { table: TableSpec; idle: string[] } {
  const rows: string[][] = [];
  const idle: string[] = [];
  for (const u of perUnit) {
    const ub = new ValueBook(u.values);
    if (!UNIT_COLUMNS.some((c) => nonZero(ub, c.name, c.variant))) {
      idle.push(u.unitName);
      continue;
    }
    rows.push([u.unitName, ...UNIT_COLUMNS.map((c) => ub.text(c.name, c.variant, kindOf(c.name)))]);
  }
  const total = ['合计', ...UNIT_COLUMNS.map((c) => district.text(c.name, c.variant, kindOf(c.name)))];
  return { table: unitsTableSpec([...rows, total]), idle };
}

export function unitsTableSpec(rows: string[][]): TableSpec {
  return {
    columns: [
      { header: '单位', weight: 3, align: 'left' },
      ...UNIT_COLUMNS.map((c) => ({ header: c.header, weight: 1.6 })),
    ],
    rows,
    pt: 10.5,
    keepLastRowWithNext: true,
  };
}
