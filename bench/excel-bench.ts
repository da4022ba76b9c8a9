// Excel benchmark: what the app adds on top of exceljs doing the same work, as ratios measured in one run.
// Import 10,000 rows vs exceljs reading the same file, export 100,000 rows vs its streaming writer, the
// statistics workbook, and the peak RSS of importing 100,000 rows (preview and commit through the service's
// handlers, in bundled child processes, plain node).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { buildStatsWorkbook, exportLedger, ledgerColumns, previewImport } from '../src-main/excel';
import { buildLookups, encodeCell } from '../src-main/excel/codec';
import { collect, exportColumnDefs } from '../src-main/excel/export-ledger';
import { meetings } from '../src-main/shared/ledgers/meetings';
import type { IndicatorValue } from '../src-main/shared/indicators';
import { catalog } from '../src-main/stats';
import { meetingRecords, testSettings } from '../tests/unit/excel/fixtures';

const settings = testSettings();
const root = fileURLToPath(new URL('..', import.meta.url));

interface Timing {
  wall: number;
  cpu: number;
}

/** Runs `a` and `b` alternately after a warm-up of each; medians of wall and CPU time. */
async function compare(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs: number,
): Promise<[Timing, Timing]> {
  const samples: Timing[][] = [[], []];
  await a();
  await b();
  for (let i = 0; i < runs; i++) {
    for (const [k, f] of [a, b].entries()) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await f();
      const c = process.cpuUsage(c0);
      samples[k].push({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 });
    }
  }
  const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return samples.map((s) => ({ wall: med(s.map((x) => x.wall)), cpu: med(s.map((x) => x.cpu)) })) as [
    Timing,
    Timing,
  ];
}

async function rawStreamRead(buf: Buffer): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {});
  for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
    for await (const row of ws) void row.values;
  }
}

async function rawDocumentRead(buf: Buffer): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  wb.worksheets[0].eachRow((row) => void row.values);
}

/** exceljs alone: the same rows (already cell values) through the streaming writer with the same columns. */
async function rawWrite(rows: unknown[][], cols: ReturnType<typeof ledgerColumns>): Promise<Buffer> {
  const out = new PassThrough();
  const done = collect(out);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('会议台账');
  ws.columns = exportColumnDefs(cols);
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return done;
}

const ms = (n: number) => `${n.toFixed(0)} ms`;
const ratio = (a: Timing, b: Timing) =>
  `${(a.wall / b.wall).toFixed(2)}×（CPU ${(a.cpu / b.cpu).toFixed(2)}×）`;

/** Fresh processes per mode: V8's collection timing makes one process's peak vary by tens of MB. */
const RSS_RUNS = 3;

/**
 * Peak RSS of importing `file` in a fresh node process running bundled code, through the Excel service's own
 * handlers as the app calls them (base64 in): 'preview' is the preview channel, 'commit' the commit channel up to
 * the hand-over of every record to the ledger service (stubbed: the store's write is the store bench's); 'raw'
 * is exceljs's streaming reader alone. Several runs each; the highest peak is the figure.
 */
async function peakRss(file: string, dir: string): Promise<Record<'preview' | 'commit' | 'raw', string>> {
  const entry = `
    import { readFileSync } from 'node:fs';
    import { Readable } from 'node:stream';
    import ExcelJS from 'exceljs';
    import { createExcelService } from './src-main/services/excel-service.ts';
    import { testSettings } from './tests/unit/excel/fixtures.ts';
    const [mode, file] = process.argv.slice(2);
    const start = process.memoryUsage().rss / 1048576;
    let rows = 0;
    if (mode === 'raw') {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([readFileSync(file)]), {});
      for await (const ws of reader) for await (const row of ws) { void row.values; rows++; }
    } else {
      const sc = { settings: () => testSettings(), records: () => [], logger: { info() {}, warn() {} } };
      const excel = createExcelService(sc, {
        computeValues: () => ({ values: [], perUnit: [] }),
        ledgerService: { bulkImport: async (_l, r) => (rows = r.create.length + r.update.length) },
      });
      const args = { ledger: 'meetings', fileName: 'rows.xlsx', dataBase64: readFileSync(file).toString('base64'), onDuplicate: 'skip' };
      if (mode === 'preview') rows = (await excel['excel:importPreview'](args, {})).summary.total;
      else await excel['excel:importCommit'](args, {});
    }
    console.log(JSON.stringify({ start, peak: process.resourceUsage().maxRSS / 1024, rows }));
  `;
  const out = join(root, 'node_modules', '.cache', 'excel-bench', 'rss-child.mjs');
  mkdirSync(join(root, 'node_modules', '.cache', 'excel-bench'), { recursive: true });
  await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: out,
    logLevel: 'error',
  });
  const run = (mode: string) => {
    const rs = Array.from(
      { length: RSS_RUNS },
      () =>
        JSON.parse(execFileSync(process.execPath, [out, mode, file], { encoding: 'utf8', cwd: dir })) as {
          start: number;
          peak: number;
          rows: number;
        },
    );
    const peaks = rs.map((r) => r.peak).sort((a, b) => a - b);
    const start = Math.max(...rs.map((r) => r.start));
    return `${peaks[peaks.length - 1].toFixed(0)} MB（${RSS_RUNS} 次 ${peaks.map((p) => p.toFixed(0)).join('/')}；进程启动 ${start.toFixed(0)} MB，${rs[0].rows} 行）`;
  };
  return { preview: run('preview'), commit: run('commit'), raw: run('raw') };
}

export async function runExcelBench(): Promise<void> {
  console.log('# Excel（exceljs 4.4；比值 = 本软件 ÷ exceljs 原生做同样的事，同一次运行，交替执行取中位数）');

  const file10k = await exportLedger(meetings, meetingRecords(10_000), settings);
  // As the preview channel calls it: every row read and validated, the first 2,000 kept to be shown.
  const ours = () =>
    previewImport(meetings, file10k, {
      settings,
      existing: [],
      options: { onDuplicate: 'skip' },
      keepRows: 2000,
    });
  const [imp, stream] = await compare(ours, () => rawStreamRead(file10k), 7);
  const [imp2, doc] = await compare(ours, () => rawDocumentRead(file10k), 5);
  console.log(`导入预览 10,000 行：${ms(imp.wall)}（预算 ≤ 3 s）`);
  console.log(`  对 exceljs 流式读取同一文件（${ms(stream.wall)}）：${ratio(imp, stream)}`);
  console.log(`  对 exceljs 文档模型读取同一文件（${ms(doc.wall)}）：${ratio(imp2, doc)}（预算 ≤ 1.5×）`);

  const records = meetingRecords(100_000);
  const cols = ledgerColumns(meetings, settings);
  const lk = buildLookups(settings);
  const rows = records.map((r) => cols.map((c) => encodeCell(c, r[c.key], lk)));
  const [exp, w] = await compare(
    () => exportLedger(meetings, records, settings),
    () => rawWrite(rows, cols),
    3,
  );
  console.log(
    `导出 100,000 行：${ms(exp.wall)}（预算 ≤ 3 s）；exceljs 流式写同样的行 ${ms(w.wall)}；比值 ${ratio(exp, w)}（预算 ≤ 1.3×）`,
  );

  // Every indicator of the catalog, for 30 units: the largest workbook an office produces.
  const values: IndicatorValue[] = catalog().map((c, i) => ({
    ...c,
    period: c.kind === 'list' ? ['甲', '乙'] : i,
    cumulative: c.kind === 'list' ? ['甲', '乙', '丙'] : i * 3,
  }));
  const perUnit = Array.from({ length: 30 }, (_, i) => ({
    unitId: `u${i}`,
    unitName: `第${i + 1}纪工委`,
    values,
  }));
  const [st] = await compare(
    () => buildStatsWorkbook({ settings, query: { from: '2026-04-01', to: '2026-04-15' }, values, perUnit }),
    async () => {},
    5,
  );
  console.log(`统计表工作簿（4 张表，${values.length} 项指标 × 30 个单位）：${ms(st.wall)}（预算 ≤ 1 s）`);

  const dir = mkdtempSync(join(tmpdir(), 'excel-bench-'));
  try {
    const file = join(dir, 'rows-100k.xlsx');
    writeFileSync(file, await exportLedger(meetings, records, settings));
    const rss = await peakRss(file, dir);
    console.log(`导入 100,000 行的峰值内存（预算 ≤ 300 MB）：`);
    console.log(`  预览：${rss.preview}`);
    console.log(`  提交（全部记录交给台账服务时）：${rss.commit}`);
    console.log(`  exceljs 流式读取同一文件：${rss.raw}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
