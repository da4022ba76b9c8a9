// 组织领导: meetings, supervision checks and the task list.
import type { DefaultChoice } from '../../shared/choices';
import type { DateRange } from '../../shared/dates';
import type { LedgerRecord } from '../../shared/ledgers/types';
import { section } from '../define';
import type { StatsIndex } from '../stats-index';
import { count, doneBasis, rate, str, sum } from '../util';

const ind = section('组织领导');

const meetingsOf = (type: DefaultChoice<'meetingType'>) => (ix: StatsIndex, r: DateRange) =>
  ix.withTag(ix.within('meetings', r), 'meetingType', 'type', type).length;

const MEETING_TYPES = [
  ['领导小组会议次数', '领导小组会议', '类型为“领导小组会议”的会议次数'],
  ['领导小组办公室会议次数', '领导小组办公室会议', '类型为“领导小组办公室会议”的会议次数'],
  ['区委常委会专题听取汇报次数', '区委常委会专题听取汇报', '区委常委会专题听取教育整顿汇报的次数'],
  ['动员部署会次数', '动员部署会', '类型为“动员部署会”的会议次数'],
  ['先行学习会次数', '先行学习会', '类型为“先行学习会”的会议次数'],
  ['推进会次数', '推进会/调度会', '类型为“推进会/调度会”的会议次数'],
  ['督导反馈会次数', '督导反馈会', '类型为“督导反馈会”的会议次数'],
] as const;

/** Tasks started in the range; completion and overdue are judged at the range end. */
const tasksIn = (ix: StatsIndex, r: DateRange) => ix.within('tasks', r);
const tasksDone = (ix: StatsIndex, r: DateRange) => count(tasksIn(ix, r), (t) => ix.doneBy('tasks', t, r.to));
const DONE_BASIS = doneBasis('tasks');

/** Units checked in the range, in settings order (inside a unit scope: that unit). */
function unitsChecked(ix: StatsIndex, r: DateRange): string[] {
  const ids = new Set<string>();
  for (const i of ix.within('inspections', r))
    for (const u of (i.unitsChecked as string[] | undefined) ?? []) ids.add(u);
  return ix.settings.units
    .filter((u) => ids.has(u.id) && (!ix.scope.unit || u.id === ix.scope.unit))
    .map((u) => u.name);
}

const overdue = (ix: StatsIndex, t: LedgerRecord, r: DateRange) => {
  const deadline = str(t.deadline);
  return !!deadline && deadline >= r.from && deadline < r.to && !ix.doneBy('tasks', t, r.to);
};

export const ORGANISATION = [
  ind(
    { name: '会议次数', unit: '次', meaning: '会议台账中各类会议的次数' },
    (ix, r) => ix.within('meetings', r).length,
  ),
  ...MEETING_TYPES.map(([name, tag, meaning]) =>
    ind({ name, unit: '次', meaning, basis: [{ list: 'meetingType', tag }] }, meetingsOf(tag)),
  ),
  ind(
    { name: '督导检查次数', unit: '次', meaning: '督导检查次数（按单位统计时为该单位被督导的次数）' },
    (ix, r) => ix.within('inspections', r).length,
  ),
  ind({ name: '督导发现问题数', unit: '个', meaning: '督导检查发现问题数之和' }, (ix, r) =>
    sum(ix.within('inspections', r), 'problemCount'),
  ),
  ind(
    { name: '被督导单位数', unit: '个', meaning: '期间内被督导检查的单位数（同一单位只计一次）' },
    (ix, r) => unitsChecked(ix, r).length,
  ),
  ind({ name: '被督导单位', unit: '', kind: 'list', meaning: '期间内被督导检查的单位名称' }, unitsChecked),
  ind(
    { name: '具体任务数', unit: '项', meaning: '开始日期在期间内的具体任务数' },
    (ix, r) => tasksIn(ix, r).length,
  ),
  ind(
    {
      name: '已完成任务数',
      unit: '项',
      meaning: '上述任务中截至期末已完成或已销号的项数',
      basis: DONE_BASIS,
    },
    tasksDone,
  ),
  ind(
    {
      name: '任务完成率',
      unit: '%',
      kind: 'percent',
      meaning: '已完成任务数 ÷ 具体任务数',
      basis: DONE_BASIS,
    },
    (ix, r) => rate(tasksDone(ix, r), tasksIn(ix, r).length),
  ),
  ind(
    {
      name: '逾期任务数',
      unit: '项',
      meaning: '完成时限在期间内且早于期末、截至期末仍未完成的任务数',
      basis: DONE_BASIS,
    },
    (ix, r) => count(ix.all('tasks'), (t) => overdue(ix, t, r)),
  ),
];
