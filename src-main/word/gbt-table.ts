// GB/T tables: table width and grid-column widths both set (WPS lays out from the grid, Word from the width),
// a repeated bold header row, cells without the body's first-line indent, and merged category cells.
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { GbtKit } from './gbt-kit';
import { ALIGN, PT } from './gbt-base';

export interface TableColumn {
  header: string;
  /** Relative width; columns share the text block width. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
  /** Row index → number of rows the first cell spans (categories); spanned rows omit their first cell. */
  firstColumnSpans?: Map<number, number>;
  pt?: number;
  /** Keeps the last row on the page of what follows (a note under the table), so the note never stands alone. */
  keepLastRowWithNext?: boolean;
}

/** A table with both a table width and grid-column widths (WPS lays out from the grid, Word from the width). */
export function gbtTable(kit: GbtKit, spec: TableSpec): Table {
  const pt = spec.pt ?? PT.table;
  const total = spec.columns.reduce((s, c) => s + c.weight, 0);
  const widths = spec.columns.map((c) => Math.floor((kit.geo.textWidth * c.weight) / total));
  widths[widths.length - 1] += kit.geo.textWidth - widths.reduce((s, w) => s + w, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, col: number, header: boolean, rowSpan?: number, keepNext = false) =>
    new TableCell({
      width: { size: widths[col], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      rowSpan,
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: header ? AlignmentType.CENTER : ALIGN[spec.columns[col].align ?? 'center'],
            // Exact spacing in points of the table's own size: neither the body grid nor Normal's spacing applies.
            spacing: { line: Math.round(pt * 1.5 * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            indent: { firstLine: 0 },
            keepNext,
            children: [kit.run(line, { role: header ? 'heading1' : 'body', pt })],
          }),
      ),
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.columns.map((c, i) => cell(c.header, i, true)),
  });
  const spanned = new Set<number>();
  spec.firstColumnSpans?.forEach((n, r) => {
    for (let k = 1; k < n; k++) spanned.add(r + k);
  });
  const rows = spec.rows.map(
    (r, ri) =>
      new TableRow({
        cantSplit: true,
        children: r.flatMap((text, ci) => {
          if (ci === 0 && spanned.has(ri)) return [];
          const keep = !!spec.keepLastRowWithNext && ri === spec.rows.length - 1;
          return [cell(text, ci, false, ci === 0 ? spec.firstColumnSpans?.get(ri) : undefined, keep)];
        }),
      }),
  );
  return new Table({
    width: { size: kit.geo.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    rows: [header, ...rows],
  });
}
