// The month package (「生成月报」) over 20,000 records, through the real app end to end: router, store, indicators,
// the report (docx), the statistics workbook (exceljs), the superior's template filled, the files written into the
// folder. The baseline does the same work with the raw libraries and no app around them: the same indicators, docx
// Packer on the report's paragraphs, exceljs writing the workbook's cells, the template loaded/filled/written with
// exceljs, and the three files written. Budgets: package ≤ 1.5 s, report alone ≤ 1 s.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createApp } from '../src-main/app/create-app';
import { silentLogger } from '../src-main/app/logger';
import { ledgerCollection } from '../src-main/services/ledger-service';
import { SETTINGS_COLLECTION } from '../src-main/services/settings-service';
import type { CallContext } from '../src-main/shared/context';
import type { MonthlyPackage, WordFile } from '../src-main/shared/contract';
import { LEDGER_KEYS } from '../src-main/shared/ledgers/types';
import { computeIndicators, perUnitIndicators } from '../src-main/stats';
import { benchDataset } from './stats-bench';

const RUNS = 9;
const WARMUP = 2;
const PACKAGE_BUDGET_MS = 1500;
const REPORT_BUDGET_MS = 1000;
const ctx: CallContext = { door: 'internal', user: null, sessionId: 'bench' };

async function samples(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

const median = (s: number[]) => s[Math.floor(s.length / 2)];
const spread = (s: number[]) => `${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)}`;

function line(label: string, app: number[], raw: number[], budget: number) {
  const [a, r] = [median(app), median(raw)];
  console.log(
    `${label.padEnd(30)} median ${a.toFixed(0).padStart(5)} ms (${spread(app)})   raw ${r.toFixed(0).padStart(5)} ms (${spread(raw)})   ×${(a / r).toFixed(2)}   budget ${budget} ms ${a <= budget ? 'OK' : 'OVER'}`,
  );
}

async function paragraphsOf(docx: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
}

/** Every sheet's cell values (results, not formulas), to write again with raw exceljs. */
async function cellsOf(xlsx: Buffer): Promise<{ name: string; rows: unknown[][] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((r) => {
      const vals = (r.values as unknown[])
        .slice(1)
        .map((v) => (v && typeof v === 'object' && 'result' in v ? v.result : v));
      rows.push(vals);
    });
    return { name: ws.name, rows };
  });
}

async function superiorTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('上报表');
  const names = [
    '领导小组会议次数',
    '督导检查次数',
    '集中学习次数',
    '参学率',
    '心得体会篇数',
    '检视问题数',
    '整改率',
  ];
  ws.getRow(1).values = ['指标', '本期', '累计'];
  names.forEach((n, i) => (ws.getRow(i + 2).values = [n, `{{${n}}}`, `{{${n}|累计}}`]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function runPackageBench(): Promise<void> {
  const input = benchDataset();
  const month = '2026-04';
  const query = { from: '2026-04-01', to: '2026-04-30' };
  const dir = mkdtempSync(join(tmpdir(), 'bench-package-'));
  const out = mkdtempSync(join(tmpdir(), 'bench-package-out-'));
  const app = await createApp({
    dataDir: join(dir, 'data'),
    owner: 'test',
    logger: silentLogger,
    now: () => new Date('2026-06-05T10:00:00+08:00'),
  });
  try {
    await app.store.updateMany(() => ({
      [SETTINGS_COLLECTION]: { ...input.settings, outputDir: out, setupDone: true },
      ...Object.fromEntries(LEDGER_KEYS.map((k) => [ledgerCollection(k), input.ledgers[k]])),
    }));
    const template = await superiorTemplate();
    const added = await app.call(
      'excel:templates:add',
      {
        name: '上级月报表',
        fileName: '上级月报表.xlsx',
        dataBase64: template.toString('base64'),
        isDefault: true,
      },
      ctx,
    );
    if (!added.ok) throw new Error(added.error.message);
    const call = async <T>(channel: 'report:monthly' | 'word:report', args: object): Promise<T> => {
      const r = await app.call(channel, args, ctx);
      if (!r.ok) throw new Error(r.error.message);
      return r.data as T;
    };
    const pkg = await call<MonthlyPackage>('report:monthly', { month, withData: true });
    const report = await call<WordFile>('word:report', query);
    const stats = pkg.files.find((f) => f.kind === 'stats')!;
    const paragraphs = await paragraphsOf(Buffer.from(report.dataBase64, 'base64'));
    const sheets = await cellsOf(Buffer.from(stats.dataBase64!, 'base64'));
    console.log(
      `${LEDGER_KEYS.reduce((t, k) => t + input.ledgers[k].length, 0)} 条记录；报告 ${paragraphs.length} 段；统计表 ${sheets.length} 张表 ${sheets.reduce((t, s) => t + s.rows.length, 0)} 行`,
    );

    const rawReport = async () => {
      computeIndicators(input, query);
      perUnitIndicators(input, query);
      return Packer.toBuffer(
        new Document({
          sections: [{ children: paragraphs.map((t) => new Paragraph({ children: [new TextRun(t)] })) }],
        }),
      );
    };
    const rawPackage = async () => {
      const docx = await rawReport();
      const wb = new ExcelJS.Workbook();
      for (const s of sheets) {
        const ws = wb.addWorksheet(s.name);
        s.rows.forEach((r, i) => (ws.getRow(i + 1).values = r as ExcelJS.CellValue[]));
      }
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      const tpl = new ExcelJS.Workbook();
      await tpl.xlsx.load(template as unknown as ArrayBuffer);
      const values = computeIndicators(input, query);
      tpl.getWorksheet('上报表')!.eachRow((r, n) => {
        if (n === 1) return;
        const v = values.find((x) => x.name === r.getCell(1).text);
        r.getCell(2).value = typeof v?.period === 'number' ? v.period : 0;
        r.getCell(3).value = typeof v?.cumulative === 'number' ? v.cumulative : 0;
      });
      const filled = Buffer.from(await tpl.xlsx.writeBuffer());
      writeFileSync(join(out, 'raw-report.docx'), docx);
      writeFileSync(join(out, 'raw-stats.xlsx'), xlsx);
      writeFileSync(join(out, 'raw-superior.xlsx'), filled);
    };

    line(
      '月报（报告+统计表+上级模板）',
      await samples(() => call('report:monthly', { month })),
      await samples(rawPackage),
      PACKAGE_BUDGET_MS,
    );
    line(
      '工作情况报告',
      await samples(() => call('word:report', query)),
      await samples(rawReport),
      REPORT_BUDGET_MS,
    );
    console.log(
      '  raw = 同样的指标计算 + docx Packer 写同样的段落 + exceljs 写同样的单元格（无样式）+ 模板载入填写 + 写三个文件；app = 经路由的真实路径（含审计、样式、版记、校验）',
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

// Run on its own: node bin/run-ts.js bench/package-bench.ts
if (import.meta.url === `file://${process.argv[1]}`) await runPackageBench();
