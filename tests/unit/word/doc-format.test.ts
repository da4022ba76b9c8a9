// The Word format preset: GB/T defaults, twips by rounding, partial presets filled, Chinese messages.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOC_FORMAT,
  DocFormatSchema,
  mmToTwip,
  pageGeometry,
  resolveDocFormat,
} from '../../../src-main/shared/doc-format';
import { convertMillimetersToTwip } from 'docx';

describe('doc format preset', () => {
  it('defaults to GB/T 9704-2012', () => {
    expect(DEFAULT_DOC_FORMAT).toEqual({
      marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
      linesPerPage: 22,
      charsPerLine: 28,
      fonts: {
        title: '方正小标宋简体',
        body: '仿宋_GB2312',
        heading1: '黑体',
        heading2: '楷体_GB2312',
        heading3: '仿宋_GB2312',
        heading4: '仿宋_GB2312',
        pageNumber: '宋体',
      },
      pageNumberStyle: 'odd-right-even-left',
      pageNumberGapMm: 7,
    });
  });

  it('computes A4 exactly, where docx’s own converter floors', () => {
    expect(mmToTwip(210)).toBe(11906);
    expect(mmToTwip(297)).toBe(16838);
    expect(convertMillimetersToTwip(210)).toBe(11905);
    const g = pageGeometry(DEFAULT_DOC_FORMAT);
    expect([g.width, g.height]).toEqual([11906, 16838]);
    expect(g.margins).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    // 156 × 225 mm text block; 22 lines fit in it, 28 characters fill a line.
    expect(g.textWidth).toBe(8845);
    expect(g.linePitch * 22).toBeLessThanOrEqual(g.textHeight);
    expect((g.linePitch + 1) * 22).toBeGreaterThan(g.textHeight);
    expect(Math.floor(g.charPitch) * 28).toBeLessThanOrEqual(g.textWidth);
    // The page number's top 7 mm below the text block: footer distance + its 14 pt line = bottom margin − 7 mm.
    expect(g.footer + 280).toBe(g.margins.bottom - mmToTwip(7));
  });

  it('fills the defaults of a partial preset and keeps what the office changed', () => {
    const f = DocFormatSchema.parse({
      fonts: { title: '小标宋' },
      marginsMm: { left: 30 },
      pageNumberStyle: 'center',
    });
    expect(f.fonts.title).toBe('小标宋');
    expect(f.fonts.body).toBe('仿宋_GB2312');
    expect(f.marginsMm).toEqual({ top: 37, bottom: 35, left: 30, right: 26 });
    expect(f.pageNumberStyle).toBe('center');
  });

  it('refuses bad values with Chinese messages', () => {
    const r = DocFormatSchema.safeParse({
      fonts: { body: ' ' },
      marginsMm: { top: 5 },
      pageNumberStyle: 'left',
    });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain('正文字体不能为空');
    expect(messages).toContain('上边距不能小于10毫米');
    expect(messages.some((m) => m.includes('页码位置'))).toBe(true);
  });

  it('falls back to the standard when the stored preset is unusable', () => {
    expect(resolveDocFormat(undefined)).toEqual(DEFAULT_DOC_FORMAT);
    expect(resolveDocFormat({ linesPerPage: 'many' })).toEqual(DEFAULT_DOC_FORMAT);
    expect(resolveDocFormat({ linesPerPage: 20 }).linesPerPage).toBe(20);
  });
});
