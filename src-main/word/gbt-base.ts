// The GB/T kit's units and measures: sizes by role, font slots, alignment, and text width in characters.
import { AlignmentType } from 'docx';
import type { Paragraph, Table } from 'docx';
import { BODY_PT, PAGE_NUMBER_PT } from '../shared/doc-format';

/** Sizes of the standard, in points: 2号 title, 3号 body and headings, 4号 page numbers and 版记, 小四 tables. */
export const PT = { title: 22, body: BODY_PT, pageNumber: PAGE_NUMBER_PT, note: 14, table: 12 } as const;

/** The four font slots, so Chinese text never falls back to a theme or Latin font. */
export function fontSlots(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

export type Block = Paragraph | Table;

export const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

/** Approximate width of a text in characters of its size: CJK and full-width signs 1, ASCII ½. */
export function textWidthChars(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}
