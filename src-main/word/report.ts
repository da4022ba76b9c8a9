// The progress report (工作情况报告) as a finished .docx, or as a template with {{指标名}} placeholders that the office
// edits in Word/WPS and loads back: both come from the same wording and layout, only the numbers differ.
// Layout per GB/T 9704-2012: title, 主送机关, body, 附件说明 and 落款 kept together, each 附件 on a new page, and the
// 版记 (抄送, 印发机关 and 印发日期) at the foot of the last page.
import { Packer } from 'docx';
import type { ReportNotes } from '../shared/contract/report';
import type { IndicatorInfo, IndicatorValue } from '../shared/indicators';
import type { Settings } from '../shared/settings';
import type { DocFormat } from '../shared/doc-format';
import { resolveDocFormat } from '../shared/doc-format';
import { chineseDate } from '../shared/dates';
import { PER_UNIT_PREFIX, UNIT_NAME } from '../shared/placeholders';
import type { IndicatorName } from '../stats/catalog';
import { colophon } from './colophon';
import type { Block, TableSpec } from './gbt-kit';
import { GbtKit } from './gbt-kit';
import type { ReportFacts } from './report-facts';
import { templateFacts, valueFacts } from './report-facts';
import { keyFiguresTable, UNIT_COLUMNS, unitsNote, unitsTable, unitsTableSpec } from './report-tables';
import type { ReportContext } from './report-text';
import { openingText } from './report-text';
import { reportSections } from './report-text-more';
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
  /** What the office wrote for the period: 工作亮点, 存在的问题, 下一步工作打算 (empty parts are left out). */
  notes: ReportNotes;
  /** 成文日期 and 印发日期. */
  today: string;
  format?: DocFormat;
}

export interface ReportTemplateInput {
  settings: Settings;
  /** The indicator catalog: the template's 附件1 lists its key figures. */
  catalog: readonly IndicatorInfo[];
  notes: ReportNotes;
  format?: DocFormat;
}

const ph = (name: string, variant: Variant, perUnit = false) =>
  `{{${perUnit ? PER_UNIT_PREFIX : ''}${name}${variant === 'cumulative' ? '|累计' : ''}}}`;

const reportTitle = (s: Settings) => `关于${s.commissionName}${s.campaignName}工作情况的报告`;
const statsTitle = (s: Settings) => `${s.campaignName}主要数据统计表`;
const unitsTitle = (s: Settings) => `各单位${s.campaignName}工作情况统计表`;

/** 主送机关: the office's setting, else the city-level office of the same campaign. */
export function addresseeOf(s: Settings): string {
  return s.report.addressee || `市${s.campaignName}领导小组办公室`;
}

/** The working groups under the office, for "下设…5个工作组" (the office itself is not one of them). */
const workingGroups = (s: Settings) => s.groups.filter((g) => g.key !== 'office').map((g) => g.name);

interface Attachment {
  title: string;
  table: TableSpec;
  note?: string;
}

function renderReport(
  kit: GbtKit,
  f: ReportFacts,
  settings: Settings,
  notes: ReportNotes,
  date: string,
  attachments: Attachment[],
): Block[] {
  const ctx: ReportContext = {
    f,
    commission: settings.commissionName,
    campaign: settings.campaignName,
    groups: workingGroups(settings),
  };
  const blocks: Block[] = [kit.title(reportTitle(settings)), kit.flush(`${addresseeOf(settings)}：`)];
  blocks.push(kit.body(openingText(ctx)));
  const sections = reportSections(ctx, notes);
  sections.forEach((sec, si) => {
    blocks.push(kit.heading(1, sec.heading));
    const texts = [...sec.intro, ...sec.points];
    texts.forEach((p, i) => {
      // The last paragraph of the body keeps with the 附件说明 and 落款 that follow.
      const last = si === sections.length - 1 && i === texts.length - 1 && !sec.subsections.length;
      blocks.push(kit.body(p, last ? { keepNext: true } : {}));
    });
    sec.subsections.forEach((sub, i) => {
      const last = si === sections.length - 1 && i === sec.subsections.length - 1;
      const runs = sub.heading
        ? [kit.run(sub.heading, { role: 'heading2' }), kit.run(sub.text)]
        : [kit.run(sub.text)];
      blocks.push(kit.body(runs, last ? { keepNext: true } : {}));
    });
  });
  blocks.push(
    ...kit.closing({
      attachments: attachments.map((a) => a.title),
      office: settings.officeName,
      date,
    }),
  );
  attachments.forEach((a, i) => {
    blocks.push(...kit.attachmentStart(attachments.length > 1 ? i + 1 : undefined, a.title));
    blocks.push(kit.table(a.table));
    if (a.note) blocks.push(kit.note(a.note));
  });
  blocks.push(
    ...colophon(kit, {
      lines: [{ label: '抄送', items: settings.report.cc }],
      issuer: { office: settings.officeName, date },
    }),
  );
  return blocks;
}

async function pack(kit: GbtKit, blocks: Block[], title: string, settings: Settings): Promise<Buffer> {
  return Packer.toBuffer(kit.document(blocks, { title, creator: settings.officeName }));
}

/** The finished report: numbers and lists from the indicators of the period (本期) and since the start (累计). */
export async function buildReport(input: ReportInput): Promise<Buffer> {
  const { settings } = input;
  const kit = new GbtKit(input.format ?? resolveDocFormat(settings.docFormat));
  const book = new ValueBook(input.values);
  const f = valueFacts(book, input.query, settings.campaignStart);
  const cell = (name: IndicatorName, v: Variant) => book.text(name, v);
  const units = unitsTable(input.perUnit, book);
  const idle = units.idle.length
    ? `${units.idle.join('、')}${units.idle.length}个单位本期无上述数据，未列入。`
    : '';
  const attachments: Attachment[] = [
    {
      title: statsTitle(settings),
      table: keyFiguresTable(input.values, cell, { asOf: f.A, same: f.same, book }),
    },
    { title: unitsTitle(settings), table: units.table, note: `${unitsNote(f.A)}${idle}` },
  ];
  const blocks = renderReport(kit, f, settings, input.notes, chineseDate(input.today), attachments);
  return pack(kit, blocks, reportTitle(settings), settings);
}

/** The same report as a template: {{指标名}} / {{指标名|累计}} where the numbers go, a {{单位.…}} row per unit. */
export async function buildReportTemplate(input: ReportTemplateInput): Promise<Buffer> {
  const { settings } = input;
  const kit = new GbtKit(input.format ?? resolveDocFormat(settings.docFormat));
  const f = templateFacts();
  const unitRow = [ph(UNIT_NAME, 'period', true), ...UNIT_COLUMNS.map((c) => ph(c.name, c.variant, true))];
  const total = ['合计', ...UNIT_COLUMNS.map((c) => ph(c.name, c.variant))];
  const attachments: Attachment[] = [
    {
      title: statsTitle(settings),
      table: keyFiguresTable(input.catalog, (name, v) => ph(name, v), { asOf: f.A, same: false }),
    },
    { title: unitsTitle(settings), table: unitsTableSpec([unitRow, total]), note: unitsNote(f.A) },
  ];
  // The date is left for the office to write: a template is reused month after month.
  const blocks = renderReport(kit, f, settings, input.notes, '    年  月  日', attachments);
  return pack(kit, blocks, `${reportTitle(settings)}（模板）`, settings);
}
