// Excel benchmark: what the app adds on top of exceljs doing the same work, as ratios measured in one run.
// Import 10,000 rows for real (preview and commit through the app's router, ledger service and durable store, a
// fresh data directory each run) against exceljs's streaming reader (the reader the app builds on) reading the same
// file; export 100,000 rows against its streaming writer; the statistics workbook; and the peak RSS of importing
// 100,000 rows for real, in bundled child processes running plain node.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildStatsWorkbook, exportLedger, ledgerColumns } from '../src-main/excel';
import { buildLookups, encodeCell } from '../src-main/excel/codec';
import { meetings } from '../src-main/shared/ledgers/meetings';
import type { IndicatorValue } from '../src-main/shared/indicators';
import { catalog } from '../src-main/stats';
import { meetingRecords, testSettings } from '../tests/unit/excel/fixtures';
import { importFile, openImportApp } from './import-app';
import { paired, printComparison, timed } from './measure';

const settings = testSettings();
const root = fileURLToPath(new URL('..', import.meta.url));

async function rawStreamRead(buf: Buffer): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {});
  for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
    for await (const row of ws) void row.values;
  }
}

/**
 * exceljs alone doing what exportLedger does with the same rows, already cell values: the streaming writer, the
 * same sheet, frozen header, page setup, column widths and date format, autofilter, the merged title line and the
 * styled header row, and one shared style object per column for the body cells.
 */
async function rawExport(
  rows: unknown[][],
  cols: ReturnType<typeof ledgerColumns>,
  title: string,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => out.on('end', () => resolve(Buffer.concat(chunks))));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('会议台账', {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = cols.map((c) => ({
    key: c.key,
    width: c.width,
    style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  const last = ws.getColumn(cols.length).letter;
  ws.autoFilter = `A2:${last}${rows.length + 2}`;
  ws.mergeCells(`A1:${last}1`);
  const t = ws.getRow(1);
  t.getCell(1).value = title;
  t.getCell(1).font = { name: '宋体', size: 11, bold: true };
  t.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  t.height = 28;
  t.commit();
  const h = ws.getRow(2);
  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  const headerStyle: Partial<ExcelJS.Style> = {
    font: { name: '宋体', size: 11, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: { top: thin, left: thin, bottom: thin, right: thin },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
  };
  cols.forEach((c, i) => {
    h.getCell(i + 1).value = c.label;
    h.getCell(i + 1).style = headerStyle;
  });
  h.height = 30;
  h.commit();
  const styles = cols.map((c): Partial<ExcelJS.Style> => (c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {}));
  for (const r of rows) {
    const row = ws.addRow(r);
    for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i];
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return done;
}

/** The worksheet XML of an .xlsx: two exports that did the same work hold the same sheet. */
async function sheetXml(buf: Buffer): Promise<string> {
  return (await JSZip.loadAsync(buf)).file('xl/worksheets/sheet1.xml')!.async('string');
}

interface SheetCells {
  name: string;
  cells: [string, ExcelJS.CellValue][];
  merges: string[];
}

/** Every non-empty cell of every sheet (a formula as its formula and result) and every merged range. */
async function cellsOf(xlsx: Buffer): Promise<SheetCells[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const cells: [string, ExcelJS.CellValue][] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (!c.isMerged || c.master === c) cells.push([c.address, c.value]);
      }),
    );
    return { name: ws.name, cells, merges: [...(ws.model.merges ?? [])] };
  });
}

/** exceljs's document model writing the same cells (values, formulas) and merges on sheets of the same names. */
async function rawWorkbook(sheets: SheetCells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const m of s.merges) ws.mergeCells(m);
    for (const [address, value] of s.cells) ws.getCell(address).value = value;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Fresh processes per mode: V8's collection timing makes one process's peak vary by tens of MB. */
const RSS_RUNS = 3;

/**
 * Peak RSS of importing `file` in a fresh node process running bundled code: 'commit' is the app's real import
 * (createApp on an empty data directory, the office's units set, then the preview and the commit channels through
 * the router, every record validated, backed up and written to the durable store); 'raw' is exceljs's streaming
 * reader reading the same rows. Several runs each; the highest peak is the figure.
 */
async function peakRss(file: string, dir: string): Promise<Record<'commit' | 'raw', string>> {
  const entry = `
    import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
    import { join } from 'node:path';
    import { Readable } from 'node:stream';
    import ExcelJS from 'exceljs';
    import { openImportApp, importFile } from './bench/import-app.ts';
    const [mode, file, dir] = process.argv.slice(2);
    const start = process.memoryUsage().rss / 1048576;
    let rows = 0;
    if (mode === 'raw') {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([readFileSync(file)]), {});
      for await (const ws of reader) for await (const row of ws) { void row.values; rows++; }
    } else {
      const data = mkdtempSync(join(dir, 'data-'));
      const app = await openImportApp(data);
      rows = (await importFile(app, readFileSync(file))).created;
      await app.close();
      rmSync(data, { recursive: true, force: true });
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
        JSON.parse(
          execFileSync(process.execPath, [out, mode, file, dir], {
            encoding: 'utf8',
            cwd: dir,
            maxBuffer: 1 << 24,
          }),
        ) as { start: number; peak: number; rows: number },
    );
    const peaks = rs.map((r) => r.peak).sort((a, b) => a - b);
    const start = Math.max(...rs.map((r) => r.start));
    return `${peaks[peaks.length - 1].toFixed(0)} MB（${RSS_RUNS} 次 ${peaks.map((p) => p.toFixed(0)).join('/')}；进程启动 ${start.toFixed(0)} MB，${rs[0].rows} 行）`;
  };
  return { commit: run('commit'), raw: run('raw') };
}

/** Ledger export and the statistics workbook, each against exceljs doing the same work. */
export async function runExportBench(): Promise<void> {
  const records = meetingRecords(100_000);
  const cols = ledgerColumns(meetings, settings);
  const lk = buildLookups(settings);
  const rows = records.map((r) => cols.map((c) => encodeCell(c, r[c.key], lk)));
  const title = `会议台账；共 ${records.length} 条`;
  const appFile = await exportLedger(meetings, records, settings);
  if ((await sheetXml(appFile)) !== (await sheetXml(await rawExport(rows, cols, title))))
    throw new Error('基准无效：原始导出的工作表与本软件的不同');
  printComparison({
    title: `台账导出（会议，${records.length.toLocaleString('en')} 行 × ${cols.length} 列）`,
    what: 'exportLedger：每条记录按列转成单元格值（单位名、选项、、连接的列表、日期）并清理 XML 不允许的字符，流式写出',
    baseline:
      'exceljs 流式写出同样的工作簿：同一工作表、冻结表头、页面设置、列宽与日期格式、自动筛选、合并的标题行、带样式的表头、每列共用一个样式对象的同样的单元格值（预先算好）；两者的工作表 XML 逐字相同，已核对',
    samples: await paired(
      timed(() => exportLedger(meetings, records, settings)),
      timed(() => rawExport(rows, cols, title)),
      5,
    ),
    budget: { ratio: 1.3, ms: 3000 },
    digits: 0,
  });

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
  const statsArgs = { settings, query: { from: '2026-04-01', to: '2026-04-15' }, values, perUnit };
  const sheets = await cellsOf(await buildStatsWorkbook(statsArgs));
  printComparison({
    title: `统计表工作簿（${sheets.length} 张表，${values.length} 项指标 × 30 个单位）`,
    what: 'buildStatsWorkbook：排版每张表（标题、填报单位、两级表头、合计行公式、※注、制表人、A4 打印设置、样式）并写出',
    baseline: `exceljs 文档模型在同名的 ${sheets.length} 张表上写同样的 ${sheets.reduce((t, s) => t + s.cells.length, 0)} 个单元格（值与公式）和 ${sheets.reduce((t, s) => t + s.merges.length, 0)} 个合并区域，不设样式，写出`,
    samples: await paired(
      timed(() => buildStatsWorkbook(statsArgs)),
      timed(() => rawWorkbook(sheets)),
      11,
      3,
    ),
    budget: { ms: 1000 },
  });
}

/** The real import of 10,000 rows, each run into a fresh data directory, against the streaming read alone. */
async function runImportBench(dir: string): Promise<void> {
  const file10k = await exportLedger(meetings, meetingRecords(10_000), settings);
  let n = 0;
  const appImport = async () => {
    const data = join(dir, `data-${n++}`);
    const app = await openImportApp(data);
    try {
      const t0 = performance.now();
      const r = await importFile(app, file10k);
      const ms = performance.now() - t0;
      if (r.created !== 10_000) throw new Error(`基准无效：只导入了 ${r.created} 条`);
      return ms;
    } finally {
      await app.close();
      rmSync(data, { recursive: true, force: true });
    }
  };
  printComparison({
    title: '台账导入（会议，10,000 行，真实路径）',
    what: '导入预览通道 + 导入提交通道（经路由、台账服务：逐行解码与校验、查重；导入前自动备份；一次写入持久存储并落盘），每次用新的空数据目录',
    baseline: 'exceljs 流式读取（本软件所用的读取器）读完同一文件的每一行（row.values）',
    samples: await paired(
      appImport,
      timed(() => rawStreamRead(file10k)),
      5,
    ),
    budget: { ratio: 2, ms: 3000 },
    digits: 0,
  });
}

export async function runExcelBench(): Promise<void> {
  console.log('# Excel（exceljs 4.4；比值 = 本软件 ÷ exceljs 原生做同样的事，同一次运行，交替执行取中位数）');
  const dir = mkdtempSync(join(tmpdir(), 'excel-bench-'));
  try {
    await runImportBench(dir);
    await runExportBench();
    const file = join(dir, 'rows-100k.xlsx');
    writeFileSync(file, await exportLedger(meetings, meetingRecords(100_000), settings));
    const rss = await peakRss(file, dir);
    console.log(`■ 导入 100,000 行的峰值内存（预算 ≤ 300 MB）`);
    console.log(`  本软件（预览 + 提交，写入持久存储）：${rss.commit}`);
    console.log(`  exceljs 流式读取同一文件：${rss.raw}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
