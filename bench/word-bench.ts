// Word benchmark, each against the raw library doing the same work (bench/measure.ts prints them):
// 1. the progress report: indicators over the 20,000-record demo + buildReport, against the same indicators and
//    docx's Packer writing the same paragraphs (same text, no GB/T formatting); budget ≤ 1 s;
// 2. a template fill: fillTemplate on the built-in report saved as a template, against JSZip loading the same
//    template, replacing every placeholder (repeating the per-unit table row once per unit) and writing it again,
//    both outputs checked to read the same text; budget ≤ 0.5 s.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PER_UNIT_PREFIX } from '../src-main/shared/placeholders';
import { catalog, computeIndicators, perUnitIndicators } from '../src-main/stats';
import { buildReport, buildReportTemplate, fillTemplate, inspectTemplate } from '../src-main/word';
import { DRAFT_NOTES } from '../src-main/services/report-notes-service';
import { ValueBook, lookupFor, unitLookupFor } from '../src-main/word/values';
import { paired, printComparison, timed } from './measure';
import { benchDataset } from './stats-bench';

const RUNS = 11;
const WARMUP = 3;
const REPORT_BUDGET_MS = 1000;
const FILL_BUDGET_MS = 500;

/** Every part of a .docx that may hold placeholders: body, headers, footers, foot- and endnotes. */
const TEXT_PART = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;

/** The text of each paragraph of every text part, to check that two documents say the same. */
async function paragraphsOf(buf: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buf);
  const out: string[] = [];
  for (const path of Object.keys(zip.files).sort()) {
    if (!TEXT_PART.test(path)) continue;
    const xml = await zip.file(path)!.async('string');
    for (const p of xml.split('</w:p>'))
      out.push([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  }
  return out;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/**
 * The raw fill: JSZip loads the template; in each text part every table row holding a per-unit placeholder is
 * written once per unit with that unit's values, every other placeholder replaced by its value; JSZip writes the
 * file with the same compression. Values are looked up in maps made beforehand (the app computes them the same way).
 */
async function rawFill(
  template: Buffer,
  values: ReadonlyMap<string, string>,
  units: readonly ReadonlyMap<string, string>[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  for (const path of Object.keys(zip.files)) {
    if (!TEXT_PART.test(path)) continue;
    const xml = await zip.file(path)!.async('string');
    if (!xml.includes('{{')) continue;
    const filled = xml
      .replace(/<w:tr[ >][\s\S]*?<\/w:tr>/g, (row) =>
        row.includes(`{{${PER_UNIT_PREFIX}`)
          ? units.map((u) => row.replace(PLACEHOLDER, (m, k: string) => escapeXml(u.get(k) ?? m))).join('')
          : row,
      )
      .replace(PLACEHOLDER, (m, k: string) => escapeXml(values.get(k) ?? m));
    zip.file(path, filled);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

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

  // 1. The report, end to end from the records.
  const report = () => buildReport({ settings, query, today, notes: DRAFT_NOTES, ...compute() });
  const paragraphs = await paragraphsOf(await report());
  const rawReport = () => {
    compute();
    return Packer.toBuffer(
      new Document({
        sections: [{ children: paragraphs.map((t) => new Paragraph({ children: [new TextRun(t)] })) }],
      }),
    );
  };
  printComparison({
    title: `工作情况报告（20,000 条记录，${paragraphs.length} 段）`,
    what: 'computeIndicators + perUnitIndicators + buildReport（GB/T 9704 版式、附件表格、版记）',
    baseline: `同样的指标计算 + docx Packer 把同样的 ${paragraphs.length} 段文字各写成一个段落（无格式、无表格）`,
    samples: await paired(timed(report), timed(rawReport), RUNS, WARMUP),
    budget: { ms: REPORT_BUDGET_MS },
  });

  // 2. The template fill.
  const template = await buildReportTemplate({ settings, catalog: catalog(), notes: DRAFT_NOTES });
  const names = catalog().map((i) => i.name);
  const lookup = lookupFor(new ValueBook(values));
  const rows = perUnit.map((u) => unitLookupFor(u.unitName, new ValueBook(u.values)));
  const { placeholders } = await inspectTemplate(template, names);
  const whole = placeholders.filter((p) => !p.perUnit);
  const perUnitFields = placeholders.filter((p) => p.perUnit);
  const valueMap = new Map(whole.map((p) => [p.key, lookup(p)]));
  const unitMaps = rows.map((r) => new Map(perUnitFields.map((p) => [p.key, r(p)])));
  const appOut = await fillTemplate(template, lookup, rows);
  const rawOut = await rawFill(template, valueMap, unitMaps);
  const [a, b] = [await paragraphsOf(appOut), await paragraphsOf(rawOut)];
  if (a.join('\n') !== b.join('\n') || b.some((t) => t.includes('{{')))
    throw new Error('基准无效：原始填写与本软件的输出文字不同');
  printComparison({
    title: `模板填写（${whole.length} 个占位符，按单位表 ${perUnitFields.length} 列 × ${rows.length} 个单位）`,
    what: 'fillTemplate：载入、检查占位符、规范写法、逐处填写、docx patchDocument 复制按单位的表格行、写出、再次打开核对无遗留',
    baseline:
      'JSZip 载入同一模板，正文/页眉/页脚中含按单位占位符的表格行按单位各写一行，其余占位符逐个替换，以同样的 DEFLATE 写出（两者输出的文字逐段相同，已核对）',
    samples: await paired(
      timed(() => fillTemplate(template, lookup, rows)),
      timed(() => rawFill(template, valueMap, unitMaps)),
      RUNS,
      WARMUP,
    ),
    budget: { ms: FILL_BUDGET_MS },
  });
}

// Run on its own: node bin/run-ts.js bench/word-bench.ts
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await runWordBench();
