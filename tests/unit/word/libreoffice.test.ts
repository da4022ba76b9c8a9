// Proof that the generated documents open: LibreOffice converts the report, a filled template and the bulletin
// to PDF; page 1 of the report and of the bulletin is rendered to PNG in /tmp for a person to look at.
import { copyFileSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBulletin } from '../../../src-main/word/bulletin';
import { buildReport } from '../../../src-main/word/report';
import { DRAFT_NOTES } from '../../../src-main/services/report-notes-service';
import { fillTemplate } from '../../../src-main/word/template';
import { ValueBook, lookupFor, unitLookupFor } from '../../../src-main/word/values';
import { convertToPdf, pdfPageCount, pdfText, pdfToPng } from '../../helpers/office';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleBulletin, samplePerUnit, sampleSettings, sampleValues } from './fixtures';
import { splitRunTemplate } from './template-builder';

/** Where the page images go, kept after the run so they can be looked at. */
const PNG_DIR = join(tmpdir(), 'campaign-desk-word-png');

describe('Word output in LibreOffice', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    tmp = makeTempDir('word-lo-');
    mkdirSync(PNG_DIR, { recursive: true });
  });
  afterAll(() => tmp.remove());

  async function toPdf(name: string, buf: Buffer) {
    const file = join(tmp.dir, `${name}.docx`);
    writeFileSync(file, buf);
    const pdf = await convertToPdf(file);
    expect(statSync(pdf).size).toBeGreaterThan(0);
    return pdf;
  }

  async function pagePng(pdf: string, name: string) {
    const png = await pdfToPng(pdf, 1, 60);
    const kept = join(PNG_DIR, `${name}-p1.png`);
    copyFileSync(png, kept);
    expect(statSync(kept).size).toBeGreaterThan(1000);
  }

  it('converts the report: several pages, page numbers with em dashes', async () => {
    const buf = await buildReport({
      settings: sampleSettings(),
      query: { from: '2026-04-01', to: '2026-04-30' },
      values: sampleValues(),
      perUnit: samplePerUnit(),
      notes: DRAFT_NOTES,
      today: '2026-05-06',
    });
    const pdf = await toPdf('report', buf);
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(5);
    const pages = (await pdfText(pdf)).split('\f');
    expect(pages[0]).toContain('教育整顿工作情况的报告');
    expect(pages[0]).toMatch(/—\s*1\s*—/);
    expect(pages[1]).toMatch(/—\s*2\s*—/);
    expect(pages[0]).not.toMatch(/-\s*1\s*-/);
    // 28 characters a line: the longest all-Chinese line of body text on page 1 has exactly 28.
    const widths = pages[0]
      .split('\n')
      .map((l) => [...l.trim()].filter((c) => c.charCodeAt(0) > 0x2000).length);
    expect(Math.max(...widths)).toBe(28);
    await pagePng(pdf, 'report');
  });

  it('converts a filled template', async () => {
    const rows = samplePerUnit().map((u) => unitLookupFor(u.unitName, new ValueBook(u.values)));
    const buf = await fillTemplate(
      await splitRunTemplate(),
      lookupFor(new ValueBook(sampleValues()), new ValueBook(sampleValues())),
      rows,
    );
    const pdf = await toPdf('filled', buf);
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    const text = await pdfText(pdf);
    expect(text).toContain('城关镇纪委');
    expect(text).not.toContain('{{');
  });

  it('converts the bulletin, plain and for pre-printed paper', async () => {
    const keyNumbers = sampleValues().filter((v) => ['集中学习次数', '整改率'].includes(v.name));
    const pdf = await toPdf(
      'bulletin',
      await buildBulletin({ settings: sampleSettings(), bulletin: sampleBulletin(), keyNumbers }),
    );
    expect(await pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    const text = await pdfText(pdf);
    expect(text).toContain('教育整顿工作简报');
    expect(text).toContain('第 12 期');
    expect(text).toMatch(/共印\s*40\s*份/);
    await pagePng(pdf, 'bulletin');
    const blank = await toPdf(
      'bulletin-blank',
      await buildBulletin({ settings: sampleSettings(), bulletin: sampleBulletin(), blankMasthead: true }),
    );
    expect(await pdfText(blank)).not.toContain('教育整顿工作简报');
    await pagePng(blank, 'bulletin-blank');
  });
});
