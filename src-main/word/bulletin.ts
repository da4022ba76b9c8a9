// The bulletin (简报): red masthead (name, 第N期, compiling unit and date, red rule), title, 编者按, body, an optional
// block of this period's key numbers, and the 报/送/发 版记 with copies printed at the foot of the last page.
import { NO_RENAMES, choiceMeaningsOf } from '../shared/choice-meanings';
import type { ChoiceMeanings } from '../shared/choice-meanings';
import { AlignmentType, BorderStyle, LineRuleType, Packer, Paragraph, TabStopType } from 'docx';
import type { IndicatorValue } from '../shared/indicators';
import type { LedgerRecord } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import type { DocFormat } from '../shared/doc-format';
import { resolveDocFormat } from '../shared/doc-format';
import { chineseDate, chineseMonthDay } from '../shared/dates';
import type { Block } from './gbt-kit';
import { GbtKit, PT, textWidthChars } from './gbt-kit';
import { colophon } from './colophon';
import { ValueBook } from './values';

export const DEFAULT_BULLETIN_NAME = '教育整顿工作简报';
const RED = 'FF0000';

export interface BulletinInput {
  settings: Settings;
  /** A 简报 ledger record: issueNo, kind 正刊|增刊, title, signedBy, editorNote, body, reportTo/sendTo/issueTo, copies, date. */
  bulletin: LedgerRecord;
  bulletinName?: string;
  /** This period's key numbers, shown as a small table after the body. */
  keyNumbers?: IndicatorValue[];
  /** Leaves the masthead's name and red rule out, for paper with a pre-printed red masthead. */
  blankMasthead?: boolean;
  format?: DocFormat;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';

/** A list field as entered: an array, or one string separated by 、，, ; or new lines. */
function strList(v: unknown): string[] {
  const items = Array.isArray(v) ? v.map(str) : str(v).split(/[、，,;；\n]+/);
  return items.map((s) => s.trim()).filter(Boolean);
}

/** Body text as paragraphs: one per line, blank lines ignored, pasted leading full-width indents stripped. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean);
}

const H1_RE = /^[一二三四五六七八九十]+、/;
const H2_RE = /^（[一二三四五六七八九十]+）/;

/** "第12期", or "增刊第3期" for an issue whose kind means 增刊 (whatever the office calls that option today). */
export function issueLabel(bulletin: LedgerRecord, meanings: ChoiceMeanings = NO_RENAMES): string {
  const no = str(bulletin.issueNo) || '  ';
  return meanings.is('bulletinKind', bulletin.kind, '增刊') ? `增刊第${no}期` : `第${no}期`;
}

function masthead(kit: GbtKit, input: BulletinInput): Block[] {
  const name = input.bulletinName?.trim() || DEFAULT_BULLETIN_NAME;
  const date = str(input.bulletin.date);
  const textWidthPt = kit.geo.textWidth / 20;
  // 初号 (42 pt) unless the name is too long for one line at that size.
  const namePt = Math.min(42, Math.floor(textWidthPt / Math.max(1, textWidthChars(name)) - 1));
  const nameLine = Math.round(namePt * 1.3 * 20);
  const blank = !!input.blankMasthead;
  const unit = input.settings.officeName;
  const dateText = date ? chineseDate(date) : '';
  // 3号 for the unit/date line if both fit with a character in from each edge and two between them, else 4号, else
  // 小四 for a long unit name.
  // Digits and Latin letters counted ¾ wide rather than ½: substitute fonts (LibreOffice without 仿宋_GB2312) set
  // them wider, and the date must not run into the unit name.
  const wide = (t: string) => textWidthChars(t) + [...t].filter((c) => c.charCodeAt(0) < 0x2000).length / 4;
  const lineChars = wide(unit) + wide(dateText) + 4;
  const linePt = [PT.body, PT.note].find((pt) => lineChars * pt <= textWidthPt) ?? PT.table;
  // 编印单位 左空一字, date 右空一字, in characters of the line's own size.
  const oneChar = linePt === PT.body ? Math.round(kit.geo.charPitch) : linePt * 20;
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: nameLine, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: blank ? [] : [kit.run(name, { role: 'title', pt: namePt, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: kit.geo.linePitch, lineRule: LineRuleType.EXACT, before: 240, after: 120 },
      children: [kit.run(issueLabel(input.bulletin, choiceMeaningsOf(input.settings)), { role: 'body' })],
    }),
    new Paragraph({
      indent: { left: oneChar },
      tabStops: [{ type: TabStopType.RIGHT, position: kit.geo.textWidth - oneChar }],
      spacing: { line: kit.geo.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [kit.run(unit, { pt: linePt }), kit.run(`\t${dateText}`, { pt: linePt })],
    }),
    // The red rule under unit and date, as wide as the text block: on a paragraph of its own, because a paragraph's
    // border follows its indents. White on pre-printed paper (which has its own rule): the rule's space stays, so
    // everything below sits where it does on plain paper.
    new Paragraph({
      spacing: { line: 120, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: blank ? 'FFFFFF' : RED, space: 0 } },
      children: [],
    }),
    new Paragraph({ spacing: { line: kit.geo.linePitch, lineRule: LineRuleType.EXACT }, children: [] }),
  ];
}

function keyNumbersBlock(kit: GbtKit, values: IndicatorValue[], asOf: string): Block[] {
  const shown = values.filter((v) => v.kind !== 'text' && !(v.kind === 'list' && v.fromConfidential));
  if (!shown.length) return [];
  const book = new ValueBook(shown);
  return [
    kit.heading(1, '本期主要数据'),
    kit.table({
      columns: [
        { header: '指标', weight: 5, align: 'left' },
        { header: '本期', weight: 2.5 },
        { header: `累计（截至${asOf}）`, weight: 3.5 },
      ],
      rows: shown.map((v) => [
        v.unit ? `${v.name}（${v.unit}）` : v.name,
        book.text(v.name, 'period'),
        book.text(v.name, 'cumulative'),
      ]),
    }),
  ];
}

/** 版记: 报/送/发 lines, then 签发 and copies printed, at the foot of the last page (see colophon.ts). */
function bulletinColophon(kit: GbtKit, bulletin: LedgerRecord): Block[] {
  const copies = Number(bulletin.copies);
  const signedBy = str(bulletin.signedBy);
  return colophon(kit, {
    lines: [
      { label: '报', items: strList(bulletin.reportTo) },
      { label: '送', items: strList(bulletin.sendTo) },
      { label: '发', items: strList(bulletin.issueTo) },
    ],
    foot: {
      left: signedBy ? `签发：${signedBy}` : '',
      right: Number.isFinite(copies) && copies > 0 ? `（共印${copies}份）` : '',
    },
  });
}

/** The bulletin as a .docx in the preset's format. */
export async function buildBulletin(input: BulletinInput): Promise<Buffer> {
  const { bulletin, settings } = input;
  const kit = new GbtKit(input.format ?? resolveDocFormat(settings.docFormat));
  const blocks: Block[] = [...masthead(kit, input)];
  const title = str(bulletin.title);
  if (title) blocks.push(kit.title(title));
  const note = str(bulletin.editorNote);
  if (note) {
    blocks.push(kit.body([kit.run('编者按：', { role: 'heading1' }), kit.run(note, { role: 'heading2' })]));
  }
  for (const p of bodyParagraphs(str(bulletin.body))) {
    if (H1_RE.test(p)) blocks.push(kit.heading(1, p));
    else if (H2_RE.test(p)) blocks.push(kit.heading(2, p));
    else blocks.push(kit.body(p));
  }
  const date = str(bulletin.date);
  if (input.keyNumbers?.length)
    blocks.push(...keyNumbersBlock(kit, input.keyNumbers, date ? chineseMonthDay(date) : ''));
  blocks.push(...bulletinColophon(kit, bulletin));
  const doc = kit.document(blocks, {
    title: `${input.bulletinName ?? DEFAULT_BULLETIN_NAME}${issueLabel(bulletin, choiceMeaningsOf(settings))}`,
    creator: settings.officeName,
  });
  return Packer.toBuffer(doc);
}
