// The progress report (工作情况报告) as a finished .docx, or as a template with {{指标名}} placeholders that the office
// edits in Word/WPS and loads back: both come from the same wording and layout, only the numbers differ.
import { Packer } from 'docx';
import type { IndicatorInfo, IndicatorValue } from '../shared/indicators';
import type { Settings } from '../shared/settings';
import type { DocFormat } from '../shared/doc-format';
import { resolveDocFormat } from '../shared/doc-format';
import { chineseDate } from '../shared/dates';
import { PER_UNIT_PREFIX, UNIT_NAME } from '../shared/placeholders';
import type { Block, TableSpec } from './gbt-kit';
import { GbtKit } from './gbt-kit';
import type { ReportSource } from './report-text';
import { openingText, reportSections, templateSource, valueSource } from './report-text';
import type { Variant } from './values';
import { ValueBook } from './values';

export interface UnitValues {
  unitId: string;
  unitName: string;
  values: IndicatorValue[];
}

export interface ReportInput {
  settings: Settings;
  query: { from: string; to: string };
  values: IndicatorValue[];
  perUnit: UnitValues[];
  today: string;
  format?: DocFormat;
  /** 主送机关; by default the city-level office of the same campaign. */
  addressee?: string;
}

export interface ReportTemplateInput {
  settings: Settings;
  /** The indicator catalog: which names the statistics table lists. */
  catalog: readonly IndicatorInfo[];
  format?: DocFormat;
  addressee?: string;
}

/** Columns of the per-unit table (附件2): indicator, variant, header. */
const UNIT_COLUMNS: { name: string; variant: Variant; header: string }[] = [
  { name: '集中学习次数', variant: 'period', header: '集中学习\n（次）' },
  { name: '参学率', variant: 'period', header: '参学率' },
  { name: '心得体会篇数', variant: 'period', header: '心得体会\n（篇）' },
  { name: '学习笔记万字', variant: 'period', header: '学习笔记\n（万字）' },
  { name: '检视问题数', variant: 'cumulative', header: '检视问题\n（个）' },
  { name: '已整改问题数', variant: 'cumulative', header: '已整改\n（个）' },
  { name: '整改率', variant: 'cumulative', header: '整改率' },
];

const ph = (name: string, variant: Variant, perUnit = false) =>
  `{{${perUnit ? PER_UNIT_PREFIX : ''}${name}${variant === 'cumulative' ? '|累计' : ''}}}`;

const reportTitle = (s: Settings) => `关于${s.commissionName}${s.campaignName}工作情况的报告`;

const statsTitle = (s: Settings) => `${s.campaignName}工作进展统计表`;
const unitsTitle = (s: Settings) => `各单位${s.campaignName}工作情况统计表`;
const unitsNote = (asOf: string) =>
  `注：集中学习、参学率、心得体会、学习笔记为本期数；检视问题、已整改、整改率为累计数（截至${asOf}）。`;

/** The statistics table (附件1): every numeric indicator × 本期 / 累计, grouped by catalog section. */
function statsTable(
  catalog: readonly IndicatorInfo[],
  cell: (name: string, v: Variant) => string,
  asOf: string,
): TableSpec {
  const numeric = catalog.filter((i) => i.kind !== 'list' && i.kind !== 'text');
  const categories = [...new Set(numeric.map((i) => i.category))];
  const rows: string[][] = [];
  const spans = new Map<number, number>();
  for (const cat of categories) {
    const items = numeric.filter((i) => i.category === cat);
    spans.set(rows.length, items.length);
    for (const i of items)
      rows.push([cat, i.name, i.unit || '—', cell(i.name, 'period'), cell(i.name, 'cumulative')]);
  }
  return {
    columns: [
      { header: '类别', weight: 2 },
      { header: '指标', weight: 4.6, align: 'left' },
      { header: '单位', weight: 1.2 },
      { header: '本期', weight: 2.2 },
      { header: `累计\n截至${asOf}`, weight: 3.4 },
    ],
    rows,
    firstColumnSpans: spans,
  };
}

/** The per-unit table (附件2): one row per unit (one placeholder row in a template) and a 合计 row. */
function unitsTable(unitRows: string[][], total: string[]): TableSpec {
  return {
    columns: [
      { header: '单位', weight: 3, align: 'left' },
      ...UNIT_COLUMNS.map((c) => ({ header: c.header, weight: 1.6 })),
    ],
    rows: [...unitRows, total],
    pt: 10.5,
  };
}

function renderReport(
  kit: GbtKit,
  s: ReportSource,
  settings: Settings,
  addressee: string,
  date: string,
  tables: TableSpec[],
): Block[] {
  const blocks: Block[] = [kit.title(reportTitle(settings)), kit.flush(`${addressee}：`)];
  blocks.push(kit.body(openingText(s, settings.commissionName, settings.campaignName)));
  for (const sec of reportSections(s, settings.commissionName)) {
    blocks.push(kit.heading(1, sec.heading));
    for (const p of [...sec.intro, ...sec.points]) blocks.push(kit.body(p));
    for (const sub of sec.subsections)
      blocks.push(kit.body([kit.run(sub.heading, { role: 'heading2' }), kit.run(sub.text)]));
  }
  // 附件说明: "附件：1.…", the second line aligned after the colon.
  const ch = kit.geo.charPitch;
  blocks.push(kit.blank());
  const titles = [statsTitle(settings), unitsTitle(settings)];
  blocks.push(
    kit.body(`附件：1.${titles[0]}`, { indent: { left: Math.round(5 * ch), hanging: Math.round(3 * ch) } }),
  );
  blocks.push(kit.body(`2.${titles[1]}`, { indent: { left: Math.round(5 * ch) } }));
  blocks.push(...kit.signature(settings.officeName, date));
  titles.forEach((title, i) => {
    blocks.push(kit.flush(`附件${i + 1}`, 'heading1', { pageBreakBefore: true }));
    blocks.push(kit.title(title, false));
    blocks.push(kit.blank());
    blocks.push(kit.table(tables[i]));
  });
  blocks.push(kit.note(unitsNote(s.asOf)));
  return blocks;
}

function defaultAddressee(settings: Settings): string {
  return `市${settings.campaignName}领导小组办公室`;
}

async function pack(kit: GbtKit, blocks: Block[], title: string, settings: Settings): Promise<Buffer> {
  return Packer.toBuffer(kit.document(blocks, { title, creator: settings.officeName }));
}

/** The finished report: numbers and lists from the indicators of the period (本期) and since the start (累计). */
export async function buildReport(input: ReportInput): Promise<Buffer> {
  const { settings } = input;
  const kit = new GbtKit(input.format ?? resolveDocFormat(settings.docFormat));
  const book = new ValueBook(input.values);
  const source = valueSource(book, input.query);
  const unitRows = input.perUnit.map((u) => {
    const ub = new ValueBook(u.values);
    return [
      u.unitName,
      ...UNIT_COLUMNS.map((c) => ub.text(c.name, c.variant, c.name.endsWith('率') ? 'percent' : 'count')),
    ];
  });
  const total = [
    '合计',
    ...UNIT_COLUMNS.map((c) => book.text(c.name, c.variant, c.name.endsWith('率') ? 'percent' : 'count')),
  ];
  const tables = [
    statsTable(input.values, (name, v) => book.text(name, v), source.asOf),
    unitsTable(unitRows, total),
  ];
  const blocks = renderReport(
    kit,
    source,
    settings,
    input.addressee ?? defaultAddressee(settings),
    chineseDate(input.today),
    tables,
  );
  return pack(kit, blocks, reportTitle(settings), settings);
}

/** The same report as a template: {{指标名}} / {{指标名|累计}} where the numbers go, a {{单位.…}} row per unit. */
export async function buildReportTemplate(input: ReportTemplateInput): Promise<Buffer> {
  const { settings } = input;
  const kit = new GbtKit(input.format ?? resolveDocFormat(settings.docFormat));
  const source = templateSource();
  const unitRow = [ph(UNIT_NAME, 'period', true), ...UNIT_COLUMNS.map((c) => ph(c.name, c.variant, true))];
  const total = ['合计', ...UNIT_COLUMNS.map((c) => ph(c.name, c.variant))];
  const tables = [
    statsTable(input.catalog, (name, v) => ph(name, v), source.asOf),
    unitsTable([unitRow], total),
  ];
  // The date is left for the office to write: a template is reused month after month.
  const blocks = renderReport(
    kit,
    source,
    settings,
    input.addressee ?? defaultAddressee(settings),
    '    年  月  日',
    tables,
  );
  return pack(kit, blocks, `${reportTitle(settings)}（模板）`, settings);
}
