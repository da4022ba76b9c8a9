// Word benchmark: the progress report (indicators over the 20,000-record demo + buildReport) and a template fill,
// each against the raw docx library doing the same work, printed as ratios. Budgets: report ≤ 1 s, fill ≤ 0.5 s.
import { Document, Packer, Paragraph, PatchType, TextRun, patchDocument } from 'docx';
import type { IPatch, TableRowsPatch } from 'docx';
import JSZip from 'jszip';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PER_UNIT_PREFIX } from '../src-main/shared/placeholders';
import { catalog, computeIndicators, perUnitIndicators } from '../src-main/stats';
import { buildReport, buildReportTemplate, fillTemplate, inspectTemplate } from '../src-main/word';
import { DRAFT_NOTES } from '../src-main/services/report-notes-service';
import { ValueBook, lookupFor, unitLookupFor } from '../src-main/word/values';
import { benchDataset } from './stats-bench';

const RUNS = 15;
const WARMUP = 3;
const REPORT_BUDGET_MS = 1000;
const FILL_BUDGET_MS = 500;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

/** The text of each paragraph of a .docx body, for a raw document of the same size. */
async function paragraphsOf(buf: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

const line = (label: string, ms: number, raw: number, budget?: number) =>
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms   raw ${raw.toFixed(1).padStart(7)} ms   ×${(ms / raw).toFixed(2)}` +
      (budget ? `   budget ${budget} ms ${ms <= budget ? 'OK' : 'OVER'}` : ''),
  );

export async function runWordBench(): Promise<void> {
  const input = benchDataset();
  const query = { from: '2026-04-01', to: '2026-04-30' };
  const settings = input.settings;
  const today = '2026-05-06';
  const compute = () => ({
    values: computeIndicators(input, query),
    perUnit: perUnitIndicators(input, query),
  });
  const { values, perUnit } = compute();

  // 1. The report: buildReport alone, and end to end with the indicators, against Packer on as many paragraphs.
  const report = () => buildReport({ settings, query, values, perUnit, notes: DRAFT_NOTES, today });
  const paragraphs = await paragraphsOf(await report());
  const raw = () =>
    Packer.toBuffer(
      new Document({
        sections: [{ children: paragraphs.map((t) => new Paragraph({ children: [new TextRun(t)] })) }],
      }),
    );
  const rawMs = await time(raw);
  line(`buildReport (${paragraphs.length} paragraphs)`, await time(report), rawMs);
  line(
    'indicators + buildReport',
    await time(async () => buildReport({ settings, query, today, notes: DRAFT_NOTES, ...compute() })),
    rawMs,
    REPORT_BUDGET_MS,
  );

  // 2. A template fill: inspect + fill + verification, against patchDocument with the same patches made up front.
  const template = await buildReportTemplate({ settings, catalog: catalog(), notes: DRAFT_NOTES });
  const names = catalog().map((i) => i.name);
  const book = new ValueBook(values);
  const rows = perUnit.map((u) => unitLookupFor(u.unitName, new ValueBook(u.values)));
  const { placeholders } = await inspectTemplate(template, names);
  const text = (s: string): IPatch => ({ type: PatchType.PARAGRAPH, children: s ? [new TextRun(s)] : [] });
  const lookup = lookupFor(book);
  const patches: Record<string, IPatch | TableRowsPatch> = {};
  for (const p of placeholders) if (!p.perUnit) patches[p.key] = text(lookup(p));
  patches[PER_UNIT_PREFIX.slice(0, -1)] = {
    type: PatchType.TABLE_ROWS,
    rows: rows.map((r) =>
      Object.fromEntries(
        placeholders.filter((p) => p.perUnit).map((p) => [p.key.slice(PER_UNIT_PREFIX.length), text(r(p))]),
      ),
    ),
  };
  const rawFill = await time(() =>
    patchDocument({ outputType: 'nodebuffer', data: template, patches, keepOriginalStyles: true }),
  );
  line(
    `fillTemplate (${placeholders.length} placeholders, ${rows.length} units)`,
    await time(() => fillTemplate(template, lookup, rows)),
    rawFill,
    FILL_BUDGET_MS,
  );
  line(
    'inspect + fillTemplate',
    await time(async () => {
      await inspectTemplate(template, names);
      return fillTemplate(template, lookup, rows);
    }),
    rawFill,
    FILL_BUDGET_MS,
  );
}

// Run on its own: node bin/run-ts.js bench/word-bench.ts
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await runWordBench();
