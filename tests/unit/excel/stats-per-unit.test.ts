// The statistics workbook on the demo district (campaign from 2026-09-01): October 2026 and the whole campaign.
// Every 合计 the workbook shows equals the district figure computeIndicators gives for the same 本期/累计, every
// sheet says which figures it holds, the per-unit sheets are narrow enough to print, print titles reach the
// file, and LibreOffice prints each per-unit sheet on one page at a legible scale, repeating the header rows
// on page 2 of a long one. Set STATS_PNG_DIR to keep the rendered pages for a look.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStatsWorkbook } from '../../../src-main/excel';
import type { StatsWorkbookInput } from '../../../src-main/excel';
import { DISTRICT_MARK, DISTRICT_NOTE, unitTotal } from '../../../src-main/excel/stats-per-unit';
import { PER_UNIT_MAX_INDICATORS, PER_UNIT_SHEETS } from '../../../src-main/excel/stats-unit-themes';
import { generateDemo } from '../../../src-main/demo';
import { createExcelService } from '../../../src-main/services/excel-service';
import type { ServiceContext } from '../../../src-main/services/service-context';
import { createStatsService } from '../../../src-main/services/stats-handlers';
import type { CallContext } from '../../../src-main/shared/context';
import type { IndicatorValue, StatsQuery } from '../../../src-main/shared/indicators';
import { catalog, computeIndicators, perUnitIndicators } from '../../../src-main/stats';
import { convertToPdf, pdfPageCount, pdfText, pdfToPng } from '../../helpers/office';
import { makeTempDir } from '../../helpers/temp-dir';
import { indicatorValues, loadXlsx, testSettings, xmlParts } from './fixtures';

const run = promisify(execFile);
const tmp = makeTempDir('excel-stats-units-');
afterAll(() => tmp.remove());

const demo = generateDemo({ start: '2026-09-01' });
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const CAMPAIGN = { from: '2026-09-01', to: '2026-11-30' };
const HEADINGS = new Map([
  [OCTOBER.to, ['本期：2026年10月1日至10月31日', '累计：截至2026年10月31日']],
  [CAMPAIGN.to, ['本期：2026年9月1日至11月30日', '累计：截至2026年11月30日']],
]);

// Only what the statistics and the built-in workbook's path read: settings, records, the date, the audit sink.
const sc = {
  settings: () => demo.settings,
  allLiveRecords: () => demo.ledgers,
  today: () => '2026-11-02',
  store: { get: () => undefined },
  audit: { record: async () => undefined },
  logger: { info: () => undefined, warn: () => undefined },
} as unknown as ServiceContext;
const stats = createStatsService(sc);

/** What the 'excel:stats' handler passes for the built-in workbook (the stats service as the app wires it). */
function demoInput(query: StatsQuery): StatsWorkbookInput {
  const start = demo.settings.campaignStart;
  const cumulative = { from: query.from < start ? query.from : start, to: query.to };
  return {
    settings: demo.settings,
    query,
    ...stats.computeValues(query),
    clueTable: stats.clueTable(query),
    clueTableCumulative: stats.clueTable(cumulative),
    preparedBy: '张三',
    reviewedBy: '李四',
    date: '2026-11-02',
  };
}

type Variant = 'period' | 'cumulative';
const VARIANT: Record<string, Variant> = { 本期: 'period', 累计: 'cumulative' };

/**
 * A cell as a number: plain, or a formula's cached result. exceljs reads a cached 0 back as no result, so the
 * result is then read from the sheet's XML (the file must hold one: readers that do not recalculate show it).
 */
function numberOf(c: ExcelJS.Cell, parts?: Record<string, string>): number {
  const v = c.value;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
  if (v && typeof v === 'object' && 'formula' in v && parts) {
    const xml = parts[`xl/worksheets/sheet${c.worksheet.id}.xml`] ?? '';
    const m = new RegExp(`<c r="${c.address}"[^>]*><f>[^<]*</f><v>([^<]*)</v>`).exec(xml);
    if (m) return Number(m[1]);
  }
  throw new Error(`${c.address}: not a number (${JSON.stringify(v)})`);
}
const formulaOf = (c: ExcelJS.Cell): string | undefined =>
  c.value && typeof c.value === 'object' && 'formula' in c.value ? c.value.formula : undefined;
/** The district figure as a cell holds it: percentages as fractions. */
const asCell = (v: IndicatorValue, variant: Variant) =>
  v.kind === 'percent' ? Number(v[variant]) / 100 : Number(v[variant]);
const rowText = (ws: ExcelJS.Worksheet, r: number) => {
  let t = '';
  ws.getRow(r).eachCell((c) => (t += `${c.text}\n`));
  return t;
};
const perUnitSheets = (wb: ExcelJS.Workbook) => wb.worksheets.filter((w) => w.name.startsWith('分单位·'));
const findRow = (ws: ExcelJS.Worksheet, col: number, test: (text: string) => boolean, from = 1) => {
  for (let r = from; r <= ws.rowCount; r++) if (test(ws.getCell(r, col).text)) return r;
  throw new Error(`${ws.name}: no such row`);
};

describe('the indicator table of the per-unit sheets', () => {
  it('names catalog indicators that are numbers, at most five a sheet, sheet names valid and distinct', () => {
    const kinds = new Map(catalog().map((i) => [i.name, i.kind]));
    for (const spec of PER_UNIT_SHEETS) {
      expect(spec.indicators.length).toBeLessThanOrEqual(PER_UNIT_MAX_INDICATORS);
      for (const name of spec.indicators)
        expect([name, kinds.get(name)]).toEqual([name, expect.stringMatching(/^(count|amount|percent)$/)]);
      expect(spec.sheet.length).toBeLessThanOrEqual(31);
      expect(spec.sheet).not.toMatch(/[*?:\\/[\]']/);
    }
    expect(new Set(PER_UNIT_SHEETS.map((s) => s.sheet)).size).toBe(PER_UNIT_SHEETS.length);
    expect(PER_UNIT_MAX_INDICATORS * 2 + 2).toBeLessThanOrEqual(12);
  });

  it('合计 rule: a rate is never summed; a count is summed only when the units add up to the district', () => {
    expect(unitTotal('count', [1, 2, 3], 6)).toEqual({ sum: true, value: 6 });
    expect(unitTotal('count', [25, 22], 24)).toEqual({ sum: false, value: 24 });
    expect(unitTotal('amount', [0.1, 0.2], 0.3)).toEqual({ sum: true, value: 0.3 });
    expect(unitTotal('amount', [0.01, 0.01], 0.03)).toEqual({ sum: false, value: 0.03 });
    expect(unitTotal('percent', [50, 50], 100)).toEqual({ sum: false, value: 100 });
    expect(unitTotal('count', [], 0)).toEqual({ sum: false, value: 0 });
  });
});

describe.each([
  ['October 2026', OCTOBER],
  ['the whole campaign', CAMPAIGN],
])('the demo district, %s', (_label, query) => {
  let wb: ExcelJS.Workbook;
  let buf: Buffer;
  let parts: Record<string, string>;
  const district = new Map(computeIndicators(demo, query).map((v) => [v.name, v]));
  const units = perUnitIndicators(demo, query);
  const [periodLine, cumulativeLine] = HEADINGS.get(query.to)!;

  beforeAll(async () => {
    buf = await buildStatsWorkbook(demoInput(query));
    wb = await loadXlsx(buf);
    parts = await xmlParts(buf);
  });

  it('every sheet says in its heading that it holds 本期 (with the dates) and 累计 (with the cut-off)', () => {
    expect(wb.worksheets.length).toBe(3 + PER_UNIT_SHEETS.length);
    for (const ws of wb.worksheets) {
      const heading = rowText(ws, 1) + rowText(ws, 2);
      expect(heading, ws.name).toContain(periodLine);
      expect(heading, ws.name).toContain(cumulativeLine);
    }
  });

  it('per-unit sheets: every figure column’s 合计 is the district figure; SUM only where the units add up', () => {
    let marked = 0;
    let summed = 0;
    for (const ws of perUnitSheets(wb)) {
      expect(ws.columnCount, ws.name).toBeLessThanOrEqual(12);
      const first = 5;
      const total = findRow(ws, 2, (t) => t === '合计');
      expect(total - first).toBe(units.length);
      expect(ws.getCell(first, 2).text).toBe(units[0].unitName);
      let anyMarked = false;
      for (let c = 3; c <= ws.columnCount; c++) {
        const name = ws.getCell(3, c).text.split('\n')[0];
        const leaf = ws.getCell(4, c).text;
        const variant = VARIANT[leaf.replace(DISTRICT_MARK, '')];
        const v = district.get(name)!;
        const where = `${ws.name} ${name} ${leaf}`;
        expect(v, where).toBeDefined();
        expect(variant, where).toBeDefined();
        const expected = asCell(v, variant);
        expect(numberOf(ws.getCell(total, c), parts), where).toBeCloseTo(expected, 9);
        // The unit rows are the units' figures, in settings order.
        const rows = units.map((u, i) => {
          const own = asCell(
            u.values.find((x) => x.name === name)!,
            variant,
          );
          expect(numberOf(ws.getCell(first + i, c)), `${where} ${u.unitName}`).toBeCloseTo(own, 9);
          return own;
        });
        const adds = v.kind !== 'percent' && Math.abs(rows.reduce((a, b) => a + b, 0) - expected) < 1e-6;
        const letter = ws.getColumn(c).letter;
        if (adds) {
          expect(formulaOf(ws.getCell(total, c)), where).toBe(`SUM(${letter}${first}:${letter}${total - 1})`);
          expect(leaf, where).not.toContain(DISTRICT_MARK);
          summed++;
        } else {
          expect(formulaOf(ws.getCell(total, c)), where).toBeUndefined();
          expect(leaf, where).toContain(DISTRICT_MARK);
          anyMarked = true;
          marked++;
        }
      }
      const note = ws.getCell(total + 1, 1).text;
      expect(note === DISTRICT_NOTE, ws.name).toBe(anyMarked);
    }
    // The demo has both kinds: checks that visit several units, distinct counts and rates; plain counts.
    expect(marked).toBeGreaterThan(4);
    expect(summed).toBeGreaterThan(20);
    const org = wb.getWorksheet('分单位·组织领导')!;
    const checks = [3, 4, 5, 6].find((c) => org.getCell(3, c).text.startsWith('督导检查次数'))!;
    expect(org.getCell(4, checks).text).toBe(`本期${DISTRICT_MARK}`);
  });

  it('clue sheet: both blocks’ 合计 rows equal the district clue figures for 本期 and 累计', () => {
    const ws = wb.getWorksheet('线索处置统计表')!;
    const names = ['受理线索数'];
    for (let c = 3; ws.getCell(3, c).text === '处置方式（件）'; c++)
      names.push(`${ws.getCell(4, c).text}线索数`);
    names.push('办结线索数', '立案数', '处分人数');
    expect(names.length).toBe(ws.columnCount - 1);
    for (const [caption, variant] of [
      [periodLine, 'period'],
      [cumulativeLine, 'cumulative'],
    ] as const) {
      const start = findRow(ws, 1, (t) => t === caption);
      const total = findRow(ws, 1, (t) => t === '合计', start);
      names.forEach((name, k) =>
        expect(numberOf(ws.getCell(total, k + 2), parts), `${caption} ${name}`).toBe(
          Number(district.get(name)![variant]),
        ),
      );
    }
  });

  it('four-forms sheet: person-times per form, 本期 and 累计, as the district counts them', () => {
    const ws = wb.getWorksheet('四种形态统计表')!;
    for (let r = 5; r <= 8; r++) {
      const form = district.get(`${ws.getCell(r, 1).text}人次`)!;
      expect([ws.getCell(r, 2).value, ws.getCell(r, 3).value]).toEqual([form.period, form.cumulative]);
    }
    const all = district.get('四种形态人次')!;
    expect([numberOf(ws.getCell('B9'), parts), numberOf(ws.getCell('C9'), parts)]).toEqual([
      all.period,
      all.cumulative,
    ]);
  });

  it('print setup of every per-unit sheet: landscape A4, one page wide, header rows as print titles in the file', async () => {
    const book = (await xmlParts(buf))['xl/workbook.xml'];
    wb.worksheets.forEach((ws, i) => {
      expect(book).toContain(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">&apos;${ws.name}&apos;!$3:$4</definedName>`,
      );
    });
    for (const ws of perUnitSheets(wb)) {
      expect(ws.pageSetup, ws.name).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '3:4',
      });
      expect(ws.getCell('A1').text).toMatch(/分单位统计表（.+）$/);
      expect((ws.model as unknown as { merges: string[] }).merges).toContain(
        `A1:${ws.getColumn(ws.columnCount).letter}1`,
      );
    }
  });
});

describe("the 'excel:stats' handler", () => {
  it('passes the clue matrices of 本期 and of 累计 (from the campaign start), as the catalog counts them', async () => {
    const excel = createExcelService(sc, {
      computeValues: (q) => stats.computeValues(q),
      clueTable: (q) => stats.clueTable(q),
      ledgerService: { startImport: () => expect.unreachable('no import here') },
    });
    const ctx: CallContext = { door: 'internal', user: null, sessionId: 'test' };
    const out = await excel['excel:stats']({ ...OCTOBER }, ctx);
    const buf = Buffer.from(out.dataBase64, 'base64');
    const ws = (await loadXlsx(buf)).getWorksheet('线索处置统计表')!;
    const parts = await xmlParts(buf);
    const district = new Map(computeIndicators(demo, OCTOBER).map((v) => [v.name, v]));
    const received = district.get('受理线索数')!;
    // The demo has clues in September: 累计 must differ from 本期, or this proves nothing.
    expect(received.cumulative).not.toBe(received.period);
    const totals = [1, 2].map((n) => {
      let from = 1;
      for (let i = 0; i < n; i++) from = findRow(ws, 1, (t) => t === '合计', from) + 1;
      return numberOf(ws.getCell(from - 1, 2), parts);
    });
    expect(totals).toEqual([received.period, received.cumulative]);
    let text = '';
    ws.eachRow((row) => row.eachCell((c) => (text += c.text)));
    expect(text).not.toContain('未按线索来源细分');
  });
});

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The words of one PDF page with their boxes in points (pdftotext -bbox). */
async function pdfWords(pdf: string, page: number): Promise<Word[]> {
  const { stdout } = await run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return [
    ...stdout.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] }));
}

/** Each page's sheet: a page that starts with a sheet's title begins it; other pages continue the last one. */
async function pagesBySheet(pdf: string, titles: Map<string, string>): Promise<Map<string, number[]>> {
  const pages = (await pdfText(pdf)).split('\f').slice(0, await pdfPageCount(pdf));
  const out = new Map<string, number[]>();
  let current = '';
  pages.forEach((text, i) => {
    // A title may wrap: the page's text, spaces and line breaks taken out, starts with it.
    const flat = text.replace(/\s+/g, '');
    for (const [sheet, title] of titles) if (flat.startsWith(title)) current = sheet;
    out.set(current, [...(out.get(current) ?? []), i + 1]);
  });
  return out;
}

describe('LibreOffice prints the per-unit sheets legibly', () => {
  it('October 2026: one page per per-unit sheet at ≥ 70 % scale; pages rendered to PNG', async () => {
    const buf = await buildStatsWorkbook(demoInput(OCTOBER));
    const wb = await loadXlsx(buf);
    const file = join(tmp.dir, '统计表-2026-10.xlsx');
    writeFileSync(file, buf);
    const pdf = await convertToPdf(file);
    const titles = new Map(wb.worksheets.map((ws) => [ws.name, ws.getCell('A1').text]));
    const pages = await pagesBySheet(pdf, titles);
    expect([...pages.keys()]).toEqual(wb.worksheets.map((w) => w.name));
    expect(pages.get('线索处置统计表')!.length).toBe(1);
    expect(pages.get('四种形态统计表')!.length).toBe(1);
    const pngDir = process.env.STATS_PNG_DIR;
    if (pngDir) mkdirSync(pngDir, { recursive: true });
    for (const ws of wb.worksheets) {
      const [page] = pages.get(ws.name)!;
      const png = await pdfToPng(pdf, page, 70);
      if (pngDir) copyFileSync(png, join(pngDir, `${page}-${ws.name}.png`));
      if (!ws.name.startsWith('分单位·')) continue;
      expect(pages.get(ws.name), ws.name).toHaveLength(1);
      // The scale LibreOffice chose: a CJK glyph is one em wide, so a unit name's width per character is the
      // printed size of the 11 pt body font. Figures sit on the same rows in the same font: same height.
      const words = await pdfWords(pdf, page);
      const name = words.find((w) => w.text === ws.getCell(5, 2).text)!;
      expect(name, ws.name).toBeDefined();
      const printed = (name.x1 - name.x0) / [...name.text].length;
      expect(printed / 11, ws.name).toBeGreaterThanOrEqual(0.7);
      const figure = words.find(
        (w) => Math.abs(w.y0 + w.y1 - name.y0 - name.y1) < 4 && w.x0 > name.x1 && /^[\d.]+%?$/.test(w.text),
      )!;
      expect(figure, ws.name).toBeDefined();
      expect(figure.y1 - figure.y0).toBeCloseTo(name.y1 - name.y0, 0);
      // The title (18 pt) is printed at the same scale.
      const title = words.find((w) => w.text === ws.getCell('A1').text)!;
      expect((title.x1 - title.x0) / [...title.text].length / 18).toBeCloseTo(printed / 11, 1);
    }
  });

  it('a long per-unit sheet repeats its header rows on page 2', async () => {
    // 70 units: more than one landscape page tall. Only 组织领导's indicators, to keep the workbook short.
    const settings = testSettings();
    const values = indicatorValues().filter((v) => v.category === '组织领导');
    const perUnit = Array.from({ length: 70 }, (_, i) => ({
      unitId: `u${i}`,
      unitName: `第${i + 1}单位`,
      values: values.map((v) => ({
        ...v,
        period: v.kind === 'list' ? [] : i,
        cumulative: v.kind === 'list' ? [] : 2 * i,
      })),
    }));
    const buf = await buildStatsWorkbook({
      settings,
      query: { from: '2026-04-01', to: '2026-04-30' },
      values,
      perUnit,
    });
    const wb = await loadXlsx(buf);
    expect(perUnitSheets(wb).map((w) => w.name)).toEqual(['分单位·组织领导']);
    const file = join(tmp.dir, '统计表-长.xlsx');
    writeFileSync(file, buf);
    const pdf = await convertToPdf(file);
    const titles = new Map(wb.worksheets.map((ws) => [ws.name, ws.getCell('A1').text]));
    const sheetPages = (await pagesBySheet(pdf, titles)).get('分单位·组织领导')!;
    expect(sheetPages.length).toBeGreaterThanOrEqual(2);
    const second = (await pdfText(pdf)).split('\f')[sheetPages[1] - 1];
    const lines = second.split('\n').filter((l) => l.trim());
    // Page 2 starts with the two header rows (not the title), then units that were not on page 1.
    expect(second).not.toContain('分单位统计表');
    expect(lines.slice(0, 4).join('\n')).toMatch(/序号/);
    expect(lines.slice(0, 4).join('\n')).toMatch(/督导检查次数/);
    expect(lines.slice(0, 4).join('\n')).toMatch(/本期※?\s+累计※?/);
    expect(second).toMatch(/第\d+单位/);
    expect(second).not.toMatch(/\s第1单位\s/);
    const png = await pdfToPng(pdf, sheetPages[1], 70);
    if (process.env.STATS_PNG_DIR) copyFileSync(png, join(process.env.STATS_PNG_DIR, 'long-page2.png'));
  });
});
