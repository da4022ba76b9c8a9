// Ledger import preview: checks the file, streams its sheets (exceljs WorkbookReader keeps 100,000 rows in
// bounded memory), finds the header row below any merged title rows, and previews every data row.
import type { ImportCellError, ImportPreview } from '../shared/contract/excel';
import type { LedgerDef, LedgerRecord } from '../shared/ledgers/types';
import { closest } from '../shared/closest';
import { AppFailure, isAppFailure } from '../shared/result';
import type { Settings } from '../shared/settings';
import { resetIntern, scalarText, toScalar } from './cell-value';
import { buildLookups } from './codec';
import { headerIndex, ledgerColumns, matchHeader, normHeader, stripParen } from './columns';
import type { HeaderIndex } from './columns';
import { checkXlsx } from './file-check';
import { RowProcessor } from './import-rows';
import type { MappedColumn } from './import-rows';
import { lineKind, lineOfValues, SkippedLines } from './import-lines';
import { sheetUnitOf } from './import-sheet-unit';
import { ImportTally } from './import-tally';
import type { RecordSink } from './import-tally';
import { colLetter } from './refs';
import { openStreamReader } from './stream-reader';
import type { StreamSheet } from './stream-reader';

/** Rows above the header that may hold titles, notes and the reporting unit. */
const HEADER_SCAN_ROWS = 30;
/** The most data rows one import takes; the office splits bigger files by year or unit. */
export const MAX_IMPORT_ROWS = 100_000;

export interface ImportContext {
  settings: Settings;
  existing: LedgerRecord[];
  options: { onDuplicate: 'skip' | 'update' };
  fileName?: string;
  /**
   * Rows the preview holds and returns: the first this many rows with an error or a duplicate, then the first
   * clean rows up to this many in all (`rowsTruncated` is set when that leaves rows out). Every row is still
   * read, validated and counted in the summary. Default: all rows.
   */
  keepRows?: number;
  /** The file is this unit's return (a unit id): every row must be the unit's. */
  returnUnit?: string;
  /** …and every row must be dated in the return's period. */
  returnPeriod?: { from: string; to: string };
}

/** An import read for a commit: the preview (its rows as `keepRows` says); the records went to the sink. */
export interface ImportRead {
  preview: ImportPreview;
  /** The first error of the file, whichever rows the preview holds. */
  firstError?: ImportCellError;
  /** Ids of the stored records the file's rows matched (a corrected return removes the others of its unit). */
  matched: ReadonlySet<string>;
}

interface HeaderFound {
  row: number;
  /** Number of the first data row. */
  dataFrom: number;
  columns: MappedColumn[];
  unknown: { column: string; header: string }[];
  duplicated: { column: string; header: string }[];
}

function cellText(v: unknown): string {
  return scalarText(toScalar(v)).trim();
}

/** Columns sheets commonly carry that are no field of any ledger and need no warning. */
const IGNORED_HEADERS = new Set(['序号', '序', '行号', 'no', 'no.']);

function mapRow(values: readonly unknown[], idx: HeaderIndex) {
  const matched: MappedColumn[] = [];
  const unmatched: { col: number; text: string }[] = [];
  for (let c = 1; c < values.length; c++) {
    const text = cellText(values[c]);
    if (!text) continue;
    const spec = matchHeader(idx, text);
    if (!spec && IGNORED_HEADERS.has(normHeader(text))) continue;
    if (spec) matched.push({ col: c, letter: colLetter(c), header: text, spec });
    else unmatched.push({ col: c, text });
  }
  return { matched, unmatched, score: new Set(matched.map((m) => m.spec.key)).size };
}

/** The best-matching row among the first rows; a second header row below merged group headers is merged in. */
function findHeader(rows: { number: number; values: unknown[] }[], idx: HeaderIndex): HeaderFound | null {
  let best: { i: number; m: ReturnType<typeof mapRow> } | null = null;
  rows.forEach((r, i) => {
    const m = mapRow(r.values, idx);
    if (m.score >= 2 && (!best || m.score > best.m.score)) best = { i, m };
  });
  if (!best) return null;
  const { i, m } = best as { i: number; m: ReturnType<typeof mapRow> };
  let { matched, unmatched } = m;
  let dataFrom = rows[i].number + 1;
  const next = rows[i + 1];
  if (next && next.number === rows[i].number + 1) {
    const sub = mapRow(next.values, idx);
    const taken = new Set(matched.map((c) => c.col));
    const free = sub.matched.filter((c) => !taken.has(c.col));
    // A sub-header row: it names columns the row above left to a merged group title, and holds nothing else.
    if (free.length && sub.unmatched.length === 0 && free.length === sub.matched.length) {
      matched = [...matched, ...free].sort((a, b) => a.col - b.col);
      unmatched = unmatched.filter((u) => !free.some((f) => f.col === u.col));
      dataFrom += 1;
    }
  }
  const seen = new Set<string>();
  const columns: MappedColumn[] = [];
  const duplicated: HeaderFound['duplicated'] = [];
  for (const c of matched) {
    if (seen.has(c.spec.key)) duplicated.push({ column: c.letter, header: c.header });
    else columns.push(c);
    seen.add(c.spec.key);
  }
  return {
    row: rows[i].number,
    dataFrom,
    columns,
    unknown: unmatched.map((u) => ({ column: colLetter(u.col), header: u.text })),
    duplicated,
  };
}

/** Previews an import of `buf` into ledger `def`; throws AppFailure('bad_file') for files it cannot use. */
export async function previewImport(
  def: LedgerDef,
  buf: Uint8Array,
  ctx: ImportContext,
): Promise<ImportPreview> {
  return (await read(def, buf, ctx, null)).preview;
}

/**
 * Reads an import for a commit: the same checks and preview, with each clean record handed to `sink` as its row
 * is read (in file order), until the first row with an error; the preview then says it cannot be committed and
 * the caller drops what the sink received. No preview object is kept per row.
 */
export function readImport(
  def: LedgerDef,
  buf: Uint8Array,
  ctx: ImportContext,
  sink: RecordSink | null,
): Promise<ImportRead> {
  return read(def, buf, ctx, sink);
}

async function read(
  def: LedgerDef,
  buf: Uint8Array,
  ctx: ImportContext,
  sink: RecordSink | null,
): Promise<ImportRead> {
  await checkXlsx(buf, ctx.fileName);
  let fed = false;
  const counted: RecordSink | null = sink && {
    create(record) {
      fed = true;
      sink.create(record);
    },
    update(id, record) {
      fed = true;
      sink.update(id, record);
    },
  };
  try {
    return await readWorkbook(def, buf, ctx, counted);
  } catch (e) {
    // exceljs's streaming reader very rarely fails inside its own bookkeeping on a valid file ("reading 'sheets'",
    // seen once under heavy load, not reproducible); the file was already checked above, so one fresh read decides.
    // Not once a record has gone to a sink that cannot forget it: a second read would hand it over twice.
    if (isAppFailure(e) && e.details?.retryable && (!fed || sink?.reset)) {
      sink?.reset?.();
      return readWorkbook(def, buf, ctx, counted);
    }
    throw e;
  }
}

async function readWorkbook(
  def: LedgerDef,
  buf: Uint8Array,
  ctx: ImportContext,
  sink: RecordSink | null,
): Promise<ImportRead> {
  resetIntern();
  const cols = ledgerColumns(def, ctx.settings, { includeConfidential: true });
  const idx = headerIndex(cols);
  const reader = openStreamReader(Buffer.isBuffer(buf) ? buf : Buffer.from(buf));
  const sheetsSeen: string[] = [];
  try {
    for await (const sheet of reader) {
      sheetsSeen.push(sheet.name);
      if (sheet.state === 'hidden' || sheet.state === 'veryHidden') {
        for await (const _row of sheet) void _row; // drained: the zip stream must be read through
        continue;
      }
      const result = await readSheet(def, sheet, idx, ctx, reader.date1904, sink);
      if (result) return result;
    }
  } catch (e) {
    if (isAppFailure(e)) throw e;
    throw new AppFailure(
      'bad_file',
      `文件内容无法读取（${e instanceof Error ? e.message.slice(0, 80) : '结构异常'}）。请在 WPS 或 Excel 中打开该文件，另存为 .xlsx 后再导入。`,
      { retryable: true },
    );
  }
  const required = cols.filter((c) => c.required).map((c) => `“${c.label}”`);
  throw new AppFailure(
    'bad_file',
    `在${sheetsSeen.length ? `工作表“${sheetsSeen.join('”“')}”` : '文件'}的前${HEADER_SCAN_ROWS}行中没有找到${def.label}台账的表头（至少应有${required.slice(0, 3).join('')}等列）。请确认选择的是${def.label}台账，或先下载导入模板，按模板的列标题填写后再导入。`,
    { sheets: sheetsSeen },
  );
}

async function readSheet(
  def: LedgerDef,
  sheet: StreamSheet,
  idx: HeaderIndex,
  ctx: ImportContext,
  date1904: boolean,
  sink: RecordSink | null,
): Promise<ImportRead | null> {
  const head: { number: number; values: unknown[] }[] = [];
  let found: HeaderFound | null = null;
  let proc: RowProcessor | null = null;
  const tally = new ImportTally(ctx.keepRows ?? Infinity, sink);
  const lines = new SkippedLines();
  const handle = (
    number: number,
    cell: (col: number) => unknown,
    line: { firstText?: string; filled: number },
  ) => {
    if (!proc || !found || number < found.dataFrom) return;
    const kind = lineKind(line.firstText, line.filled);
    if (kind) return lines.add(kind, number);
    const r = proc.process(number, cell);
    if (!r) return;
    tally.add(r);
    if (tally.total > MAX_IMPORT_ROWS) {
      throw new AppFailure(
        'bad_file',
        `工作表“${sheet.name}”的数据超过 ${MAX_IMPORT_ROWS} 行（第 ${number} 行仍有数据），超过了一次导入的上限。请按年份或单位拆成几个文件分批导入。`,
        { limit: MAX_IMPORT_ROWS },
      );
    }
  };
  let defaultUnit: string | undefined;
  const start = () => {
    found = findHeader(head, idx);
    if (!found) return;
    const line = sheetUnitOf(head, found.row, ctx.settings);
    const unitName = (id: string) => ctx.settings.units.find((u) => u.id === id)?.name ?? id;
    if (ctx.returnUnit && line?.id && line.id !== ctx.returnUnit) {
      throw new AppFailure(
        'validation',
        `工作表“${sheet.name}”第${line.row}行写的填报单位是“${line.written}”，不是本次报送的“${unitName(ctx.returnUnit)}”。请核对选择的文件和报送单位。`,
      );
    }
    defaultUnit = ctx.returnUnit ?? line?.id;
    proc = new RowProcessor({
      def,
      settings: ctx.settings,
      lookups: buildLookups(ctx.settings, date1904),
      columns: found.columns,
      existing: ctx.existing,
      onDuplicate: ctx.options.onDuplicate,
      defaultUnit,
      expectUnit: ctx.returnUnit,
      expectPeriod: ctx.returnPeriod,
    });
    for (const r of head) handle(r.number, (c) => r.values[c], lineOfValues(r.values));
  };
  let skipping = false; // no header in the first rows: this sheet is read through (the zip stream must be) and left
  for await (const row of sheet) {
    if (skipping) continue;
    if (!proc) {
      if (head.length < HEADER_SCAN_ROWS) head.push({ number: row.number, values: row.values });
      if (head.length < HEADER_SCAN_ROWS) continue;
      start();
      skipping = !found;
      continue;
    }
    // Only the mapped cells are read: no values array per row.
    handle(row.number, (c) => row.cell(c), { firstText: row.firstText(), filled: row.filled });
  }
  if (skipping) return null;
  if (!proc) start();
  if (!found) return null;
  const preview = finish(
    def,
    sheet.name,
    found,
    tally,
    ledgerColumns(def, ctx.settings, { includeConfidential: true }),
    lines,
    defaultUnit && ctx.settings.units.find((u) => u.id === defaultUnit)?.name,
  );
  return { preview, firstError: tally.firstError, matched: tally.matched };
}

function finish(
  def: LedgerDef,
  sheetName: string,
  found: HeaderFound,
  tally: ImportTally,
  cols: ReturnType<typeof ledgerColumns>,
  lines: SkippedLines,
  /** The unit rows without one take (the return's, or the 填报单位 line's). */
  defaultUnitName?: string,
): ImportPreview {
  const present = new Set(found.columns.map((c) => c.spec.key));
  const unitFromSheet = !!defaultUnitName && !present.has('unit');
  if (unitFromSheet) present.add('unit');
  const missingRequired = cols.filter((c) => c.required && !present.has(c.key)).map((c) => c.label);
  const warnings: string[] = [];
  // A header the ledger does not know, with the nearest column the file lacks ("开会日期" → "会议日期").
  const names = new Map<string, string>();
  for (const c of cols) {
    if (present.has(c.key)) continue;
    for (const n of [c.label, ...c.aliases]) if (!names.has(n)) names.set(n, c.label);
  }
  for (const u of found.unknown) {
    const near = closest(stripParen(normHeader(u.header)), names.keys(), normHeader);
    const label = near && names.get(near);
    warnings.push(
      `第${found.row}行${u.column}列的“${u.header}”不是${def.label}台账的列，导入时将忽略这一列。` +
        (label ? `“${u.header}”是不是“${label}”？如果是，请把表头改为“${label}”后重新导入。` : ''),
    );
  }
  for (const d of found.duplicated) {
    warnings.push(`第${found.row}行${d.column}列的“${d.header}”与前面的列重复，导入时只读取前一列。`);
  }
  if (unitFromSheet) warnings.push(`表中没有“单位”列，全部记录按填报单位“${defaultUnitName}”导入。`);
  warnings.push(...lines.sentences());
  if (tally.total === 0) warnings.push(`工作表“${sheetName}”第${found.row}行是表头，但下面没有任何数据行。`);
  if (missingRequired.length) {
    warnings.unshift(
      `缺少必填列：${missingRequired.map((l) => `“${l}”`).join('、')}。请在表头中补上这些列（可参照导入模板）后再导入。`,
    );
  }
  const { rows, truncated } = tally.rows();
  return {
    rows,
    summary: {
      sheetName,
      headerRow: found.row,
      total: tally.total,
      create: tally.create,
      update: tally.update,
      skip: tally.skip,
      duplicates: tally.duplicates,
      errorRows: tally.errorRows,
      errorCount: tally.errorCount,
      canCommit: tally.errorRows === 0 && missingRequired.length === 0 && tally.total > 0,
    },
    unknownColumns: found.unknown,
    missingRequired,
    warnings,
    ...(truncated ? { rowsTruncated: true } : {}),
  };
}
