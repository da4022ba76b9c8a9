// Renaming a choice option in 设置 keeps every count right: records saved under the old label and records
// saved under the new one count alike, through the real app (settings:update, ledgers:create, stats:*).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndicatorRaw } from '../../../src-main/shared/indicators';
import type { Settings } from '../../../src-main/shared/settings';
import { enableAccounts, openTestApp, sampleMeeting, setUpOffice } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';

const APRIL = { from: '2026-04-01', to: '2026-04-30' };

let t: TestApp;
beforeEach(async () => {
  t = await openTestApp(); // today is 2026-04-20
  await setUpOffice(t);
});
afterEach(async () => t.close());

/** Edits one line of a choice list in place, as the one-option-per-line editor in 设置 does. */
async function renameOption(list: string, from: string, to: string): Promise<Settings> {
  const s = await t.ok('settings:get', {});
  expect(s.choiceLists[list]).toContain(from);
  const lines = s.choiceLists[list].map((l) => (l === from ? to : l));
  return t.ok('settings:update', { settings: { ...s, choiceLists: { ...s.choiceLists, [list]: lines } } });
}

async function values(query = APRIL): Promise<Record<string, [IndicatorRaw, IndicatorRaw]>> {
  const { indicators } = await t.ok('stats:compute', query);
  return Object.fromEntries(indicators.map((i) => [i.name, [i.period, i.cumulative]]));
}

const create = (ledger: 'meetings' | 'tasks' | 'clues', record: Record<string, unknown>) =>
  t.ok('ledgers:create', { ledger, record });

const task = (over: Record<string, unknown>) => ({
  group: 'office',
  unit: 'u-office',
  phase: '学习教育',
  content: '任务',
  ...over,
});

let clueNo = 0;
const clue = (over: Record<string, unknown>) => ({
  group: 'clues',
  unit: 'u-office',
  date: '2026-04-02',
  clueNo: `XS-2026-${String(++clueNo).padStart(3, '0')}`,
  source: '信访举报',
  personName: `被反映人${clueNo}`,
  personUnit: '城关街道',
  summary: '反映问题',
  status: '已办结',
  dispositionDate: '2026-04-05',
  closedDate: '2026-04-10',
  ...over,
});

describe('renaming a meeting type', () => {
  it('counts meetings saved under the old and the new name in 领导小组会议次数', async () => {
    await create('meetings', sampleMeeting({ date: '2026-04-03' }));
    await create('meetings', sampleMeeting({ date: '2026-04-10', title: '第二次会议' }));
    await create('meetings', sampleMeeting({ type: '领导小组办公室会议', title: '办公室会议' }));
    expect((await values())['领导小组会议次数']).toEqual([2, 2]);

    const saved = await renameOption('meetingType', '领导小组会议', '领导小组全体会议');
    expect(saved.choiceLists.meetingType[1]).toBe('领导小组全体会议');
    expect(saved.choiceMeanings).toEqual({
      meetingType: { 领导小组会议: ['领导小组全体会议', '领导小组会议'] },
    });
    await create(
      'meetings',
      sampleMeeting({ date: '2026-04-15', type: '领导小组全体会议', title: '第三次会议' }),
    );

    const v = await values();
    expect(v['领导小组会议次数']).toEqual([3, 3]);
    expect(v['领导小组办公室会议次数']).toEqual([1, 1]);
    expect(v['会议次数']).toEqual([4, 4]);
    // Old records keep the label they were saved with; the list constrains new input only.
    const { records } = await t.ok('ledgers:list', { ledger: 'meetings' });
    expect(records.map((r) => r.type).sort()).toEqual(
      ['领导小组会议', '领导小组会议', '领导小组全体会议', '领导小组办公室会议'].sort(),
    );
    const refused = await t.call('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
    expect(!refused.ok && refused.error.code).toBe('validation');
  });

  it('follows a second rename and a reload from disk, keeping every former name', async () => {
    await create('meetings', sampleMeeting());
    await renameOption('meetingType', '领导小组会议', '领导小组全体会议');
    await create('meetings', sampleMeeting({ type: '领导小组全体会议' }));
    const saved = await renameOption('meetingType', '领导小组全体会议', '领导小组（扩大）会议');
    expect(saved.choiceMeanings?.meetingType).toEqual({
      领导小组会议: ['领导小组（扩大）会议', '领导小组全体会议', '领导小组会议'],
    });
    await create('meetings', sampleMeeting({ type: '领导小组（扩大）会议' }));
    expect((await values())['领导小组会议次数']).toEqual([3, 3]);

    const dir = t.dir;
    await t.app.close();
    t = await openTestApp({ dir });
    expect((await t.ok('settings:get', {})).choiceMeanings?.meetingType?.领导小组会议).toHaveLength(3);
    expect((await values())['领导小组会议次数']).toEqual([3, 3]);
  });

  it('takes a deleted, added or moved line for what it is: no rename', async () => {
    await create('meetings', sampleMeeting());
    const s = await t.ok('settings:get', {});
    const lines = s.choiceLists.meetingType.filter((l) => l !== '领导小组会议');
    const update = (meetingType: string[]) =>
      t.ok('settings:update', { settings: { ...s, choiceLists: { ...s.choiceLists, meetingType } } });
    expect((await update([...lines, '专题会议'])).choiceMeanings).toBeUndefined();
    expect((await update(['专题会议', ...lines.reverse()])).choiceMeanings).toBeUndefined();
    // The deleted option still means what it meant for the records that carry it.
    expect((await values())['领导小组会议次数']).toEqual([1, 1]);
  });

  it('keeps meanings in the service’s hands: a caller cannot send its own', async () => {
    const s = await t.ok('settings:get', {});
    const saved = await t.ok('settings:update', {
      settings: { ...s, choiceMeanings: { meetingType: { 领导小组会议: ['督导反馈会'] } } },
    });
    expect(saved.choiceMeanings).toBeUndefined();
  });
});

describe('renaming a done status', () => {
  it('keeps 已完成任务数, 任务完成率, 逾期任务数 and the task lights right', async () => {
    await create(
      'tasks',
      task({ date: '2026-04-01', deadline: '2026-04-15', status: '已完成', doneDate: '2026-04-12' }),
    );
    await create('tasks', task({ date: '2026-04-02', deadline: '2026-04-18', status: '推进中' }));
    const before = await values();
    expect(before['已完成任务数']).toEqual([1, 1]);
    expect(before['任务完成率']).toEqual([50, 50]);

    await renameOption('taskStatus', '已完成', '已办完');
    // Done, due in five days: without its meaning it would show a green light and count as not done.
    await create(
      'tasks',
      task({ date: '2026-04-03', deadline: '2026-04-25', status: '已办完', doneDate: '2026-04-19' }),
    );

    const v = await values();
    expect(v['具体任务数']).toEqual([3, 3]);
    expect(v['已完成任务数']).toEqual([2, 2]);
    expect(v['任务完成率']).toEqual([66.7, 66.7]);
    expect(v['逾期任务数']).toEqual([1, 1]);
    const dash = await t.ok('stats:dashboard', APRIL);
    expect(dash.taskLights.find((l) => l.group === 'office')).toMatchObject({ green: 0, yellow: 0, red: 1 });
    expect(dash.overdueTasks).toHaveLength(1);
  });

  it('keeps a renamed rectification status counted as rectified', async () => {
    const s = await renameOption('rectStatus', '已整改', '整改完成');
    expect(s.choiceMeanings?.rectStatus).toEqual({ 已整改: ['整改完成', '已整改'] });
  });
});

describe('renaming an outcome or a sanction', () => {
  // Clues are stored only encrypted, so only once the administrator exists.
  beforeEach(async () => void (await enableAccounts(t)));

  it('moves its 四种形态 form to the new name and keeps every form count', async () => {
    await create('clues', clue({ disposition: '谈话函询', outcome: '了结澄清' })); // first form
    await create('clues', clue({ disposition: '初步核实', outcome: '党纪处分', sanction: '警告' })); // second
    await create('clues', clue({ disposition: '初步核实', outcome: '政务处分', sanction: '撤职' })); // third
    await create('clues', clue({ disposition: '初步核实', outcome: '了结澄清' })); // no form: not after 谈话函询
    const before = await values();
    expect([1, 2, 3].map((n) => before[`第${'一二三'[n - 1]}种形态人次`][0])).toEqual([1, 1, 1]);

    const keys = Object.keys((await t.ok('settings:get', {})).fourForms);
    await renameOption('clueSanction', '警告', '党内警告');
    await renameOption('clueOutcome', '了结澄清', '澄清了结');
    await renameOption('clueDisposition', '谈话函询', '函询');
    const s = await renameOption('clueStatus', '已办结', '办结');
    expect(s.fourForms.党内警告).toBe(2);
    expect(s.fourForms.澄清了结).toBe(1);
    expect('警告' in s.fourForms || '了结澄清' in s.fourForms).toBe(false);
    expect(Object.keys(s.fourForms)).toEqual(
      keys.map((k) => (k === '警告' ? '党内警告' : k === '了结澄清' ? '澄清了结' : k)),
    );

    await create('clues', clue({ disposition: '函询', outcome: '澄清了结', status: '办结' })); // first
    await create(
      'clues',
      clue({ disposition: '初步核实', outcome: '党纪处分', sanction: '党内警告', status: '办结' }),
    );
    const v = await values();
    expect(v['第一种形态人次']).toEqual([2, 2]);
    expect(v['第二种形态人次']).toEqual([2, 2]);
    expect(v['第三种形态人次']).toEqual([1, 1]);
    expect(v['四种形态人次']).toEqual([5, 5]);
    expect(v['第一种形态占比']).toEqual([40, 40]);
    expect(v['谈话函询线索数']).toEqual([2, 2]);
    expect(v['办结线索数']).toEqual([6, 6]);
    expect(v['处分人数']).toEqual([3, 3]);
  });

  it('keeps the record checks that depend on a meaning: 处分种类 after 党纪处分, 完成日期 after a done status', async () => {
    await renameOption('clueOutcome', '党纪处分', '给予党纪处分');
    await renameOption('taskStatus', '已完成', '已办完');
    // A sanction belongs with the renamed outcome, and is still required there.
    await create('clues', clue({ disposition: '初步核实', outcome: '给予党纪处分', sanction: '警告' }));
    const missing = await t.call('ledgers:create', {
      ledger: 'clues',
      record: clue({ disposition: '初步核实', outcome: '给予党纪处分' }),
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toContain('处分种类必须选择');
    // A task in the renamed done status still needs its done date.
    const undated = await t.call('ledgers:create', {
      ledger: 'tasks',
      record: task({ date: '2026-04-03', deadline: '2026-04-25', status: '已办完' }),
    });
    expect(undated.ok).toBe(false);
    if (!undated.ok) expect(undated.error.message).toContain('完成日期必须填写');
    expect((await values())['第二种形态人次']).toEqual([1, 1]);
  });

  it('mends the mapping when a page opened before the rename saves its stale copy', async () => {
    const stale = await t.ok('settings:get', {});
    await renameOption('clueSanction', '警告', '党内警告');
    // The page still shows 警告 in 四种形态 and the renamed list, as it sent them on the first save.
    const lists = {
      ...stale.choiceLists,
      clueSanction: stale.choiceLists.clueSanction.map((l) => (l === '警告' ? '党内警告' : l)),
    };
    const saved = await t.ok('settings:update', {
      settings: { ...stale, choiceLists: lists, fourForms: stale.fourForms },
    });
    expect(saved.fourForms.党内警告).toBe(2);
    expect('警告' in saved.fourForms).toBe(false);
    expect(saved.choiceMeanings?.clueSanction).toEqual({ 警告: ['党内警告', '警告'] });
  });
});

describe('the catalog names what each indicator counts by', () => {
  it('so 设置 can warn before such an option is deleted', async () => {
    const { indicators } = await t.ok('stats:catalog', {});
    const by = (list: string, tag: string) =>
      indicators.filter((i) => i.basis?.some((b) => b.list === list && b.tag === tag)).map((i) => i.name);
    expect(by('meetingType', '领导小组会议')).toEqual(['领导小组会议次数']);
    expect(by('taskStatus', '已完成')).toEqual(['已完成任务数', '任务完成率', '逾期任务数']);
    expect(by('meetingType', '其他')).toEqual([]);
  });
});
