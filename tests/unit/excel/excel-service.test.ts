// The Excel service against the real store, ledger service and statistics: import commit is all or nothing,
// duplicates are skipped or updated, exports respect the ids filter and the confidential-field permission,
// superiors' templates are checked on upload, stored, chosen by default and filled.
import ExcelJS from 'exceljs';
import { PER_UNIT_SHEETS } from '../../../src-main/excel/stats-unit-themes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExcelService } from '../../../src-main/services/excel-service';
import type { ExcelHandlers } from '../../../src-main/services/excel-service';
import { createLedgerService, ledgerCollection } from '../../../src-main/services/ledger-service';
import { createStatsService } from '../../../src-main/services/stats-handlers';
import type { AccessPolicy, AuditEvent } from '../../../src-main/services/service-context';
import { excelContract } from '../../../src-main/shared/contract/excel';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import type { Settings } from '../../../src-main/shared/settings';
import { catalog } from '../../../src-main/stats';
import { exportLedger } from '../../../src-main/excel';
import { storeServiceContext } from '../../helpers/service-context';
import { openTestApp, setUpOffice, testCtx } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';
import { loadXlsx, meetingRecords, toBuffer } from './fixtures';
import { superiorTemplate } from './superior-template';

let t: TestApp;
let excel: ExcelHandlers;
let audits: AuditEvent[];
const policy: AccessPolicy & { secret: boolean } = {
  secret: true,
  canRead: () => true,
  canWrite: () => true,
  canSeeConfidentialFields() {
    return this.secret;
  },
};

beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  audits = [];
  policy.secret = true;
  const sc = storeServiceContext(t.app.store, { policy, audits });
  const stats = createStatsService(sc);
  excel = createExcelService(sc, {
    computeValues: (q) => stats.computeValues(q),
    ledgerService: createLedgerService(sc),
    catalog,
  });
});
afterEach(() => t.close());

/** Calls a handler with its arguments validated by the contract, as the router does. */
async function call<C extends keyof ExcelHandlers>(
  channel: C,
  args: unknown,
): Promise<Awaited<ReturnType<ExcelHandlers[C]>>> {
  const parsed = excelContract[channel].args.parse(args) as Parameters<ExcelHandlers[C]>[0];
  return (
    excel[channel] as (a: unknown, c: typeof testCtx) => Promise<Awaited<ReturnType<ExcelHandlers[C]>>>
  )(parsed, testCtx);
}
const meetingsInStore = () => t.app.store.get<LedgerRecord[]>(ledgerCollection('meetings'));
const b64 = (b: Buffer) => b.toString('base64');

async function meetingsFile(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('会议');
  ws.addRow(['会议日期', '单位', '会议类型', '会议名称', '地点']);
  for (const r of rows) ws.addRow(r);
  return b64(await toBuffer(wb));
}

describe('import commit', () => {
  it('writes nothing when any row has an error, and says where', async () => {
    const data = await meetingsFile([
      ['2026-04-01', '区纪委监委机关', '领导小组会议', '第一次会议', '三楼'],
      ['2026-04-31', '区纪委监委机关', '领导小组会议', '第二次会议', '三楼'],
    ]);
    const preview = await call('excel:importPreview', {
      ledger: 'meetings',
      fileName: 'a.xlsx',
      dataBase64: data,
      onDuplicate: 'skip',
    });
    expect(preview.summary).toMatchObject({ total: 2, errorRows: 1, canCommit: false });
    await expect(
      call('excel:importCommit', {
        ledger: 'meetings',
        fileName: 'a.xlsx',
        dataBase64: data,
        onDuplicate: 'skip',
      }),
    ).rejects.toThrow(
      '导入未完成：第3行A列（会议日期）会议日期“2026-04-31”这个日期不存在（2026年4月只有30天，没有31日），请核对。请改正后重新导入，本次没有写入任何记录。',
    );
    expect(meetingsInStore()).toEqual([]);
  });

  it('creates every row of a clean file, then skips or updates them on re-import', async () => {
    const rows = [
      ['2026-04-01', '区纪委监委机关', '领导小组会议', '第一次会议', '三楼'],
      ['2026-04-08', '城关街道纪工委', '推进会/调度会', '第二次会议', ''],
    ];
    const args = {
      ledger: 'meetings',
      fileName: 'a.xlsx',
      dataBase64: await meetingsFile(rows),
      onDuplicate: 'skip',
    };
    expect(await call('excel:importCommit', args)).toEqual({ created: 2, updated: 0, skipped: 0 });
    expect(meetingsInStore().map((r) => [r.title, r.unit, r.group])).toEqual([
      ['第一次会议', 'u-office', 'drafting'],
      ['第二次会议', 'u-town1', 'drafting'],
    ]);
    expect(await call('excel:importCommit', args)).toEqual({ created: 0, updated: 0, skipped: 2 });
    rows[0][4] = '五楼';
    const again = { ...args, dataBase64: await meetingsFile(rows), onDuplicate: 'update' };
    // The row that changed is updated; the one stored exactly so is left alone (no new revision).
    expect(await call('excel:importCommit', again)).toEqual({ created: 0, updated: 1, skipped: 1 });
    expect(meetingsInStore().find((r) => r.title === '第一次会议')).toMatchObject({ place: '五楼', rev: 2 });
    expect(meetingsInStore().find((r) => r.title === '第二次会议')?.rev).toBe(1);
    expect(meetingsInStore()).toHaveLength(2);
  });

  it('sends a large preview in part, flagged rows first, with the full counts', async () => {
    const settings = t.app.store.get<Settings>('settings');
    const records = meetingRecords(2500).map((r, i) => ({
      ...r,
      unit: 'u-office',
      type: i === 2400 ? '座谈会' : r.type,
    }));
    const data = b64(
      await exportLedger(
        (await import('../../../src-main/shared/ledgers/meetings')).meetings,
        records,
        settings,
      ),
    );
    const p = await call('excel:importPreview', {
      ledger: 'meetings',
      fileName: 'big.xlsx',
      dataBase64: data,
      onDuplicate: 'skip',
    });
    expect(p.rowsTruncated).toBe(true);
    expect(p.rows).toHaveLength(2000);
    expect(p.summary).toMatchObject({ total: 2500, errorRows: 1 });
    expect(p.rows.some((r) => r.rowNumber === 2403 && r.errors.length === 1)).toBe(true);
  });
});

describe('export', () => {
  it('exports the current filter only, and audits it', async () => {
    await call('excel:importCommit', {
      ledger: 'meetings',
      fileName: 'a.xlsx',
      dataBase64: await meetingsFile([
        ['2026-04-01', '区纪委监委机关', '领导小组会议', '甲', ''],
        ['2026-04-02', '区纪委监委机关', '领导小组会议', '乙', ''],
      ]),
      onDuplicate: 'skip',
    });
    const id = meetingsInStore().find((r) => r.title === '乙')!.id;
    const out = await call('excel:export', { ledger: 'meetings', ids: [id] });
    expect(out.fileName).toBe('会议台账（2026-04-20）.xlsx');
    const ws = (await loadXlsx(Buffer.from(out.dataBase64, 'base64'))).worksheets[0];
    expect(ws.getRow(3).getCell(4).value).toBe('乙');
    expect(ws.getRow(4).getCell(4).value).toBeNull();
    expect(audits.at(-1)).toMatchObject({ action: '导出', target: 'excel', detail: '会议台账 1 条' });
  });

  it('refuses confidential fields to a caller not allowed to see them', async () => {
    policy.secret = false;
    await expect(call('excel:export', { ledger: 'clues', includeConfidential: true })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const plain = await call('excel:export', { ledger: 'clues' });
    expect(plain.fileName).toMatch(/^问题线索台账/);
  });
});

describe('statistics and superiors’ templates', () => {
  it('builds the built-in workbook when no template is chosen', async () => {
    const out = await call('excel:stats', { from: '2026-04-01', to: '2026-04-15' });
    expect(out.fileName).toBe('统计表（2026-04-01至2026-04-15）.xlsx');
    const wb = await loadXlsx(Buffer.from(out.dataBase64, 'base64'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '工作进展统计表',
      '线索处置统计表',
      '四种形态统计表',
      ...PER_UNIT_SHEETS.map((s) => s.sheet),
    ]);
    expect(PER_UNIT_SHEETS.map((s) => s.sheet)).toContain('分单位·学习教育');
  });

  it('refuses a template with a broken placeholder, naming the cell', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表1').getCell('C5').value = '{{集中学习次数}';
    await expect(
      call('excel:templates:add', {
        name: '坏模板',
        fileName: 'bad.xlsx',
        dataBase64: b64(await toBuffer(wb)),
      }),
    ).rejects.toThrow(/模板有误：表1!C5 中“\{\{集中学习次数\}”占位符缺少结尾的“\}\}”/);
  });

  it('stores a template, uses the default one for 统计表, and falls back to built-in', async () => {
    const { template } = await call('excel:templates:add', {
      name: '市纪委月报',
      fileName: '月报.xlsx',
      dataBase64: b64(await superiorTemplate()),
      isDefault: true,
    });
    expect(template).toMatchObject({ kind: 'excel-stats', isDefault: true, createdBy: '本机用户' });
    expect(template.placeholders).toContain('{{单位.集中学习次数|累计}}');
    expect((await call('excel:templates:list', {})).templates.map((x) => x.name)).toEqual(['市纪委月报']);

    const out = await call('excel:stats', { from: '2026-04-01', to: '2026-04-15' });
    expect(out.fileName).toBe('市纪委月报（2026-04-01至2026-04-15）.xlsx');
    const ws = (await loadXlsx(Buffer.from(out.dataBase64, 'base64'))).getWorksheet('进展情况表')!;
    expect([5, 6].map((r) => ws.getCell(r, 2).value)).toEqual(['区纪委监委机关', '城关街道纪工委']);
    expect(ws.getCell('C5').value).toBe(0);

    await call('excel:templates:setDefault', { id: 'builtin' });
    const builtin = await call('excel:stats', { from: '2026-04-01', to: '2026-04-15' });
    expect(builtin.fileName.startsWith('统计表')).toBe(true);
    expect((await call('excel:templates:remove', { id: template.id })).templates).toEqual([]);
  });
});
