// The Word format preset (GB/T 9704-2012 by default): margins, grid, font per role and page-number style,
// editable by the office because font names and habits differ between offices. Pure data and arithmetic.
import * as z from 'zod';

export const PAGE_NUMBER_STYLES = ['odd-right-even-left', 'center'] as const;
export type PageNumberStyle = (typeof PAGE_NUMBER_STYLES)[number];

/** Fonts of the standard; offices without them type their own names (小标宋, 仿宋 …). */
export const DEFAULT_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  heading3: '仿宋_GB2312',
  heading4: '仿宋_GB2312',
  pageNumber: '宋体',
} as const;
export type FontRole = keyof typeof DEFAULT_FONTS;

export const FONT_ROLE_LABELS: Record<FontRole, string> = {
  title: '标题',
  body: '正文',
  heading1: '一级标题（一、）',
  heading2: '二级标题（（一））',
  heading3: '三级标题（1.）',
  heading4: '四级标题（（1））',
  pageNumber: '页码',
};

const fontName = (role: FontRole) =>
  z
    .string({ error: `${FONT_ROLE_LABELS[role]}字体必须填写` })
    .trim()
    .min(1, `${FONT_ROLE_LABELS[role]}字体不能为空`)
    .max(40, `${FONT_ROLE_LABELS[role]}字体名称过长`)
    .default(DEFAULT_FONTS[role]);

const marginMm = (label: string, value: number) =>
  z
    .number({ error: `${label}必须是数字（毫米）` })
    .min(10, `${label}不能小于10毫米`)
    .max(60, `${label}不能大于60毫米`)
    .default(value);

// prefault({}) (not default({})) so that a partial object still gets every inner default filled.
export const DocFormatSchema = z.object({
  marginsMm: z
    .object({
      top: marginMm('上边距', 37),
      bottom: marginMm('下边距', 35),
      left: marginMm('左边距', 28),
      right: marginMm('右边距', 26),
    })
    .prefault({}),
  linesPerPage: z
    .number()
    .int('每页行数必须是整数')
    .min(15, '每页行数不能少于15')
    .max(40, '每页行数不能多于40')
    .default(22),
  charsPerLine: z
    .number()
    .int('每行字数必须是整数')
    .min(15, '每行字数不能少于15')
    .max(40, '每行字数不能多于40')
    .default(28),
  fonts: z
    .object({
      title: fontName('title'),
      body: fontName('body'),
      heading1: fontName('heading1'),
      heading2: fontName('heading2'),
      heading3: fontName('heading3'),
      heading4: fontName('heading4'),
      pageNumber: fontName('pageNumber'),
    })
    .prefault({}),
  pageNumberStyle: z
    .enum(PAGE_NUMBER_STYLES, { error: '页码位置只能是“单页居右、双页居左”或“居中”' })
    .default('odd-right-even-left'),
  /** Distance from the bottom of the text block to the top of the page number (GB/T: 7 mm). */
  pageNumberGapMm: z.number().min(0).max(20).default(7),
});
export type DocFormat = z.infer<typeof DocFormatSchema>;
export type DocFormatInput = z.input<typeof DocFormatSchema>;

export const DEFAULT_DOC_FORMAT: DocFormat = DocFormatSchema.parse({});

/** The user's preset with defaults filled; an invalid stored preset falls back to the standard rather than failing an export. */
export function resolveDocFormat(stored: unknown): DocFormat {
  const parsed = DocFormatSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : DEFAULT_DOC_FORMAT;
}

/** Millimetres to twips, rounded: docx's convertMillimetersToTwip floors, which turns A4's 210 mm into 11905. */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export const A4_MM = { width: 210, height: 297 } as const;

export interface PageGeometry {
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number };
  /** Footer distance from the page's bottom edge. */
  footer: number;
  header: number;
  textWidth: number;
  textHeight: number;
  /** Twips per line so that linesPerPage lines fill the text block (floored so the last line still fits). */
  linePitch: number;
  /** Twips per character so that charsPerLine characters fill a line. */
  charPitch: number;
}

/** 3号 body text, in points: the grid's reference size. */
export const BODY_PT = 16;
/** 4号 page numbers, in points. */
export const PAGE_NUMBER_PT = 14;

/** Every length the Word kit needs, in twips, from the preset. */
export function pageGeometry(format: DocFormat): PageGeometry {
  const width = mmToTwip(A4_MM.width);
  const height = mmToTwip(A4_MM.height);
  const m = format.marginsMm;
  const margins = {
    top: mmToTwip(m.top),
    bottom: mmToTwip(m.bottom),
    left: mmToTwip(m.left),
    right: mmToTwip(m.right),
  };
  const textWidth = width - margins.left - margins.right;
  const textHeight = height - margins.top - margins.bottom;
  // The page-number line is set exactly PAGE_NUMBER_PT high, so its top sits pageNumberGapMm below the text block.
  const footer = Math.max(0, margins.bottom - mmToTwip(format.pageNumberGapMm) - PAGE_NUMBER_PT * 20);
  return {
    width,
    height,
    margins,
    footer,
    header: mmToTwip(15),
    textWidth,
    textHeight,
    linePitch: Math.floor(textHeight / format.linesPerPage),
    charPitch: textWidth / format.charsPerLine,
  };
}
