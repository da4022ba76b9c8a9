// The 版记 (GB/T 9704-2012 §7.4) at the foot of the last page: 抄送 (or a bulletin's 报/送/发) lines, then 印发机关
// and 印发日期 (or 签发 and copies printed), between a thick first and last rule with thin rules in between, the last
// rule on the bottom edge of the text block.
//
// Built as a floating table anchored to the bottom margin (w:tblpPr vertAnchor="margin" tblpYSpec="bottom"), so the
// layout engine puts it at the foot of whatever page its anchor paragraph lands on, and text that would run into it
// pushes it to the next page. Why this and not the alternatives, each tried in LibreOffice 7.4:
// - paragraphs in a frame (w:framePr, bottom-aligned): LibreOffice 7.4 drops the frame altogether, leaving the
//   paragraphs in the flow, as soon as they carry paragraph borders (the rules); without borders there is no rule.
// - a table in the flow after blank filler lines: only right if the height of the text above is known, and prose
//   is not.
// - a floating table anchored horizontally to the margin: LibreOffice 7.4 imports a floating table as wide as the
//   text block as an ordinary table in the flow (its heuristic: "no text fits beside it"). Anchored to the page at
//   the left margin's x, the same table is imported as a floating one. Word and WPS place both alike.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  OverlapType,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  WidthType,
} from 'docx';
import type { Block } from './gbt-base';
import { PT, textWidthChars } from './gbt-base';
import type { GbtKit } from './gbt-kit';

/** One 版记 line: "抄送：A，B，C。", wrapped lines aligned after the colon. */
export interface ColophonLine {
  /** 抄送, 主送, 报, 送, 发 … */
  label: string;
  /** Names, joined with "，" and closed with "。". A line without names is left out. */
  items: string[];
  /** No rule between this line and the one above (GB/T 7.4.2: 主送 directly above 抄送). */
  joinPrevious?: boolean;
}

export interface ColophonInput {
  lines?: ColophonLine[];
  /** 印发机关 左空一字 and 印发日期 右空一字 on the last line; `date` as printed ("2026年5月6日"), "印发" is added. */
  issuer?: { office: string; date: string };
  /** Or any last line: `left` 左空一字, `right` 右空一字 (a bulletin's "签发：张三" and "（共印40份）"). */
  foot?: { left?: string; right?: string };
}

/** 0.35 mm (1 pt) for the first and last rule, 0.25 mm (¾ pt, Word's nearest width) between lines. */
const THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** Twips of a 1-pt empty paragraph: what the table needs before (to part it from a table above) and after it. */
const HAIRLINE = 20;

const trimEnd = (s: string) => s.trim().replace(/[。，、；;,.]+$/, '');

/**
 * The 版记 as blocks to append at the very END of a document (after the body, 附件说明, 落款 and any 附件 pages):
 * nothing may follow them, because the last one is the paragraph the 版记 is anchored to. Returns [] when there is
 * nothing to print. Lines in 4号 of the body font; its last rule lies on the bottom edge of the text block of the last
 * page, wherever the body ends; when the body leaves no room, the 版记 moves to a page of its own.
 *
 *   blocks.push(...colophon(kit, {
 *     lines: [{ label: '抄送', items: ['市纪委监委', '区委办公室'] }],
 *     issuer: { office: '区纪委监委办公室', date: '2026年5月6日' },
 *   }));
 */
export function colophon(kit: GbtKit, input: ColophonInput): Block[] {
  const width = kit.geo.textWidth;
  const oneChar = PT.note * 20;
  const lineSpacing = {
    line: Math.round(PT.note * 1.5 * 20),
    lineRule: LineRuleType.EXACT,
    before: 0,
    after: 0,
  };
  const paragraph = (text: string, label: string): Paragraph => {
    // 左右各空一字; wrapped lines start under the first name, after "label：".
    const hang = Math.round((textWidthChars(label) + 1) * oneChar);
    return new Paragraph({
      alignment: AlignmentType.JUSTIFIED,
      spacing: lineSpacing,
      indent: { left: oneChar + hang, hanging: hang, right: oneChar },
      children: [kit.run(text, { pt: PT.note })],
    });
  };
  // Each group is one row; rows are parted by thin rules, lines joined to the one above share a row.
  const groups: Paragraph[][] = [];
  for (const line of input.lines ?? []) {
    const items = line.items.map(trimEnd).filter(Boolean);
    if (!items.length) continue;
    const p = paragraph(`${line.label}：${items.join('，')}。`, line.label);
    if (line.joinPrevious && groups.length) groups[groups.length - 1].push(p);
    else groups.push([p]);
  }
  const foot = input.issuer
    ? {
        left: input.issuer.office,
        right: /印发$/.test(input.issuer.date) ? input.issuer.date : `${input.issuer.date}印发`,
      }
    : input.foot;
  const left = foot?.left?.trim() ?? '';
  const right = foot?.right?.trim() ?? '';
  if (left || right) {
    // GB/T keeps 印发机关 and 印发日期 on one line: a long office name takes a smaller size (down to 五号, 10.5 pt)
    // rather than wrapping; one character of space at least between them, one in from each edge.
    // Two characters of slack: a substitute font sets digits wider than half a character, and Word and
    // LibreOffice add space between Chinese characters and digits.
    const need = textWidthChars(left) + textWidthChars(right) + (right ? 1 : 0) + 2 + 2;
    const fitPt = Math.floor((width / (need * 20)) * 2) / 2;
    const pt = Math.max(10.5, Math.min(PT.note, fitPt));
    groups.push([
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: lineSpacing,
        // Left text one character in; right text ends one character before the edge, on a right tab.
        indent: { left: oneChar },
        tabStops: [{ type: TabStopType.RIGHT, position: width - oneChar }],
        children: [kit.run(right ? `${left}\t${right}` : left, { pt })],
      }),
    ]);
  }
  if (!groups.length) return [];
  const hairline = () =>
    new Paragraph({
      spacing: { line: HAIRLINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [],
    });
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    float: {
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: kit.geo.margins.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      // Half a line clear of the body text above it, so the first rule never touches the last line.
      topFromText: Math.round(kit.geo.linePitch / 2),
      overlap: OverlapType.NEVER,
    },
    borders: {
      top: THICK,
      bottom: THICK,
      insideHorizontal: THIN,
      left: NONE,
      right: NONE,
      insideVertical: NONE,
    },
    // Exact line spacing leaves its extra space above the text (Word and LibreOffice alike): a bottom margin only
    // centres each line between its rules.
    margins: { left: 0, right: 0, top: 0, bottom: 100 },
    rows: groups.map(
      (children) =>
        new TableRow({
          cantSplit: true,
          children: [new TableCell({ width: { size: width, type: WidthType.DXA }, children })],
        }),
    ),
  });
  // The paragraph before keeps the table apart from a table above it (adjacent tables merge in Word); the one after
  // is the anchor, and a document must end with a paragraph anyway. Both are 1 pt high.
  return [hairline(), table, hairline()];
}
