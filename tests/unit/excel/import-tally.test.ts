// What a large import holds while it reads: the preview keeps only the rows it shows (flagged rows first, then
// clean ones, up to the limit) and still counts every row; the commit read gathers exactly the records the
// preview would create, handed on as the rows are read, and nothing once a row has an error.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportPreview, ImportRowPreview } from '../../../src-main/shared/contract/excel';
import { meetings } from '../../../src-main/shared/ledgers/meetings';
import { previewImport, readImport } from '../../../src-main/excel';
import { ImportTally } from '../../../src-main/excel/import-tally';
import { testSettings, toBuffer } from './fixtures';

const settings = testSettings();
const fresh = { settings, existing: [], options: { onDuplicate: 'skip' as const } };
const LIMIT = 2000;

/** What the preview channel sent before the import learnt to keep few rows: the reference selection. */
function selectForWire(rows: ImportRowPreview[], limit: number): ImportRowPreview[] {
  if (rows.length <= limit) return rows;
  const flagged = rows.filter((r) => r.errors.length || r.duplicate).slice(0, limit);
  const rest = rows.filter((r) => !r.errors.length && !r.duplicate).slice(0, limit - flagged.length);
  return [...flagged, ...rest].sort((a, b) => a.rowNumber - b.rowNumber);
}

/** 2,500 data rows (header on row 1): a bad date on rows 101 and 2,401, row 301 repeats row 51. */
async function bigFile(opts: { errors: boolean } = { errors: true }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会议');
  ws.addRow(['会议日期', '单位', '会议类型', '会议名称', '地点']);
  for (let i = 0; i < 2500; i++) {
    const row = i + 2;
    const date = opts.errors && (row === 101 || row === 2401) ? '2026-04-31' : '2026-04-01';
    const title = row === 301 ? '第50次会议' : `第${i + 1}次会议`;
    ws.addRow([date, '区纪委监委机关', '领导小组会议', title, i % 3 ? '三楼' : '']);
  }
  return toBuffer(wb);
}

function row(n: number, flag?: 'error' | 'duplicate'): ImportRowPreview {
  return {
    rowNumber: n,
    record: { title: `r${n}` },
    action: flag === 'duplicate' ? 'skip' : 'create',
    errors: flag === 'error' ? [{ row: n, column: 'A', header: '会议日期', message: '不是有效日期' }] : [],
    ...(flag === 'duplicate' ? { duplicate: { of: 'file' as const, row: 2, message: '重复' } } : {}),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('import tally', () => {
  it('holds no clean row beyond the first 2,000, counts all, and shows what the preview channel always showed', () => {
    const all: ImportRowPreview[] = [];
    for (let n = 2; n < 6002; n++)
      all.push(row(n, n % 500 === 0 ? 'error' : n % 700 === 0 ? 'duplicate' : undefined));
    const tally = new ImportTally(LIMIT);
    for (const r of all) tally.add(r);
    const flagged = all.filter((r) => r.errors.length || r.duplicate).length;
    expect(tally.held).toBe(LIMIT + flagged);
    expect(tally.total).toBe(6000);
    expect(tally).toMatchObject({
      errorRows: 12,
      errorCount: 12,
      duplicates: flagged - 12,
      skip: flagged - 12,
    });
    expect(tally.firstError?.row).toBe(500);
    expect(tally.rows()).toEqual({ rows: selectForWire(all, LIMIT), truncated: true });
  });

  it('hands a commit its records in file order until the first row with an error', () => {
    const got: string[] = [];
    const tally = new ImportTally(0, {
      create: (r) => got.push(`+${String(r.title)}`),
      update: (id, r) => got.push(`${id}=${String(r.title)}`),
    });
    const upd: ImportRowPreview = { ...row(4), action: 'update', existingId: 'x1' };
    for (const r of [row(2), row(3, 'duplicate'), upd, row(5), row(6, 'error'), row(7)]) tally.add(r);
    expect(got).toEqual(['+r2', 'x1=r4', '+r5']);
    expect(tally.held).toBe(0);
  });

  it('holds at most the limit of flagged rows too', () => {
    const tally = new ImportTally(LIMIT);
    for (let n = 2; n < 10_002; n++) tally.add(row(n, n % 2 ? 'error' : 'duplicate'));
    expect(tally.held).toBe(LIMIT);
    expect(tally.errorRows).toBe(5000);
  });

  it('keeps every row, in order, when they fit', () => {
    const all = [row(2), row(3, 'duplicate'), row(4), row(5, 'error')];
    const tally = new ImportTally(LIMIT);
    for (const r of all) tally.add(r);
    expect(tally.rows()).toEqual({ rows: all, truncated: false });
  });
});

describe('a 2,500-row import', () => {
  it('previews with the limit exactly what the full preview selected, never holding more rows than it shows', async () => {
    const file = await bigFile();
    const spy = vi.spyOn(ImportTally.prototype, 'rows');
    const limited = await previewImport(meetings, file, { ...fresh, keepRows: LIMIT });
    const full = await previewImport(meetings, file, fresh);
    // The rows held once the sheet has been read through: the clean rows shown plus the three flagged ones.
    const [limitedTally, fullTally] = spy.mock.contexts as ImportTally[];
    expect(limitedTally.held).toBe(LIMIT + 3);
    expect(fullTally.held).toBe(2500);
    expect(limited.summary).toEqual(full.summary);
    expect(limited.summary).toMatchObject({ total: 2500, errorRows: 2, duplicates: 1, canCommit: false });
    expect(limited.rowsTruncated).toBe(true);
    expect(full.rowsTruncated).toBeUndefined();
    expect(limited.rows).toEqual(selectForWire(full.rows, LIMIT));
    expect(limited.rows.filter((r) => r.errors.length).map((r) => r.rowNumber)).toEqual([101, 2401]);
  });

  it('reads for a commit the records the preview creates, and none when a row has an error', async () => {
    const clean = await bigFile({ errors: false });
    const full: ImportPreview = await previewImport(meetings, clean, fresh);
    const sink = () => {
      const got = { create: [] as unknown[], update: [] as unknown[] };
      return { got, create: (r: unknown) => got.create.push(r), update: (id: string) => got.update.push(id) };
    };
    const ok = sink();
    const read = await readImport(meetings, clean, { ...fresh, keepRows: 0 }, ok);
    expect(read.preview.summary).toEqual(full.summary);
    expect(read.preview.rows).toEqual([]);
    expect(ok.got.update).toEqual([]);
    expect(ok.got.create).toEqual(full.rows.filter((r) => r.action === 'create').map((r) => r.record));
    expect(ok.got.create).toHaveLength(2499);

    const stopped = sink();
    const bad = await readImport(meetings, await bigFile(), { ...fresh, keepRows: 0 }, stopped);
    // Rows 2–100 went on before row 101's error; nothing after it (the caller drops the batch).
    expect(stopped.got.create).toHaveLength(99);
    expect(bad.firstError).toMatchObject({ row: 101, column: 'A' });
    expect(bad.preview.summary).toMatchObject({ errorRows: 2, canCommit: false });
  });
});
