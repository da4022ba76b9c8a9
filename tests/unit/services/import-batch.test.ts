// The import batch of the ledger service (what an Excel import commits through): the backup the README promises
// is taken before anything is written and only when something will be; a record changed or settings edited while
// the file was being read refuse the whole import; a refused batch writes nothing and takes no backup.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBundle } from '../../../src-main/store/backup-files';
import { createLedgerService, ledgerCollection } from '../../../src-main/services/ledger-service';
import type { AuditEvent } from '../../../src-main/services/service-context';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import type { Settings } from '../../../src-main/shared/settings';
import { storeServiceContext } from '../../helpers/service-context';
import { openTestApp, sampleMeeting, setUpOffice, testCtx } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';

let t: TestApp;
let audits: AuditEvent[];
let ledgers: ReturnType<typeof createLedgerService>;
const meetings = () => t.app.store.get<LedgerRecord[]>(ledgerCollection('meetings'));
const importBackups = async () =>
  (await t.app.store.listBackups()).filter((b) => b.reason.startsWith('导入前自动备份'));

beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  audits = [];
  ledgers = createLedgerService(storeServiceContext(t.app.store, { audits }));
});
afterEach(() => t.close());

describe('import batch', () => {
  it('backs up the data as it was, then writes every record at once', async () => {
    const before = await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
    const batch = ledgers.startImport('meetings', testCtx);
    batch.create(sampleMeeting({ title: '第二次会议', date: '2026-04-12' }));
    batch.create(sampleMeeting({ title: '第三次会议', date: '2026-04-13' }));
    batch.update(before.id, { ...sampleMeeting(), place: '五楼' });
    expect(await importBackups()).toEqual([]);
    expect(await batch.commit()).toEqual({ created: 2, updated: 1, removed: 0 });

    const backups = await importBackups();
    expect(backups.map((b) => b.reason)).toEqual(['导入前自动备份（会议台账）']);
    const saved = (await readBundle(backups[0].file)).collections[ledgerCollection('meetings')];
    expect((saved as LedgerRecord[]).map((r) => [r.title, r.place ?? null, r.rev])).toEqual([
      ['教育整顿领导小组第一次会议', null, 1],
    ]);
    expect(meetings().map((r) => [r.title, r.rev])).toEqual([
      ['教育整顿领导小组第一次会议', 2],
      ['第二次会议', 1],
      ['第三次会议', 1],
    ]);
    expect(meetings()[0].place).toBe('五楼');
    expect(audits.at(-1)).toMatchObject({ action: '导入', target: 'meetings', detail: '新增2条，更新1条' });
  });

  it('takes no backup when nothing would be written, and none for a refused import', async () => {
    expect(await ledgers.startImport('meetings', testCtx).commit()).toEqual({
      created: 0,
      updated: 0,
      removed: 0,
    });
    const bad = ledgers.startImport('meetings', testCtx);
    bad.create(sampleMeeting({ title: '好的一行' }));
    bad.create(sampleMeeting({ present: 99 }));
    await expect(bad.commit()).rejects.toMatchObject({
      code: 'validation',
      details: { issues: [{ path: ['create', 1, 'present'], message: '实到人数不能多于应到人数' }] },
    });
    expect(await importBackups()).toEqual([]);
    expect(meetings()).toEqual([]);
  });

  it('refuses the whole import when a record it updates was changed while the file was read', async () => {
    const rec = await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
    const batch = ledgers.startImport('meetings', testCtx);
    batch.create(sampleMeeting({ title: '新会议' }));
    batch.update(rec.id, { ...sampleMeeting(), place: '导入的地点' });
    await t.ok('ledgers:update', {
      ledger: 'meetings',
      id: rec.id,
      rev: 1,
      record: sampleMeeting({ place: '手改' }),
    });
    await expect(batch.commit()).rejects.toMatchObject({
      code: 'conflict',
      message: '导入期间“会议”台账中要更新的记录被修改或删除了，本次没有导入任何记录。请重新导入。',
    });
    expect(meetings().map((r) => [r.title, r.place, r.rev])).toEqual([
      ['教育整顿领导小组第一次会议', '手改', 2],
    ]);
  });

  it('refuses the import when a record it updates was deleted meanwhile', async () => {
    const rec = await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
    const batch = ledgers.startImport('meetings', testCtx);
    batch.update(rec.id, { ...sampleMeeting(), place: '导入的地点' });
    await t.ok('ledgers:remove', { ledger: 'meetings', id: rec.id });
    await expect(batch.commit()).rejects.toMatchObject({ code: 'conflict' });
    expect(meetings()[0].place).toBeUndefined();
  });

  it('refuses the import when the settings it was checked under changed', async () => {
    const batch = ledgers.startImport('meetings', testCtx);
    batch.create(sampleMeeting());
    const s = t.app.store.get<Settings>('settings');
    await t.ok('settings:update', { settings: { ...s, units: s.units.filter((u) => u.id !== 'u-town1') } });
    await expect(batch.commit()).rejects.toMatchObject({
      code: 'conflict',
      message: '导入期间设置被修改了，本次没有导入任何记录。请重新导入。',
    });
    expect(meetings()).toEqual([]);
  });

  it('commits once: a second commit of the same batch is a programming error', async () => {
    const batch = ledgers.startImport('meetings', testCtx);
    batch.create(sampleMeeting());
    await batch.commit();
    await expect(batch.commit()).rejects.toThrow('导入已提交过一次');
    expect(meetings()).toHaveLength(1);
  });
});
