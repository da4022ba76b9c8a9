// 报送 through the real router and store: a task says which units return which ledgers by when; a sheet imported
// as a unit's return must hold only that unit's rows (or take the unit from its 填报单位 line) and is recorded;
// 报送情况 tells 已报 / 未报 / 逾期 and words the 催报 text. The clock is 2026-04-20.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ledgerCollection } from '../../../src-main/services/ledger-service';
import type { ReturnTask } from '../../../src-main/shared/contract/returns';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { openTestApp, setUpOffice } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';
import { toBuffer } from '../excel/fixtures';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterEach(() => t.close());

const task = async (over: Partial<ReturnTask> = {}) =>
  (
    await t.ok('returns:saveTask', {
      name: '2026年3月报送',
      from: '2026-03-01',
      to: '2026-03-31',
      due: '2026-04-25',
      ledgers: ['meetings'],
      units: ['u-office', 'u-town1'],
      ...over,
    })
  ).task;

/** A return as a township sends it: title, 填报单位 line, no unit column unless given. */
async function returnSheet(opts: {
  unitLine?: string;
  rows: unknown[][];
  header?: string[];
}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会议');
  ws.getCell('A1').value = '会议情况统计表';
  ws.getCell('A2').value = opts.unitLine ?? '';
  ws.getRow(3).values = opts.header ?? ['会议日期', '会议类型', '会议名称'];
  opts.rows.forEach((r, i) => (ws.getRow(4 + i).values = r as ExcelJS.CellValue[]));
  return (await toBuffer(wb)).toString('base64');
}

const importArgs = (dataBase64: string, returnFor?: { taskId: string; unit: string }) => ({
  ledger: 'meetings' as const,
  fileName: '城关街道纪工委3月会议.xlsx',
  dataBase64,
  onDuplicate: 'skip' as const,
  ...(returnFor ? { returnFor } : {}),
});
const meetings = () => t.app.store.get<LedgerRecord[]>(ledgerCollection('meetings'));

describe('报送', () => {
  it('records a unit’s return and shows who has reported, with the 催报 text for the rest', async () => {
    const rt = await task();
    let status = await t.ok('returns:status', { taskId: rt.id });
    expect(status.counts).toEqual({ reported: 0, pending: 2, overdue: 0 });

    const data = await returnSheet({
      unitLine: '填报单位（盖章）：城关街道纪工委    填报时间：2026年4月2日',
      rows: [
        ['2026-03-05', '领导小组会议', '街道教育整顿推进会'],
        ['2026年3月18日', '其他', '专题学习会'],
      ],
    });
    const preview = await t.ok('excel:importPreview', importArgs(data, { taskId: rt.id, unit: 'u-town1' }));
    expect(preview.summary).toMatchObject({ total: 2, create: 2, canCommit: true });
    expect(preview.warnings).toContain('表中没有“单位”列，全部记录按填报单位“城关街道纪工委”导入。');
    expect(await t.ok('excel:importCommit', importArgs(data, { taskId: rt.id, unit: 'u-town1' }))).toEqual({
      created: 2,
      updated: 0,
      skipped: 0,
    });
    expect(meetings().map((r) => r.unit)).toEqual(['u-town1', 'u-town1']);

    status = await t.ok('returns:status', { taskId: rt.id });
    expect(status.counts).toEqual({ reported: 1, pending: 1, overdue: 0 });
    const town = status.units.find((u) => u.unit === 'u-town1')!;
    expect(town.state).toBe('reported');
    expect(town.ledgers[0]).toMatchObject({
      ledger: 'meetings',
      state: 'reported',
      records: 2,
      last: { created: 2, fileName: '城关街道纪工委3月会议.xlsx', by: '本机用户' },
    });
    expect(town.ledgers[0].last?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(status.reminder).toBe(
      '截至2026年4月20日，以下1个单位尚未报送“2026年3月报送”材料：区纪委监委机关（会议）。请于4月25日前报送。',
    );
  });

  it('hands a unit its return sheet, which comes back as that unit’s return without a unit column', async () => {
    const rt = await task();
    const tpl = await t.ok('excel:importTemplate', {
      ledger: 'meetings',
      returnFor: { taskId: rt.id, unit: 'u-town1' },
    });
    expect(tpl.fileName).toBe('城关街道纪工委会议台账报送表（2026年3月报送）.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(tpl.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A2').value).toBe(
      '填报单位：城关街道纪工委　　报送任务：2026年3月报送　　报送期间：2026年3月1日至2026年3月31日　　请于2026年4月25日前报送',
    );
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers).not.toContain('单位');
    expect(headers.slice(0, 3)).toEqual(['会议日期', '会议类型', '会议名称']);
    expect(wb.worksheets[1]).toMatchObject({ name: '选项', state: 'hidden' });
    ws.getRow(4).values = [new Date(Date.UTC(2026, 2, 9)), '领导小组会议', '街道第一次会议'];
    const filled = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const r = await t.ok('excel:importCommit', importArgs(filled, { taskId: rt.id, unit: 'u-town1' }));
    expect(r.created).toBe(1);
    expect(meetings()[0]).toMatchObject({ unit: 'u-town1', date: '2026-03-09', title: '街道第一次会议' });
  });

  it('shows 报送情况 of a task that includes 问题线索 before the administrator exists (its counts stay 0)', async () => {
    const rt = await task({ ledgers: ['meetings', 'clues'] });
    const status = await t.ok('returns:status', { taskId: rt.id });
    expect(status.units[0].ledgers.map((l) => [l.ledger, l.state, l.records])).toEqual([
      ['meetings', 'pending', 0],
      ['clues', 'pending', 0],
    ]);
  });

  it('says 逾期 after the due date, and nothing to chase once all have reported', async () => {
    const late = await task({ due: '2026-04-10' });
    const status = await t.ok('returns:status', { taskId: late.id });
    expect(status.units.map((u) => u.state)).toEqual(['overdue', 'overdue']);
    expect(status.reminder).toContain('已超过报送截止时间（4月10日），请尽快报送。');
    const small = await task({ units: ['u-town1'] });
    await t.ok(
      'excel:importCommit',
      importArgs(await returnSheet({ rows: [['2026-03-05', '其他', '会一']] }), {
        taskId: small.id,
        unit: 'u-town1',
      }),
    );
    expect((await t.ok('returns:status', { taskId: small.id })).reminder).toBe('');
  });

  it('refuses rows of another unit in a unit’s return, and writes nothing', async () => {
    const rt = await task();
    const data = await returnSheet({
      header: ['会议日期', '单位', '会议类型', '会议名称'],
      rows: [
        ['2026-03-05', '城关街道纪工委', '其他', '会一'],
        ['2026-03-06', '区纪委监委机关', '其他', '会二'],
      ],
    });
    const r = await t.call('excel:importCommit', importArgs(data, { taskId: rt.id, unit: 'u-town1' }));
    expect(!r.ok && r.error.message).toContain(
      '第5行B列（单位）这一行的单位是“区纪委监委机关”，不是本次报送的“城关街道纪工委”：一份报送只能包含本单位的记录',
    );
    expect(meetings()).toEqual([]);
    expect((await t.ok('returns:status', { taskId: rt.id })).counts.reported).toBe(0);
  });

  it('refuses a sheet whose 填报单位 line names another unit, a unit or ledger the task does not expect', async () => {
    const rt = await task();
    const other = await returnSheet({
      unitLine: '填报单位：区纪委监委机关',
      rows: [['2026-03-05', '其他', '会一']],
    });
    const r1 = await t.call('excel:importPreview', importArgs(other, { taskId: rt.id, unit: 'u-town1' }));
    expect(!r1.ok && r1.error.message).toBe(
      '工作表“会议”第2行写的填报单位是“区纪委监委机关”，不是本次报送的“城关街道纪工委”。请核对选择的文件和报送单位。',
    );
    const narrow = await task({ units: ['u-office'] });
    const r2 = await t.call('excel:importPreview', importArgs(other, { taskId: narrow.id, unit: 'u-town1' }));
    expect(!r2.ok && r2.error.message).toBe('“城关街道纪工委”不在报送任务“2026年3月报送”的报送单位中。');
    const studiesOnly = await task({ ledgers: ['studies'] });
    const r3 = await t.call(
      'excel:importPreview',
      importArgs(other, { taskId: studiesOnly.id, unit: 'u-office' }),
    );
    expect(!r3.ok && r3.error.message).toContain('不要求报送会议台账');
  });

  it('checks a task’s dates and units, edits it in place and removes it with its returns, all in the 操作日志', async () => {
    const bad = await t.call('returns:saveTask', {
      name: '倒置',
      from: '2026-03-31',
      to: '2026-03-01',
      due: '2026-02-01',
      ledgers: ['meetings'],
      units: ['u-nowhere'],
    });
    expect(!bad.ok && bad.error.details?.issues?.map((i) => i.message)).toEqual(
      expect.arrayContaining(['截止日期不能早于起始日期']),
    );
    const unknown = await t.call('returns:saveTask', {
      name: '未知单位',
      from: '2026-03-01',
      to: '2026-03-31',
      due: '2026-04-05',
      ledgers: ['meetings'],
      units: ['u-nowhere'],
    });
    expect(!unknown.ok && unknown.error.message).toBe(
      '单位列表中没有这些单位：u-nowhere。请刷新后重新选择。',
    );

    const rt = await task();
    const edited = await task({ id: rt.id, name: '三月报送（改）' });
    expect(edited).toMatchObject({ id: rt.id, name: '三月报送（改）', createdAt: rt.createdAt });
    expect((await t.ok('returns:tasks', {})).tasks.map((x) => x.name)).toEqual(['三月报送（改）']);
    await t.ok('returns:removeTask', { id: rt.id });
    expect((await t.ok('returns:tasks', {})).tasks).toEqual([]);
    const gone = await t.call('returns:status', { taskId: rt.id });
    expect(!gone.ok && gone.error.code).toBe('not_found');
    const log = await t.ok('audit:list', {});
    expect(log.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['修改报送任务', '删除报送任务']));
  });
});

describe('a corrected return', () => {
  it('shows what it adds, changes and removes, then replaces the unit’s records of the period at once', async () => {
    const rt = await task();
    const town = { taskId: rt.id, unit: 'u-town1' };
    // Another unit's meeting of the same day and name is another meeting: never matched, never removed.
    await t.ok('ledgers:create', {
      ledger: 'meetings',
      record: { group: 'drafting', unit: 'u-office', date: '2026-03-05', type: '其他', title: '会一' },
    });
    const first = await returnSheet({
      rows: [
        ['2026-03-05', '其他', '会一'],
        ['2026-03-06', '其他', '会二'],
        ['2026-03-07', '其他', '会三'],
      ],
    });
    expect(await t.ok('excel:importCommit', importArgs(first, town))).toEqual({
      created: 3,
      updated: 0,
      skipped: 0,
    });
    const corrected = await returnSheet({
      rows: [
        ['2026-03-05', '其他', '会一'],
        ['2026-03-06', '领导小组会议', '会二'],
        ['2026-03-08', '其他', '会四'],
      ],
    });
    const preview = await t.ok('excel:importPreview', importArgs(corrected, town));
    expect(preview.summary).toMatchObject({ create: 1, update: 1, skip: 1, remove: 1, canCommit: true });
    expect(preview.removed?.map((r) => [r.date, r.title])).toEqual([['2026-03-07', '会三']]);
    expect(await t.ok('excel:importCommit', importArgs(corrected, town))).toEqual({
      created: 1,
      updated: 1,
      skipped: 1,
      removed: 1,
    });
    const live = meetings().filter((r) => !r.deletedAt);
    expect(live.map((r) => [r.unit, r.title, r.type])).toEqual([
      ['u-office', '会一', '其他'],
      ['u-town1', '会一', '其他'],
      ['u-town1', '会二', '领导小组会议'],
      ['u-town1', '会四', '其他'],
    ]);
    expect(meetings().find((r) => r.title === '会三')?.deletedAt).toBeTruthy();
    const status = await t.ok('returns:status', { taskId: rt.id });
    expect(status.units.find((u) => u.unit === 'u-town1')?.ledgers[0]).toMatchObject({
      records: 3,
      last: { created: 1, updated: 1, removed: 1 },
    });
    const log = await t.ok('audit:list', { action: '导入' });
    expect(log.rows[0].detail).toBe('新增1条，更新1条，删除1条（移入回收站）');
  });

  it('refuses a row dated outside the return’s period', async () => {
    const rt = await task();
    const data = await returnSheet({ rows: [['2026-04-02', '其他', '四月的会']] });
    const p = await t.ok('excel:importPreview', importArgs(data, { taskId: rt.id, unit: 'u-town1' }));
    expect(p.rows[0].errors[0].message).toBe(
      '会议日期“2026-04-02”不在本次报送期间（2026年3月1日至2026年3月31日）内',
    );
  });
});
