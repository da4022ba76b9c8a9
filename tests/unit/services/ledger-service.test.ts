// The generic ledger service through the router: validation at the field, stale edits, recycle bin, links.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, sampleMeeting, setUpOffice } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
});
afterEach(async () => t.close());

describe('ledger records', () => {
  it('creates a meeting with system fields filled and lists it', async () => {
    const rec = await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
    expect(rec.id).toMatch(/[0-9a-f-]{36}/);
    expect(rec.rev).toBe(1);
    expect(rec.createdBy).toBe('本机用户');
    expect(rec.createdAt).toBe('2026-04-20T02:00:00.000Z');
    const { records } = await t.ok('ledgers:list', { ledger: 'meetings' });
    expect(records.map((r) => r.title)).toEqual(['教育整顿领导小组第一次会议']);
  });

  it('rejects a missing required field with a Chinese message at the field and saves nothing', async () => {
    const r = await t.call('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ title: '' }) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    expect(r.error.details?.issues).toContainEqual({
      path: ['record', 'title'],
      message: '会议名称必须填写',
    });
    expect((await t.ok('ledgers:list', { ledger: 'meetings' })).records).toHaveLength(0);
  });

  it('rejects present > expected, a date that is not a date, and an unknown unit', async () => {
    const r = await t.call('ledgers:create', {
      ledger: 'meetings',
      record: sampleMeeting({ present: 12, date: '2026-02-30', unit: 'u-nowhere' }),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.error.details?.issues?.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['record.date', 'record.unit']));
    // Cross-field rules run once the single fields are valid.
    const r2 = await t.call('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ present: 12 }) });
    expect(!r2.ok && r2.error.details?.issues?.[0]).toEqual({
      path: ['record', 'present'],
      message: '实到人数不能多于应到人数',
    });
  });

  it('refuses system fields smuggled into a record and a stale revision', async () => {
    const rec = await t.ok('ledgers:create', {
      ledger: 'meetings',
      record: sampleMeeting({ createdBy: '伪造' }),
    });
    expect(rec.createdBy).toBe('本机用户');
    const updated = await t.ok('ledgers:update', {
      ledger: 'meetings',
      id: rec.id,
      rev: 1,
      record: sampleMeeting({ title: '改名后的会议' }),
    });
    expect(updated.rev).toBe(2);
    const stale = await t.call('ledgers:update', {
      ledger: 'meetings',
      id: rec.id,
      rev: 1,
      record: sampleMeeting(),
    });
    expect(!stale.ok && stale.error.code).toBe('conflict');
    expect((await t.ok('ledgers:get', { ledger: 'meetings', id: rec.id })).title).toBe('改名后的会议');
  });

  it('moves a removed record to the recycle bin and restores it', async () => {
    const rec = await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
    await t.ok('ledgers:remove', { ledger: 'meetings', id: rec.id });
    expect((await t.ok('ledgers:list', { ledger: 'meetings' })).records).toHaveLength(0);
    const bin = await t.ok('recycle:list', {});
    expect(bin.items.map((i) => [i.ledger, i.record.id])).toEqual([['meetings', rec.id]]);
    await t.ok('ledgers:restore', { ledger: 'meetings', id: rec.id });
    expect((await t.ok('ledgers:list', { ledger: 'meetings' })).records.map((r) => r.id)).toEqual([rec.id]);
    expect((await t.ok('recycle:list', {})).items).toHaveLength(0);
  });

  it('purges only from the recycle bin', async () => {
    const rec = await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
    const early = await t.call('ledgers:purge', { ledger: 'meetings', id: rec.id });
    expect(!early.ok && early.error.code).toBe('conflict');
    await t.ok('ledgers:remove', { ledger: 'meetings', id: rec.id });
    await t.ok('ledgers:purge', { ledger: 'meetings', id: rec.id });
    expect((await t.ok('ledgers:list', { ledger: 'meetings', deleted: true })).records).toHaveLength(0);
  });

  it('keeps a removed choice value readable and editable on an old record', async () => {
    const rec = await t.ok('ledgers:create', {
      ledger: 'meetings',
      record: sampleMeeting({ type: '先行学习会' }),
    });
    const s = await t.ok('settings:get', {});
    const lists = {
      ...s.choiceLists,
      meetingType: s.choiceLists.meetingType.filter((v) => v !== '先行学习会'),
    };
    await t.ok('settings:update', { settings: { ...s, choiceLists: lists } });
    const edited = await t.ok('ledgers:update', {
      ledger: 'meetings',
      id: rec.id,
      record: sampleMeeting({ type: '先行学习会', place: '三楼会议室' }),
    });
    expect(edited.type).toBe('先行学习会');
    const fresh = await t.call('ledgers:create', {
      ledger: 'meetings',
      record: sampleMeeting({ type: '先行学习会' }),
    });
    expect(!fresh.ok && fresh.error.details?.issues?.[0].path).toEqual(['record', 'type']);
  });

  it('refuses to remove a unit that records still name', async () => {
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting({ unit: 'u-town1' }) });
    const s = await t.ok('settings:get', {});
    const r = await t.call('settings:update', {
      settings: { ...s, units: s.units.filter((u) => u.id !== 'u-town1') },
    });
    expect(!r.ok && r.error.message).toContain('城关街道纪工委');
    // Renaming is fine: records point at the unit's id.
    const renamed = await t.ok('settings:update', {
      settings: {
        ...s,
        units: s.units.map((u) => (u.id === 'u-town1' ? { ...u, name: '城关街道纪（工）委' } : u)),
      },
    });
    expect(renamed.units.find((u) => u.id === 'u-town1')?.name).toBe('城关街道纪（工）委');
  });
});

describe('links between records', () => {
  const rule = (title: string) => ({
    group: 'office',
    unit: 'u-office',
    date: '2026-04-08',
    title,
    kind: '工作制度',
    issuedBy: '领导小组',
    action: '新制定',
  });
  const rect = (rules: string[]) => ({
    group: 'rectify',
    unit: 'u-office',
    date: '2026-04-09',
    source: '个人自查',
    description: '会议记录不规范',
    kind: '立行立改',
    status: '整改中',
    rules,
  });

  it('refuses a link to a record that does not exist or is in the recycle bin', async () => {
    const r = await t.call('ledgers:create', { ledger: 'rectifications', record: rect(['no-such-rule']) });
    expect(!r.ok && r.error.details?.issues?.[0]).toEqual({
      path: ['record', 'rules'],
      message: '建立制度指向的记录不存在或已删除',
    });
  });

  it('keeps a linked rule from vanishing, and follows its renaming through the id', async () => {
    const target = await t.ok('ledgers:create', { ledger: 'rules', record: rule('会议制度') });
    const item = await t.ok('ledgers:create', { ledger: 'rectifications', record: rect([target.id]) });
    const removed = await t.call('ledgers:remove', { ledger: 'rules', id: target.id });
    expect(!removed.ok && removed.error.code).toBe('conflict');
    expect(!removed.ok && removed.error.message).toContain('检视整改');
    await t.ok('ledgers:update', { ledger: 'rules', id: target.id, record: rule('会议与文件制发制度') });
    expect((await t.ok('ledgers:get', { ledger: 'rectifications', id: item.id })).rules).toEqual([target.id]);
    // Once the referrer is in the recycle bin the rule may be recycled, but not purged while anything points at it.
    await t.ok('ledgers:remove', { ledger: 'rectifications', id: item.id });
    await t.ok('ledgers:remove', { ledger: 'rules', id: target.id });
    const purge = await t.call('ledgers:purge', { ledger: 'rules', id: target.id });
    expect(!purge.ok && purge.error.code).toBe('conflict');
  });
});

describe('the router', () => {
  it('refuses unknown channels and invalid arguments with a field path', async () => {
    const unknown = await t.app.call('ledgers:drop', {}, { door: 'internal', user: null, sessionId: 'x' });
    expect(!unknown.ok && unknown.error.code).toBe('unknown_channel');
    const bad = await t.app.call(
      'ledgers:list',
      { ledger: 'nonsense' },
      { door: 'internal', user: null, sessionId: 'x' },
    );
    expect(!bad.ok && bad.error.details?.issues?.[0].path).toEqual(['ledger']);
    expect(!bad.ok && bad.error.message).toMatch(/参数有误（ledger）/);
  });
});
