// The ledger table's query ('ledgers:query') through the router: pages, every sort, the toolbar's filters, quick
// search over text, choices, unit names, links and dates written the Chinese way, confidential fields never
// searchable, and writes (saves, deletes, a unit renamed) reaching the next answer without a stale index.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerQueryArgs, LedgerQueryResult } from '../../../src-main/shared/contract/core';
import { ledgerDef } from '../../../src-main/shared/ledgers';
import { ledgerColumns, makeLookups, sortKey, sortKind } from '../../../src-main/shared/ledgers/record-text';
import type { LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { createLedgerQuery } from '../../../src-main/services/ledger-query';
import { enableAccounts, openTestApp, sampleMeeting, setUpOffice } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp(); // today is 2026-04-20
  await setUpOffice(t); // units 区纪委监委机关 (u-office) and 城关街道纪工委 (u-town1)
});
afterEach(async () => t.close());

const query = (args: LedgerQueryArgs) => t.ok('ledgers:query', args);
const titles = (r: LedgerQueryResult) => r.records.map((x) => String(x.title));
const meeting = (over: Record<string, unknown>) =>
  t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting(over) });

/** Seven meetings over April (one a day), with titles, units, numbers and remarks to search and sort by. */
async function seedMeetings() {
  const rows: [string, string, string, number, string?][] = [
    ['2026-04-01', '动员部署会', 'u-office', 30],
    ['2026-04-03', '先行学习会', 'u-town1', 12, '城关片区'],
    ['2026-04-05', '安全生产专题会', 'u-office', 9],
    ['2026-04-07', '整改推进会', 'u-town1', 20],
    ['2026-04-09', '读书班开班式', 'u-office', 15],
    ['2026-04-11', '警示教育大会', 'u-town1', 40],
    ['2026-04-13', '中心组学习会', 'u-office', 7],
  ];
  for (const [date, title, unit, expected, remarks] of rows) {
    await meeting({ date, title, unit, expected, present: Math.min(expected, 8), remarks });
  }
}

describe('paging', () => {
  it('answers one page at a time, newest first, with the counts and the page it answered', async () => {
    await seedMeetings();
    const p1 = await query({ ledger: 'meetings', limit: 3 });
    expect(titles(p1)).toEqual(['中心组学习会', '警示教育大会', '读书班开班式']);
    expect(p1).toMatchObject({ total: 7, count: 7, offset: 0 });
    const p3 = await query({ ledger: 'meetings', offset: 6, limit: 3 });
    expect(titles(p3)).toEqual(['动员部署会']);
    // Past the end (the last row of the last page was just deleted): the last page that has rows.
    const past = await query({ ledger: 'meetings', offset: 9, limit: 3 });
    expect(past.offset).toBe(6);
    expect(titles(past)).toEqual(['动员部署会']);
    const counts = await query({ ledger: 'meetings', limit: 0 });
    expect(counts).toMatchObject({ records: [], total: 7, count: 7 });
  });

  it('keeps records of the same day in the order they were entered', async () => {
    for (const title of ['甲会', '乙会', '丙会']) await meeting({ date: '2026-04-02', title });
    await meeting({ date: '2026-04-01', title: '早一天' });
    expect(titles(await query({ ledger: 'meetings' }))).toEqual(['甲会', '乙会', '丙会', '早一天']);
  });

  it('refuses pages larger than 500 and sorting by a column the ledger does not have', async () => {
    const big = await t.call('ledgers:query', { ledger: 'meetings', limit: 501 });
    expect(!big.ok && big.error.code).toBe('validation');
    const bad = await t.call('ledgers:query', { ledger: 'meetings', sort: { key: 'nope', order: 'ascend' } });
    expect(!bad.ok && bad.error.code).toBe('validation');
    expect(!bad.ok && bad.error.message).toContain('nope');
  });
});

describe('sorting', () => {
  it('orders titles in pinyin order, numbers by value and units by their names, both ways', async () => {
    await seedMeetings();
    const byTitle = await query({ ledger: 'meetings', sort: { key: 'title', order: 'ascend' } });
    // 安 an, 动 dong, 读 du, 警 jing, 先 xian, 整 zheng, 中 zhong
    expect(titles(byTitle)).toEqual([
      '安全生产专题会',
      '动员部署会',
      '读书班开班式',
      '警示教育大会',
      '先行学习会',
      '整改推进会',
      '中心组学习会',
    ]);
    const byExpected = await query({ ledger: 'meetings', sort: { key: 'expected', order: 'descend' } });
    expect(byExpected.records.map((r) => r.expected)).toEqual([40, 30, 20, 15, 12, 9, 7]);
    // 城关街道纪工委 (cheng) before 区纪委监委机关 (qu); within a unit, newest first as without a sort.
    const byUnit = await query({ ledger: 'meetings', sort: { key: 'unit', order: 'ascend' } });
    expect(titles(byUnit)).toEqual([
      '警示教育大会',
      '整改推进会',
      '先行学习会',
      '中心组学习会',
      '读书班开班式',
      '安全生产专题会',
      '动员部署会',
    ]);
    const byUnitDown = await query({ ledger: 'meetings', sort: { key: 'unit', order: 'descend' } });
    expect(titles(byUnitDown).slice(0, 2)).toEqual(['中心组学习会', '读书班开班式']);
    const oldest = await query({ ledger: 'meetings', sort: { key: 'date', order: 'ascend' }, limit: 2 });
    expect(titles(oldest)).toEqual(['动员部署会', '先行学习会']);
  });

  it('sorts by every column of the table, each way, as the column reads', async () => {
    await seedMeetings();
    const def = ledgerDef('meetings');
    const settings = await t.ok('settings:get', {});
    const lk = makeLookups(settings);
    const collator = new Intl.Collator('zh-CN', { numeric: true });
    for (const column of ledgerColumns(def)) {
      for (const order of ['ascend', 'descend'] as const) {
        const r = await query({ ledger: 'meetings', sort: { key: column.key, order } });
        expect(r.records, column.key).toHaveLength(7);
        const keys = r.records.map((x) => sortKey(column, x, lk));
        const cmp = (a: number | string, b: number | string) =>
          sortKind(column) === 'number'
            ? Number(a) - Number(b)
            : sortKind(column) === 'raw'
              ? String(a) < String(b)
                ? -1
                : String(a) > String(b)
                  ? 1
                  : 0
              : collator.compare(String(a), String(b));
        for (let i = 1; i < keys.length; i++) {
          const c = cmp(keys[i - 1], keys[i]);
          expect(order === 'ascend' ? c <= 0 : c >= 0, `${column.key} ${order} at ${i}`).toBe(true);
        }
      }
    }
  });
});

describe('filters', () => {
  it('narrows by group, unit, date range and status, and counts what matches', async () => {
    await seedMeetings();
    await meeting({ date: '2026-04-12', title: '办公室例会', group: 'office' });
    const town = await query({ ledger: 'meetings', filter: { unit: 'u-town1' } });
    expect(titles(town)).toEqual(['警示教育大会', '整改推进会', '先行学习会']);
    expect(town).toMatchObject({ total: 3, count: 8 });
    expect(titles(await query({ ledger: 'meetings', filter: { group: 'office' } }))).toEqual(['办公室例会']);
    const range = await query({ ledger: 'meetings', filter: { from: '2026-04-05', to: '2026-04-09' } });
    expect(titles(range)).toEqual(['读书班开班式', '整改推进会', '安全生产专题会']);
    const both = await query({
      ledger: 'meetings',
      filter: { unit: 'u-office', from: '2026-04-05', to: '2026-04-09' },
    });
    expect(titles(both)).toEqual(['读书班开班式', '安全生产专题会']);

    const task = (content: string, status: string) =>
      t.ok('ledgers:create', {
        ledger: 'tasks',
        record: {
          group: 'office',
          unit: 'u-office',
          date: '2026-04-02',
          phase: '学习教育',
          content,
          source: '实施方案',
          leadGroup: 'office',
          deadline: '2026-04-30',
          status,
          ...(status === '已完成' ? { doneDate: '2026-04-10' } : {}),
        },
      });
    await task('编印学习资料', '已完成');
    await task('召开动员会', '推进中');
    const done = await query({ ledger: 'tasks', filter: { status: '已完成' } });
    expect(done.records.map((r) => r.content)).toEqual(['编印学习资料']);
    expect(done.statuses.sort()).toEqual(['已完成', '推进中']);
  });
});

describe('quick search', () => {
  it('finds text, choice labels, unit names and remarks; every word must match', async () => {
    await seedMeetings();
    await meeting({ date: '2026-04-15', title: '办公室例会', type: '领导小组办公室会议' });
    expect(titles(await query({ ledger: 'meetings', q: '学习' }))).toEqual(['中心组学习会', '先行学习会']);
    expect(titles(await query({ ledger: 'meetings', q: '领导小组办公室会议' }))).toEqual(['办公室例会']);
    const town = await query({ ledger: 'meetings', q: '城关街道' });
    expect(titles(town)).toEqual(['警示教育大会', '整改推进会', '先行学习会']);
    expect(titles(await query({ ledger: 'meetings', q: '城关片区' }))).toEqual(['先行学习会']);
    expect(titles(await query({ ledger: 'meetings', q: '城关 学习' }))).toEqual(['先行学习会']);
    expect((await query({ ledger: 'meetings', q: '学习 不存在' })).total).toBe(0);
  });

  it('finds dates written as the office writes them, and still the text that looks like one', async () => {
    await seedMeetings();
    await meeting({ date: '2026-05-11', title: '4月工作总结会' });
    const day = [
      '2026-04-11',
      '2026年4月11日',
      '2026.4.11',
      '2026/04/11',
      '20260411',
      '二〇二六年四月十一日',
    ];
    for (const q of day) expect(titles(await query({ ledger: 'meetings', q })), q).toEqual(['警示教育大会']);
    // A day without a year: that day in any year; 5月11日 is the summary meeting.
    expect(titles(await query({ ledger: 'meetings', q: '4月11日' }))).toEqual(['警示教育大会']);
    expect(titles(await query({ ledger: 'meetings', q: '5月11日' }))).toEqual(['4月工作总结会']);
    // A month: its dates, and the text 4月 where a title has it.
    expect((await query({ ledger: 'meetings', q: '2026年4月' })).total).toBe(7);
    expect((await query({ ledger: 'meetings', q: '2026-05' })).total).toBe(1);
    expect((await query({ ledger: 'meetings', q: '4月' })).total).toBe(8);
    expect(titles(await query({ ledger: 'meetings', q: '5月' }))).toEqual(['4月工作总结会']);
    expect(titles(await query({ ledger: 'meetings', q: '4月 警示' }))).toEqual(['警示教育大会']);
  });

  it('finds a record by the title of a record it links to', async () => {
    const rule = await t.ok('ledgers:create', {
      ledger: 'rules',
      record: {
        group: 'office',
        unit: 'u-office',
        date: '2026-04-02',
        title: '干部八小时外行为规范',
        kind: '工作制度',
        issuedBy: '领导小组',
        action: '新制定',
      },
    });
    await t.ok('ledgers:create', {
      ledger: 'rectifications',
      record: {
        group: 'rectify',
        unit: 'u-office',
        date: '2026-04-03',
        source: '个人自查',
        description: '下班后饮酒',
        kind: '立行立改',
        status: '已整改',
        doneDate: '2026-04-10',
        rules: [rule.id],
      },
    });
    const found = await query({ ledger: 'rectifications', q: '八小时' });
    expect(found.records.map((r) => r.description)).toEqual(['下班后饮酒']);
  });

  it('answers every match id in order for an export of the filtered rows', async () => {
    await seedMeetings();
    const r = await query({ ledger: 'meetings', q: '会', limit: 2, withIds: true });
    expect(r.records).toHaveLength(2);
    const all = await query({ ledger: 'meetings', q: '会', limit: 500 });
    expect(r.ids).toEqual(all.records.map((x) => x.id));
    expect(r.ids).toHaveLength(r.total);
  });
});

describe('writes reach the next answer', () => {
  it('a save, an edit, a delete and a restore change what the search finds', async () => {
    await seedMeetings();
    await query({ ledger: 'meetings', q: '学习' }); // the index and its search texts exist now
    expect((await query({ ledger: 'meetings', q: '廉政' })).total).toBe(0);
    const created = await meeting({ date: '2026-04-14', title: '廉政党课' });
    expect(titles(await query({ ledger: 'meetings', q: '廉政' }))).toEqual(['廉政党课']);
    const edited = await t.ok('ledgers:update', {
      ledger: 'meetings',
      id: created.id,
      rev: created.rev,
      record: sampleMeeting({ date: '2026-04-14', title: '作风建设党课' }),
    });
    expect((await query({ ledger: 'meetings', q: '廉政' })).total).toBe(0);
    expect(titles(await query({ ledger: 'meetings', q: '作风' }))).toEqual(['作风建设党课']);
    // Sorted by title, the new title takes its place among the others.
    const sorted = await query({ ledger: 'meetings', sort: { key: 'title', order: 'ascend' } });
    expect(titles(sorted).indexOf('作风建设党课')).toBe(7);
    await t.ok('ledgers:remove', { ledger: 'meetings', id: edited.id });
    expect((await query({ ledger: 'meetings', q: '作风' })).total).toBe(0);
    expect((await query({ ledger: 'meetings' })).count).toBe(7);
    const bin = await query({ ledger: 'meetings', deleted: true, q: '作风' });
    expect(titles(bin)).toEqual(['作风建设党课']);
    await t.ok('ledgers:restore', { ledger: 'meetings', id: edited.id });
    expect(titles(await query({ ledger: 'meetings', q: '作风' }))).toEqual(['作风建设党课']);
  });

  it('keeps Chinese order while saves keep adding titles between the same two neighbours', async () => {
    await seedMeetings();
    // Enough titles that one more is placed into the column's collation rather than sorting them all again.
    for (let i = 0; i < 10; i++) await meeting({ date: '2026-04-02', title: `作风建设第${i + 1}讲` });
    await query({ ledger: 'meetings', sort: { key: 'title', order: 'ascend' } });
    // Each new title sorts right after the last one added, between it and 读书班开班式: the ranks between two
    // neighbours run out after ten halvings and the column's ranks are renumbered.
    const added: string[] = [];
    for (let i = 0; i < 14; i++) {
      const title = `动员部署会${'续'.repeat(i + 1)}`;
      added.push(title);
      await meeting({ date: '2026-04-20', title });
      const r = await query({ ledger: 'meetings', sort: { key: 'title', order: 'ascend' }, limit: 500 });
      expect(r.total).toBe(18 + i);
      expect(titles(r).slice(1, 3 + i)).toEqual(['动员部署会', ...added]);
      const down = await query({ ledger: 'meetings', sort: { key: 'title', order: 'descend' }, limit: 500 });
      expect(titles(down)).toEqual([...titles(r)].reverse());
    }
  });

  it('a unit renamed in 设置 is searched and sorted by its new name', async () => {
    await seedMeetings();
    expect((await query({ ledger: 'meetings', q: '城关街道' })).total).toBe(3);
    const s = await t.ok('settings:get', {});
    await t.ok('settings:update', {
      settings: {
        ...s,
        units: s.units.map((u) => (u.id === 'u-town1' ? { ...u, name: '安平镇纪委' } : u)),
      },
    });
    expect((await query({ ledger: 'meetings', q: '城关街道' })).total).toBe(0);
    expect((await query({ ledger: 'meetings', q: '安平镇' })).total).toBe(3);
    // 安平镇纪委 (an) now sorts before 区纪委监委机关 (qu) either way round as it reads.
    const byUnit = await query({ ledger: 'meetings', sort: { key: 'unit', order: 'ascend' }, limit: 1 });
    expect(byUnit.records[0].unit).toBe('u-town1');
  });
});

describe('confidential ledgers', () => {
  const clue = (clueNo: string, personName: string, reporter: string) => ({
    group: 'clues',
    unit: 'u-office',
    date: '2026-04-02',
    clueNo,
    source: '信访举报',
    reporter,
    personName,
    personUnit: '城关街道',
    summary: '反映问题',
    status: '处置中',
  });

  it('never finds a clue by 反映人, not even for those who may open it', async () => {
    await enableAccounts(t);
    await t.ok('ledgers:create', { ledger: 'clues', record: clue('XS-001', '李被反映', '王反映人') });
    await t.ok('ledgers:create', { ledger: 'clues', record: clue('XS-002', '赵被反映', '孙反映人') });
    expect((await query({ ledger: 'clues', q: '王反映人' })).total).toBe(0);
    expect((await query({ ledger: 'clues', q: '反映人' })).total).toBe(0);
    const shown = await query({ ledger: 'clues', q: '李被反映' });
    expect(shown.records.map((r) => r.clueNo)).toEqual(['XS-001']);
    // Whoever may see 反映人 (the administrator here) may sort by it.
    const sorted = await query({ ledger: 'clues', sort: { key: 'reporter', order: 'ascend' } });
    expect(sorted.records.map((r) => r.reporter)).toEqual(['孙反映人', '王反映人']);
  });

  it('refuses the query to a working group member, and before the administrator exists', async () => {
    const locked = await t.call('ledgers:query', { ledger: 'clues' });
    expect(!locked.ok && locked.error.code).toBe('needs_admin');
    await enableAccounts(t);
    await t.ok('ledgers:create', { ledger: 'clues', record: clue('XS-001', '李被反映', '王反映人') });
    await t.ok('users:create', {
      username: 'zuyuan',
      displayName: '组员',
      role: 'member',
      groups: ['drafting'],
      password: 'Zuyuan#2026-first',
    });
    const r = await t.call('auth:signIn', { username: 'zuyuan', password: 'Zuyuan#2026-first' });
    if (!r.ok) throw new Error(r.error.message);
    t.as(t.app.security.sessions.contextFor('internal', r.data.sessionId, 'test'));
    await t.ok('auth:changePassword', { oldPassword: 'Zuyuan#2026-first', newPassword: 'Zuyuan#2026-mine' });
    for (const q of ['', '李被反映', '王反映人']) {
      const denied = await t.call('ledgers:query', { ledger: 'clues', q });
      expect(!denied.ok && denied.error.code).toBe('forbidden');
    }
    expect((await query({ ledger: 'meetings' })).count).toBe(0);
  });

  it('lets no caller who may not see confidential fields sort by them', () => {
    const records = [
      { id: 'a', group: 'clues', unit: 'u', date: '2026-04-01', reporter: '甲', rev: 1 },
      { id: 'b', group: 'clues', unit: 'u', date: '2026-04-02', reporter: '乙', rev: 1 },
    ] as unknown as LedgerRecord[];
    const q = createLedgerQuery({
      all: () => records,
      settings: () => ({ units: [], groups: [] }) as never,
    });
    const args = { ledger: 'clues' as const, offset: 0, limit: 10 };
    const access = { canRead: () => true, canSeeConfidentialFields: false };
    expect(() => q.query({ ...args, sort: { key: 'reporter', order: 'ascend' } }, access)).toThrow(/无权/);
    expect(q.query({ ...args, q: '甲' }, access).total).toBe(0);
    expect(q.query(args, access).records.map((r) => r.id)).toEqual(['b', 'a']);
  });
});
