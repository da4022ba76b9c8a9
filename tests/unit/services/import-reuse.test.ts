// The commit of a file just previewed takes the records the preview read, and only when nothing they were checked
// against has changed: another caller, another file, a settings edit or any write to the ledger since the preview
// make the commit read the file again (and answer as a fresh read would).
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExcelService } from '../../../src-main/services/excel-service';
import type { ExcelHandlers } from '../../../src-main/services/excel-service';
import { createImportReuse, HeldRecords } from '../../../src-main/services/import-reuse';
import { createLedgerService, ledgerCollection } from '../../../src-main/services/ledger-service';
import type { CallContext } from '../../../src-main/shared/context';
import { excelContract } from '../../../src-main/shared/contract/excel';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import type { Settings } from '../../../src-main/shared/settings';
import { storeServiceContext } from '../../helpers/service-context';
import { openTestApp, sampleMeeting, setUpOffice, testCtx } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';
import { toBuffer } from '../excel/fixtures';

let t: TestApp;
let excel: ExcelHandlers;
let logged: Record<string, unknown>[];

beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  logged = [];
  const sc = storeServiceContext(t.app.store);
  sc.logger = {
    info: (_m, data) => void logged.push((data ?? {}) as Record<string, unknown>),
    warn() {},
    error() {},
  };
  excel = createExcelService(sc, {
    computeValues: () => ({ values: [], perUnit: [] }),
    ledgerService: createLedgerService(sc),
  });
});
afterEach(() => t.close());

async function call<C extends 'excel:importPreview' | 'excel:importCommit'>(
  channel: C,
  args: unknown,
  ctx: CallContext = testCtx,
): Promise<Awaited<ReturnType<ExcelHandlers[C]>>> {
  const parsed = excelContract[channel].args.parse(args) as Parameters<ExcelHandlers[C]>[0];
  return (excel[channel] as (a: unknown, c: CallContext) => Promise<Awaited<ReturnType<ExcelHandlers[C]>>>)(
    parsed,
    ctx,
  );
}

async function file(titles: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会议');
  ws.addRow(['会议日期', '单位', '会议类型', '会议名称']);
  for (const title of titles) ws.addRow(['2026-04-01', '区纪委监委机关', '领导小组会议', title]);
  return (await toBuffer(wb)).toString('base64');
}

const args = async (titles = ['甲会', '乙会']) => ({
  ledger: 'meetings',
  fileName: 'a.xlsx',
  dataBase64: await file(titles),
  onDuplicate: 'skip',
});
const meetings = () => t.app.store.get<LedgerRecord[]>(ledgerCollection('meetings'));
const reused = () => logged.at(-1)?.reused;

describe('commit after preview', () => {
  it('takes the previewed records when nothing changed, with the same result as a fresh read', async () => {
    const a = await args();
    await call('excel:importPreview', a);
    expect(await call('excel:importCommit', a)).toEqual({ created: 2, updated: 0, skipped: 0 });
    expect(reused()).toBe(true);
    expect(meetings().map((r) => r.title)).toEqual(['甲会', '乙会']);
    // Given out once: committing the same file again reads it, and finds both rows already there.
    expect(await call('excel:importCommit', a)).toEqual({ created: 0, updated: 0, skipped: 2 });
    expect(reused()).toBe(false);
  });

  it('reads the file again when the ledger was written since the preview', async () => {
    const a = await args();
    await call('excel:importPreview', a);
    await t.ok('ledgers:create', {
      ledger: 'meetings',
      record: sampleMeeting({ date: '2026-04-01', title: '乙会' }),
    });
    expect(await call('excel:importCommit', a)).toEqual({ created: 1, updated: 0, skipped: 1 });
    expect(reused()).toBe(false);
    expect(meetings()).toHaveLength(2);
  });

  it('reads the file again when settings changed, and refuses rows they no longer allow', async () => {
    const a = await args();
    await call('excel:importPreview', a);
    const s = t.app.store.get<Settings>('settings');
    await t.ok('settings:update', { settings: { ...s, units: s.units.filter((u) => u.id !== 'u-office') } });
    await expect(call('excel:importCommit', a)).rejects.toMatchObject({ code: 'validation' });
    expect(meetings()).toEqual([]);
  });

  it('never gives one caller the preview of another, nor a preview of another file', async () => {
    const a = await args();
    await call('excel:importPreview', a);
    await call('excel:importCommit', a, { ...testCtx, sessionId: 'someone-else' });
    expect(reused()).toBe(false);
    await call('excel:importPreview', await args(['丙会']));
    expect(await call('excel:importCommit', await args(['丁会']))).toEqual({
      created: 1,
      updated: 0,
      skipped: 0,
    });
    expect(reused()).toBe(false);
    expect(meetings().map((r) => r.title)).toEqual(['甲会', '乙会', '丁会']);
  });
});

describe('import reuse', () => {
  const key = (over: object = {}) => ({
    file: Buffer.from('同一个文件'),
    ledger: 'meetings',
    onDuplicate: 'skip',
    caller: 'internal:test',
    settings: Object.freeze({}),
    records: Object.freeze([]),
    ...over,
  });

  it('holds for ten minutes, then reads again', () => {
    let now = 0;
    const reuse = createImportReuse(() => now);
    const k = key();
    reuse.hold(k, new HeldRecords(), 0);
    now = 10 * 60_000 + 1;
    expect(reuse.take(k)).toBeNull();
    reuse.hold(k, new HeldRecords(), 3);
    now += 60_000;
    expect(reuse.take(k)?.skipped).toBe(3);
  });

  it('holds nothing for a file with more rows than it may keep', () => {
    const reuse = createImportReuse();
    const held = new HeldRecords();
    for (let i = 0; i <= 20_000; i++) held.create({ title: `第${i}次` });
    expect(held.overflow).toBe(true);
    expect(held.creates).toEqual([]);
    const k = key();
    reuse.hold(k, held, 0);
    expect(reuse.take(k)).toBeNull();
  });
});
