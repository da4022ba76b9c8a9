// GB/T 9704-2012 layout measured in LibreOffice's rendering: the 版记 at the foot of the last page (its last rule on
// the bottom edge of the text block, nothing overlapping it, moved to a new page when the body leaves no room), the
// 发文机关署名 and 成文日期, 附件说明 kept with the body, and 附件 pages. Positions come from pdftotext -bbox-layout
// (text) and a pixel scan of the rendered page (rules), in mm from the top-left corner of the page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Packer } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBulletin } from '../../../src-main/word/bulletin';
import { buildReport } from '../../../src-main/word/report';
import { generateDemo } from '../../../src-main/demo';
import { computeIndicators, perUnitIndicators } from '../../../src-main/stats';
import { DRAFT_NOTES } from '../../../src-main/services/report-notes-service';
import { colophon } from '../../../src-main/word/colophon';
import { GbtKit } from '../../../src-main/word/gbt-kit';
import type { Block } from '../../../src-main/word/gbt-kit';
import { A4_MM, DEFAULT_DOC_FORMAT, DocFormatSchema } from '../../../src-main/shared/doc-format';
import type { DocFormat } from '../../../src-main/shared/doc-format';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { convertToPdf, findColophon, pdfTextBoxes } from '../../helpers/office';
import type { ColophonPlacement, TextLineBox } from '../../helpers/office';
import { makeTempDir } from '../../helpers/temp-dir';
import { part, sampleBulletin, sampleSettings } from './fixtures';

const TWIP_MM = 25.4 / 1440;
const demo = generateDemo({ start: '2026-09-01' });
/** One 4号 character, the 版记's unit: 14 pt. */
const NOTE_CHAR_MM = (14 * 25.4) / 72;

/** The text block of a preset, in mm from the page's top-left corner. */
function block(format: DocFormat) {
  const kit = new GbtKit(format);
  const m = format.marginsMm;
  return {
    top: m.top,
    bottom: A4_MM.height - m.bottom,
    left: m.left,
    right: A4_MM.width - m.right,
    pitch: kit.geo.linePitch * TWIP_MM,
    char: kit.geo.charPitch * TWIP_MM,
  };
}

/** 1 → 一, 12 → 十二, 23 → 二十三: body lines without digits, which Word and LibreOffice space apart from CJK text. */
function cjk(n: number): string {
  const d = '〇一二三四五六七八九';
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? d[tens] : ''}${tens ? '十' : ''}${n % 10 || !tens ? d[n % 10] : ''}`;
}

/** A body paragraph of exactly one line: two characters of indent and 26 of text. */
const oneLine = (n: number) => `正文第${cjk(n)}行`.padEnd(26, '文');

const BULLETIN_LINE = /^(报|送|发)：|共印|^签发/;
const REPORT_LINE = /^(抄送|主送)：|印发$/;

/** The checks every 版记 must pass; returns the placement for more. */
function expectAtFoot(c: ColophonPlacement | undefined, format: DocFormat, rows: number): ColophonPlacement {
  const b = block(format);
  expect(c).toBeDefined();
  const at = c!;
  // On the last page, and only there.
  expect(at.page).toBe(at.pageCount);
  expect(at.strayPages).toEqual([]);
  // A rule above each row and one below the last: thick first and last, thin between.
  expect(at.rules).toHaveLength(rows + 1);
  const [first, last] = [at.rules[0], at.rules[at.rules.length - 1]];
  for (const r of at.rules) {
    expect(r.x0).toBeCloseTo(b.left, 0);
    expect(r.x1).toBeCloseTo(b.right, 0);
  }
  const thickness = (r: { y0: number; y1: number }) => r.y1 - r.y0;
  for (const r of at.rules.slice(1, -1)) {
    expect(thickness(r)).toBeLessThan(thickness(first));
    expect(thickness(r)).toBeLessThan(thickness(last));
  }
  expect(thickness(first)).toBeGreaterThan(0.28);
  expect(thickness(first)).toBeLessThan(0.5);
  // The last rule on the bottom edge of the text block.
  expect(Math.abs((last.y0 + last.y1) / 2 - b.bottom)).toBeLessThan(1.5);
  // Nothing runs into it: every other line of the page ends above its first rule.
  for (const l of at.others) expect(l.y1).toBeLessThanOrEqual(first.y0);
  return at;
}

describe('GB/T layout in LibreOffice', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    tmp = makeTempDir('word-layout-');
  });
  afterAll(() => tmp.remove());

  async function toPdf(name: string, buf: Buffer | Uint8Array): Promise<string> {
    const file = join(tmp.dir, `${name}.docx`);
    writeFileSync(file, buf);
    return convertToPdf(file);
  }

  /** A bulletin whose body is `lines` paragraphs of exactly one line each (2 characters indent + 26). */
  function bulletinWithLines(lines: number, format?: DocFormat): Promise<Buffer> {
    const body = Array.from({ length: lines }, (_, i) => oneLine(i + 1));
    const bulletin: LedgerRecord = sampleBulletin({
      title: '教育整顿工作动态',
      editorNote: '',
      body: body.join('\n'),
    });
    return buildBulletin({ settings: sampleSettings(), bulletin, format });
  }

  it('puts a short bulletin’s 版记 at the foot of its only page, 左右各空一字, wrapped lines after the colon', async () => {
    const pdf = await toPdf('short', await bulletinWithLines(1));
    const c = expectAtFoot(await findColophon(pdf, (t) => BULLETIN_LINE.test(t)), DEFAULT_DOC_FORMAT, 4);
    expect(c.pageCount).toBe(1);
    const b = block(DEFAULT_DOC_FORMAT);
    const line = (re: RegExp) => c.lines.find((l) => re.test(l.text))!;
    for (const label of ['报', '送', '发'])
      expect(line(new RegExp(`^${label}：`)).x0).toBeCloseTo(b.left + NOTE_CHAR_MM, 0);
    // "发：各乡镇（街道）纪（工）委，…" wraps: its second line starts under the first name, after "发：".
    const issued = line(/^发：/);
    const wrapped = c.lines.find(
      (l) => l.y0 > issued.y1 && l.y0 < issued.y1 + 6 && !BULLETIN_LINE.test(l.text),
    );
    expect(wrapped).toBeDefined();
    expect(wrapped!.x0).toBeCloseTo(b.left + 3 * NOTE_CHAR_MM, 0);
    expect(issued.x1).toBeLessThanOrEqual(b.right - NOTE_CHAR_MM + 0.3);
    // The last line: 签发 one character in, copies printed ending one character before the edge.
    expect(line(/^签发/).x0).toBeCloseTo(b.left + NOTE_CHAR_MM, 0);
    expect(line(/共印40份/).x1).toBeCloseTo(b.right - NOTE_CHAR_MM, 0);
    // The masthead: compiling unit one character in, date one character from the right edge, a character of the
    // line's size (4号 or 小四 for a long unit name: 4.2 to 5 mm).
    const masthead = (await pdfTextBoxes(pdf))[0].lines;
    const unit = masthead.find((l) => l.text.startsWith('XX区'))!;
    const date = masthead.find((l) => l.text.endsWith('2026年4月28日'))!;
    const [inLeft, inRight] = [unit.x0 - b.left, b.right - date.x1];
    expect(inLeft).toBeGreaterThan(4);
    expect(inLeft).toBeLessThan(5.7);
    expect(Math.abs(inLeft - inRight)).toBeLessThan(0.3);
  });

  it('follows the preset: a 30 mm bottom margin puts the last rule 267 mm from the top', async () => {
    const format = DocFormatSchema.parse({ marginsMm: { top: 32, bottom: 30 } });
    const pdf = await toPdf('preset', await bulletinWithLines(3, format));
    const c = expectAtFoot(await findColophon(pdf, (t) => BULLETIN_LINE.test(t)), format, 4);
    const last = c.rules[c.rules.length - 1];
    expect((last.y0 + last.y1) / 2).toBeGreaterThan(265.5);
  });

  it('keeps the 版记 clear of a body that ends near it: fits a line above it, moves to a new page below', async () => {
    // Where the first rule and the body lines fall on a one-page bulletin, to size the bodies that reach the 版记.
    const probe = await findColophon(await toPdf('probe', await bulletinWithLines(1)), (t) =>
      BULLETIN_LINE.test(t),
    );
    const b = block(DEFAULT_DOC_FORMAT);
    const firstRule = probe!.rules[0].y0;
    const firstBody = probe!.others.find((l) => l.text.startsWith(oneLine(1)))!;
    // Lines whose bottom stays above the first rule: line n ends at firstBody.y1 + (n - 1) × pitch.
    const room = Math.floor((firstRule - firstBody.y1) / b.pitch) + 1;
    for (const [lines, samePage] of [
      [room - 1, true], // ends one to two lines above the 版记: it fits
      [room, undefined], // ends less than a line above it: either, but no overlap
      [room + 1, false], // would run into it: the 版记 goes to the next page
    ] as const) {
      const pdf = await toPdf(`near-${lines}`, await bulletinWithLines(lines));
      const c = expectAtFoot(await findColophon(pdf, (t) => BULLETIN_LINE.test(t)), DEFAULT_DOC_FORMAT, 4);
      const bodyHere = c.others.filter((l) => l.text.startsWith('正文第'));
      if (samePage !== undefined)
        expect({ lines, pages: c.pageCount }).toEqual({ lines, pages: samePage ? 1 : 2 });
      // The whole body is there: the last line is on the 版记's page or the one before.
      const all = (await pdfTextBoxes(pdf)).flatMap((p) => p.lines.map((l) => l.text));
      expect(all.filter((t) => t.startsWith('正文第'))).toHaveLength(lines);
      if (c.pageCount === 1) expect(bodyHere).toHaveLength(lines);
    }
  }, 120_000);

  it('moves the office name left when the date is the longer: date two characters from the edge', async () => {
    const kit = new GbtKit(DEFAULT_DOC_FORMAT);
    const b = block(DEFAULT_DOC_FORMAT);
    const [office, date] = ['区纪委监委', '2026年12月16日'];
    const doc = kit.document([kit.body(oneLine(1)), ...kit.signature(office, date)], {
      title: 't',
      creator: 'c',
    });
    const [page] = await pdfTextBoxes(await toPdf('signature', await Packer.toBuffer(doc)));
    const officeLine = page.lines.find((l) => l.text === office)!;
    const dateLine = page.lines.find((l) => l.text === date)!;
    // The date (7 characters: digits are half a character) two from the edge; the office name, 5 characters,
    // ends 2 + 7 + 2 − 5 = 6 characters from the edge, so that the date would start two characters after it in
    // 仿宋_GB2312. LibreOffice's substitute font sets digits wider, so here only the two right ends can be checked.
    expect(Math.abs(b.right - 2 * b.char - dateLine.x1)).toBeLessThan(0.5);
    expect(Math.abs(b.right - 6 * b.char - officeLine.x1)).toBeLessThan(0.5);
    expect(Math.abs(b.right - 11 * b.char - officeLine.x0)).toBeLessThan(0.5);
    expect(dateLine.y0).toBeGreaterThan(officeLine.y1);
  });

  const office = '区纪委监委教育整顿领导小组办公室';
  const date = '2026年5月6日';
  const attachments = ['教育整顿工作进展统计表', '各单位教育整顿工作情况统计表'];

  /**
   * A report as the lead builds it from the kit: title, 主送, `bodyLines` one-line body paragraphs (the last kept
   * with the next), 附件说明 and 落款, optionally the two 附件 pages with a table each, and the 版记.
   */
  async function report(name: string, bodyLines: number, withAttachments: boolean) {
    const kit = new GbtKit(DEFAULT_DOC_FORMAT);
    const blocks: Block[] = [
      kit.title('关于教育整顿工作进展情况的报告'),
      kit.flush('市纪检监察干部队伍教育整顿领导小组办公室：'),
    ];
    for (let i = 1; i <= bodyLines; i++) blocks.push(kit.body(oneLine(i), { keepNext: i === bodyLines }));
    blocks.push(...kit.closing({ attachments, office, date }));
    const table = (rows: number) =>
      kit.table({
        columns: [
          { header: '单位', weight: 4, align: 'left' },
          { header: '本期', weight: 2 },
          { header: '累计', weight: 2 },
        ],
        rows: Array.from({ length: rows }, (_, i) => [`第${i + 1}单位`, String(i), String(i * 3)]),
      });
    if (withAttachments) {
      blocks.push(...kit.attachmentStart(1, attachments[0]), table(6));
      blocks.push(...kit.attachmentStart(2, attachments[1]), table(12));
    }
    const copyTo = [
      '市纪委监委',
      '区委办公室',
      '区委组织部',
      '区委宣传部',
      '区委政法委',
      '区人大常委会办公室',
      '区政府办公室',
    ];
    blocks.push(
      ...colophon(kit, {
        lines: [{ label: '抄送', items: copyTo }],
        issuer: { office: '区纪委监委办公室', date },
      }),
    );
    const pdf = await toPdf(name, await Packer.toBuffer(kit.document(blocks, { title: 't', creator: 'c' })));
    const pages = await pdfTextBoxes(pdf);
    const find = (re: RegExp) => {
      for (const p of pages) {
        const l = p.lines.find((x) => re.test(x.text));
        if (l) return { page: p.page, ...l };
      }
      throw new Error(`no line ${re}`);
    };
    return { pdf, pages, find };
  }

  it('chains 附件说明 and 落款 with keep-with-next, from the last body paragraph to the 落款', async () => {
    const kit = new GbtKit(DEFAULT_DOC_FORMAT);
    const doc = kit.document(
      [kit.body('正文', { keepNext: true }), ...kit.closing({ attachments, office, date })],
      {
        title: 't',
        creator: 'c',
      },
    );
    const xml = await part(await Packer.toBuffer(doc), 'word/document.xml');
    const paragraphs = xml.match(/<w:p>[^]*?<\/w:p>/g) ?? [];
    expect(paragraphs.map((p) => p.includes('<w:keepNext/>'))).toEqual([true, true, true, true, false]);
    // The blank lines above the 附件说明 and above the 落款 are spacing before, a line high, not empty paragraphs.
    expect(paragraphs.filter((p) => p.includes(`w:before="${kit.geo.linePitch}"`))).toHaveLength(2);
  });

  it('keeps the last body line with 附件说明 and 落款, sets the 落款 by GB/T 7.3.5.2, and the 版记 below', async () => {
    const b = block(DEFAULT_DOC_FORMAT);
    // Title (line 1), blank (2), 主送 (3), then 17 body lines to line 20: the blank line and the first line of the
    // 附件说明 would fill page 1, leaving the rest of the 附件说明 and the 落款 alone on page 2.
    const { pdf, find } = await report('closing', 17, false);
    const officeLine = find(new RegExp(`^${office}$`));
    const dateLine = find(new RegExp(`^${date}$`));
    const note1 = find(/^附件：1\./);
    const note2 = find(/^2\.各单位/);
    expect([note1.page, officeLine.page, dateLine.page]).toEqual([2, 2, 2]);
    expect(find(new RegExp(`^${oneLine(17)}`)).page).toBe(2);
    expect(find(new RegExp(`^${oneLine(16)}`)).page).toBe(1);
    // 附件说明 a line below the body, two characters in; the second name under the first.
    expect(note1.y1 - find(new RegExp(`^${oneLine(17)}`)).y1).toBeCloseTo(2 * b.pitch, 0);
    expect(note1.x0).toBeCloseTo(b.left + 2 * b.char, 0);
    expect(note2.x0).toBeCloseTo(b.left + 5 * b.char, 0);
    // One blank line under the 附件说明, then the office name ending two characters from the right edge, the date
    // on the next line starting two characters right of the office name's first character.
    expect(officeLine.y1 - note2.y1).toBeCloseTo(2 * b.pitch, 0);
    expect(dateLine.y1 - officeLine.y1).toBeCloseTo(b.pitch, 0);
    expect(Math.abs(b.right - 2 * b.char - officeLine.x1)).toBeLessThan(0.5);
    expect(Math.abs(officeLine.x0 + 2 * b.char - dateLine.x0)).toBeLessThan(0.5);
    // The 版记 at the foot of that page.
    const c = expectAtFoot(await findColophon(pdf, (t) => REPORT_LINE.test(t)), DEFAULT_DOC_FORMAT, 2);
    expect(c.page).toBe(2);
  });

  it('starts each 附件 on a new page with its title on line 3, and puts the 版记 below the last table', async () => {
    const b = block(DEFAULT_DOC_FORMAT);
    const { pdf, find } = await report('attachments', 5, true);
    const officeLine = find(new RegExp(`^${office}$`));
    // Each 附件 on a new page: "附件N" flush left on line 1, its title centred on line 3.
    for (const [i, title] of attachments.entries()) {
      const label = find(new RegExp(`^附件${i + 1}$`));
      const head = find(new RegExp(`^${title}$`));
      expect(label.page).toBe(officeLine.page + 1 + i);
      expect(head.page).toBe(label.page);
      expect(label.x0).toBeCloseTo(b.left, 0);
      // Which line of the text block a line's glyphs are centred on (1-based).
      const lineOf = (l: TextLineBox) => Math.ceil(((l.y0 + l.y1) / 2 - b.top) / b.pitch);
      expect(lineOf(label)).toBe(1);
      expect(lineOf(head)).toBe(3);
      expect((head.x0 + head.x1) / 2).toBeCloseTo((b.left + b.right) / 2, 0);
    }
    // The 版记 below the last attachment's table, at the foot of the last page: 抄送 (wrapped after "抄送："), then
    // 印发机关 one character in and the date with 印发 one character from the right edge.
    const c = expectAtFoot(await findColophon(pdf, (t) => REPORT_LINE.test(t)), DEFAULT_DOC_FORMAT, 2);
    expect(c.page).toBe(find(/^附件2$/).page);
    expect(c.others.some((l) => l.text.startsWith('第12单位'))).toBe(true);
    const cc = c.lines.find((l) => l.text.startsWith('抄送：'))!;
    expect(cc.x0).toBeCloseTo(b.left + NOTE_CHAR_MM, 0);
    const wrapped = c.lines.find((l) => l.y0 > cc.y1 && l.y0 < cc.y1 + 6);
    expect(wrapped?.x0).toBeCloseTo(b.left + 4 * NOTE_CHAR_MM, 0);
    const issuer = c.lines.find((l) => l.text.startsWith('区纪委监委办公室'))!;
    const issued = c.lines.find((l) => l.text.endsWith(`${date}印发`))!;
    expect(issuer.x0).toBeCloseTo(b.left + NOTE_CHAR_MM, 0);
    expect(issued.x1).toBeCloseTo(b.right - NOTE_CHAR_MM, 0);
  });

  it('sets the demo’s October report by the standard: 版记 at the foot, 印发 on one line, 落款 after the body', async () => {
    const q = { from: '2026-10-01', to: '2026-10-31' };
    const buf = await buildReport({
      settings: demo.settings,
      query: q,
      values: computeIndicators(demo, q),
      perUnit: perUnitIndicators(demo, q),
      notes: DRAFT_NOTES,
      today: '2026-11-30',
    });
    const pdf = await toPdf('october', buf);
    // Rows: 抄送 and 印发.
    const c = expectAtFoot(await findColophon(pdf, (t) => REPORT_LINE.test(t)), DEFAULT_DOC_FORMAT, 2);
    // The long office name and the date share one line (a smaller size rather than a wrapped line).
    const flat = (l: TextLineBox) => l.text.replace(/\s+/g, '');
    const issuedOn = c.lines.find((l) => flat(l).endsWith('2026年11月30日印发'))!;
    const office = c.lines.find((l) => flat(l).startsWith('江城区纪检监察干部队伍教育整顿领导小组办公室'))!;
    expect(Math.abs(issuedOn.y0 - office.y0)).toBeLessThan(1);
    expect(c.lines.filter((l) => flat(l) === '发' || flat(l) === '印发')).toEqual([]);
    const pages = await pdfTextBoxes(pdf);
    // The 落款 is on a page with body text above it, never alone with the 附件说明.
    const sig = pages.find((p) => p.lines.some((l) => l.text === '2026年11月30日'))!;
    const before = sig.lines.filter((l) => !/^附件|^\d\.|办公室$|^2026年11月30日$|^— \d+ —$/.test(l.text));
    expect(before.length).toBeGreaterThan(0);
  });
});
