// A small GB/T 9704-2012 kit over docx: runs with every font slot set, body/heading/title paragraphs, tables that
// WPS and Word both lay out, "— 1 —" page-number footers and default styles that leak no Calibri or indent.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  LineRuleType,
  PageNumber,
  Tab,
  Paragraph,
  TextRun,
} from 'docx';
import type { Table, IParagraphOptions, IRunOptions, ISectionOptions, ParagraphChild } from 'docx';
import { pageGeometry } from '../shared/doc-format';
import { cleanXmlText } from '../shared/xml-text';
import type { DocFormat, FontRole, PageGeometry } from '../shared/doc-format';
import type { Block } from './gbt-base';
import { ALIGN, PT, fontSlots, textWidthChars } from './gbt-base';
import type { TableSpec } from './gbt-table';
import { gbtTable } from './gbt-table';

export { ALIGN, PT, fontSlots, textWidthChars };
export type { Block, TableSpec };
export type { TableColumn } from './gbt-table';

export interface RunStyle {
  role?: FontRole;
  /** Overrides the role's font name (e.g. the masthead in the title font at another size). */
  font?: string;
  pt?: number;
  bold?: boolean;
  color?: string;
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];
const HEADING_ROLES: FontRole[] = ['heading1', 'heading2', 'heading3', 'heading4'];

// Words after which a title may break without splitting a term (GB/T: titles break at sense boundaries).
const TITLE_BREAKS = ['队伍', '整顿', '监委', '纪委', '推进', '开展', '工作', '关于', '，', '、', '：', '的'];

/** Breaks a long title into two lines at the word boundary that balances them best; [text] if none fits. */
export function balanceTitle(text: string, maxChars: number): string[] {
  if (textWidthChars(text) <= maxChars) return [text];
  let best: string[] = [text];
  let bestDiff = Infinity;
  for (const word of TITLE_BREAKS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const cut = at + word.length;
      const [a, b] = [text.slice(0, cut), text.slice(cut)];
      const [wa, wb] = [textWidthChars(a), textWidthChars(b)];
      if (!b || wa > maxChars || wb > maxChars || Math.abs(wa - wb) >= bestDiff) continue;
      [best, bestDiff] = [[a, b], Math.abs(wa - wb)];
    }
  }
  return best;
}

export class GbtKit {
  readonly geo: PageGeometry;
  /**
   * Twips added to each 3号 character so that exactly charsPerLine fit a line (-5 for 28 in 156 mm). A character
   * grid (docGrid linesAndChars) would do this in Word and WPS, but LibreOffice lays such a grid out at about 18
   * characters a line, so the pitch is set on the runs, which every program honours.
   */
  readonly bodySpacing: number;

  constructor(readonly format: DocFormat) {
    this.geo = pageGeometry(format);
    this.bodySpacing = Math.floor(this.geo.charPitch) - PT.body * 20;
  }

  font(role: FontRole): string {
    return this.format.fonts[role];
  }

  run(text: string, style: RunStyle = {}, extra: Partial<IRunOptions> = {}): TextRun {
    const pt = style.pt ?? PT.body;
    // Characters XML cannot hold (an old record's pasted U+000B) would make Word refuse the whole file.
    // "\t" becomes a real <w:tab/>: Word does not read a tab character inside <w:t> as a tab.
    const clean = cleanXmlText(text);
    const parts = clean.split('\t');
    const content =
      parts.length > 1 ? { children: parts.flatMap((p, i) => (i ? [new Tab(), p] : [p])) } : { text: clean };
    return new TextRun({
      ...content,
      font: fontSlots(style.font ?? this.font(style.role ?? 'body')),
      size: pt * 2,
      bold: style.bold,
      color: style.color,
      characterSpacing: pt === PT.body && this.bodySpacing ? this.bodySpacing : undefined,
      ...extra,
    });
  }

  /** Exact line spacing on the grid's pitch: the same 22 lines per page in Word, WPS and LibreOffice. */
  private lines(n = 1) {
    return { line: this.geo.linePitch * n, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  }

  private indentChars(chars: number) {
    return { firstLineChars: chars * 100, firstLine: Math.round(chars * this.geo.charPitch) };
  }

  /**
   * A title in 2号 小标宋, centred, broken into balanced lines at a word boundary when it is too long for one, kept on
   * the page of what follows it.
   */
  title(text: string, afterBlankLine = true): Paragraph {
    const lines = balanceTitle(text, Math.floor(this.geo.textWidth / (PT.title * 20)));
    const children: ParagraphChild[] = [];
    lines.forEach((l, i) =>
      children.push(this.run(l, { role: 'title', pt: PT.title }, i > 0 ? { break: 1 } : {})),
    );
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { ...this.lines(), after: afterBlankLine ? this.geo.linePitch : 0 },
      children,
    });
  }

  /** Body text, 3号, first line indented two characters, justified. */
  body(content: string | ParagraphChild[], opts: Partial<IParagraphOptions> = {}): Paragraph {
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: this.lines(),
      indent: this.indentChars(2),
      children: typeof content === 'string' ? [this.run(content)] : content,
      ...opts,
    });
  }

  /** Flush-left body text (主送机关, 附件 labels). */
  flush(text: string, role: FontRole = 'body', opts: Partial<IParagraphOptions> = {}): Paragraph {
    return new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: this.lines(),
      children: [this.run(text, { role })],
      ...opts,
    });
  }

  /** 一、 → （一） → 1. → （1）: 黑体, 楷体, 仿宋, 仿宋, all 3号 and indented like body text. */
  heading(level: 1 | 2 | 3 | 4, text: string): Paragraph {
    return new Paragraph({
      heading: HEADINGS[level - 1],
      alignment: AlignmentType.JUSTIFIED,
      keepNext: true,
      spacing: this.lines(),
      indent: this.indentChars(2),
      children: [this.run(text, { role: HEADING_ROLES[level - 1] })],
    });
  }

  /** Right-aligned line with `rightChars` characters (3号) of space after it. */
  right(text: string, rightChars = 0, style: RunStyle = {}): Paragraph {
    return new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: this.lines(),
      indent: { right: Math.round(rightChars * this.geo.charPitch) },
      children: [this.run(text, style)],
    });
  }

  /**
   * 发文机关署名 and 成文日期 of a document without a seal (GB/T 9704-2012 7.3.5.2), a blank line below the body or
   * 附件说明: the office name two characters from the right edge, the date on the next line starting two characters
   * right of the office name's first character. A date that would then come nearer than two characters to the right
   * edge (it is longer than the office name less two characters) is set two characters from the edge instead, and
   * the office name moves left to keep the two-character step. The office name keeps with the date (see closing()).
   */
  signature(office: string, date: string): Paragraph[] {
    const [o, d] = [textWidthChars(office), textWidthChars(date)];
    const dateRight = Math.max(2, o - d);
    const officeRight = dateRight + d + 2 - o;
    const chars = (n: number) => Math.round(n * this.geo.charPitch);
    // A 3号 character's advance as set (size plus the run's character spacing).
    const advance = PT.body * 20 + this.bodySpacing;
    const officePara = new Paragraph({
      alignment: AlignmentType.RIGHT,
      keepNext: true,
      // The blank line above as a line of space before, not an empty paragraph: one link fewer in the keep-with-next
      // chain, which LibreOffice 7.4 then keeps more often (see closing()).
      spacing: { ...this.lines(), before: this.geo.linePitch },
      indent: { right: chars(officeRight) },
      children: [this.run(office)],
    });
    // Usually the date is set from the left, two characters right of the office name's first character: exact
    // whatever the digits' width in the font, and still right if someone retypes the date in Word. A date longer
    // than that allows is set two characters from the right edge, the office name placed from its width.
    const datePara = new Paragraph({
      spacing: this.lines(),
      ...(o - d >= 2
        ? {
            alignment: AlignmentType.LEFT,
            indent: { left: this.geo.textWidth - chars(officeRight) - Math.round(o * advance) + chars(2) },
          }
        : { alignment: AlignmentType.RIGHT, indent: { right: chars(2) } }),
      children: [this.run(date)],
    });
    return [officePara, datePara];
  }

  /**
   * 附件说明 after a blank line (GB/T 7.3.4): "附件：" two characters in, then the attachment names, numbered "1." "2."
   * when there are several, further names and wrapped lines aligned with the first name; no punctuation after a
   * name. Every paragraph keeps with the next (the 落款 follows).
   */
  attachmentNote(titles: string[]): Paragraph[] {
    const names = titles.map((t) => t.trim().replace(/[。，、；;,.]+$/, '')).filter(Boolean);
    if (!names.length) return [];
    const ch = this.geo.charPitch;
    const numbered = names.length > 1;
    const label = '附件：';
    const labelWidth = 2 + textWidthChars(label);
    const paragraphs = names.map((name, i) => {
      const num = numbered ? `${i + 1}.` : '';
      // Wrapped lines start under the name's first character, after "附件：1.".
      const left = Math.round((labelWidth + textWidthChars(num)) * ch);
      const hanging = Math.round((i === 0 ? textWidthChars(label + num) : textWidthChars(num)) * ch);
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        keepNext: true,
        // The blank line above as spacing (see signature()).
        spacing: { ...this.lines(), before: i === 0 ? this.geo.linePitch : 0 },
        indent: { left, hanging },
        children: [this.run(`${i === 0 ? label : ''}${num}${name}`)],
      });
    });
    return paragraphs;
  }

  /**
   * What closes the body: 附件说明 (when there are attachments) and the 落款, chained with keep-with-next so that a
   * page never holds only these lines. The caller sets keepNext on the last body paragraph too
   * (`kit.body(text, { keepNext: true })`), which brings that paragraph's last lines along to the page of the 落款.
   * Word and WPS honour such chains; LibreOffice 7.4 does in short documents but was seen to drop this one when
   * long 附件 tables follow (layout.test.ts keeps to a document it honours).
   */
  closing(input: { attachments?: string[]; office: string; date: string }): Paragraph[] {
    return [...this.attachmentNote(input.attachments ?? []), ...this.signature(input.office, input.date)];
  }

  /**
   * The first lines of an attachment (GB/T 9704-2012 7.3.7): "附件" and its number in 3号 黑体 flush left on the
   * first line of a new page, its title (2号 小标宋, centred) on the third line, then a blank line before its content.
   */
  attachmentStart(no: number | string | undefined, title: string): Paragraph[] {
    return [
      this.flush(`附件${no ?? ''}`, 'heading1', { pageBreakBefore: true, keepNext: true }),
      this.blank({ keepNext: true }),
      this.title(title),
    ];
  }

  /** A small-print note under a table (小四 仿宋, no indent). */
  note(text: string): Paragraph {
    return new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { before: 120, after: 0, line: Math.round(PT.table * 1.5 * 20), lineRule: LineRuleType.EXACT },
      children: [this.run(text, { pt: PT.table })],
    });
  }

  blank(opts: Partial<IParagraphOptions> = {}): Paragraph {
    return new Paragraph({ spacing: this.lines(), children: [], ...opts });
  }

  /** A table with both a table width and grid-column widths (WPS lays out from the grid, Word from the width). */
  table(spec: TableSpec): Table {
    return gbtTable(this, spec);
  }

  /** "— 1 —" in 4号 宋体 with real em dashes, one character in from the page edge side it sits on. */
  private pageNumber(align: 'left' | 'right' | 'center'): Paragraph {
    const oneChar = PT.pageNumber * 20;
    return new Paragraph({
      alignment: ALIGN[align],
      indent: align === 'right' ? { right: oneChar } : align === 'left' ? { left: oneChar } : {},
      spacing: { line: PT.pageNumber * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [
        new TextRun({
          children: ['— ', PageNumber.CURRENT, ' —'],
          font: fontSlots(this.font('pageNumber')),
          size: PT.pageNumber * 2,
        }),
      ],
    });
  }

  private footers(): ISectionOptions['footers'] {
    if (this.format.pageNumberStyle === 'center') {
      return { default: new Footer({ children: [this.pageNumber('center')] }) };
    }
    return {
      default: new Footer({ children: [this.pageNumber('right')] }),
      even: new Footer({ children: [this.pageNumber('left')] }),
    };
  }

  /** The whole document: A4, GB/T margins, 22×28 grid, page numbers, and default styles rewritten in the preset's fonts. */
  document(children: Block[], meta: { title: string; creator: string }): Document {
    const g = this.geo;
    const headingStyle = (role: FontRole) => ({
      run: {
        font: fontSlots(this.font(role)),
        size: PT.body * 2,
        bold: false,
        italics: false,
        color: '000000',
      },
      paragraph: { spacing: this.lines(), indent: this.indentChars(2) },
    });
    return new Document({
      title: meta.title,
      creator: meta.creator,
      lastModifiedBy: meta.creator,
      evenAndOddHeaderAndFooters: this.format.pageNumberStyle === 'odd-right-even-left',
      // Theme fonts set to the preset too: anything that still asks the theme gets 仿宋, not Calibri or 等线.
      theme: {
        fonts: {
          headings: { latin: this.font('heading1'), eastAsia: this.font('heading1') },
          body: { latin: this.font('body'), eastAsia: this.font('body') },
        },
      },
      styles: {
        default: {
          // Normal carries no indent and no extra spacing, so table cells and text the office adds stay plain.
          document: {
            run: { font: fontSlots(this.font('body')), size: PT.body * 2, color: '000000' },
            paragraph: { spacing: { before: 0, after: 0 } },
          },
          title: {
            run: { font: fontSlots(this.font('title')), size: PT.title * 2, bold: false, color: '000000' },
            paragraph: { alignment: AlignmentType.CENTER },
          },
          heading1: headingStyle('heading1'),
          heading2: headingStyle('heading2'),
          heading3: headingStyle('heading3'),
          heading4: headingStyle('heading4'),
        },
      },
      sections: [
        {
          properties: {
            page: {
              size: { width: g.width, height: g.height },
              margin: { ...g.margins, header: g.header, footer: g.footer, gutter: 0 },
            },
            // No document grid: every paragraph sets exact spacing on the 22-line pitch instead (see bodySpacing for
            // the 28 characters), because LibreOffice snaps table rows to a line grid (type lines or linesAndChars
            // alike), doubling their height. The pitch is still written for Word's dialog.
            grid: { type: DocumentGridType.DEFAULT, linePitch: g.linePitch },
          },
          footers: this.footers(),
          children,
        },
      ],
    });
  }
}
