// The dashboard's data: the indicators plus the task lights, overdue tasks, study by month, rectification
// progress and a per-unit comparison, all from the same index the catalog reads.
import type { DashboardData } from '../shared/contract/stats';
import type { StatsQuery } from '../shared/indicators';
import type { IndicatorName } from './catalog';
import { computeIndicators, rangesOf } from './compute';
import { bucketByUnit, groupOf, StatsIndex } from './stats-index';
import { taskLight } from './tasks';
import type { StatsInput } from './types';
import { doneDateBy, num, str, sum } from './util';

/** The numbers an office looks at first, in this order: the dashboard's cards (typed: a typo fails to compile). */
export const DASHBOARD_KEY_NUMBERS: IndicatorName[] = [
  '领导小组会议次数',
  '督导检查次数',
  '集中学习次数',
  '参学率',
  '心得体会篇数',
  '学习笔记万字',
  '受理线索数',
  '检视问题数',
  '整改率',
  '制度数',
  '宣传稿件数',
  '简报期数',
];

/** 'YYYY-MM' of every month from `from` to `to`, both included. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) break;
    out.push(key);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

export function computeDashboard(input: StatsInput, query: StatsQuery, today: string): DashboardData {
  const { settings } = input;
  const { period, cumulative } = rangesOf(input, query);
  const ix = new StatsIndex(input, {
    ...(query.unit ? { unit: query.unit } : {}),
    ...(query.group ? { group: query.group } : {}),
  });

  // Lights describe today's state of every task started by the period end.
  const tasks = ix.all('tasks').filter((t) => t.date <= query.to);
  const lights = new Map(settings.groups.map((g) => [g.key, { green: 0, yellow: 0, red: 0 }]));
  const overdueTasks: DashboardData['overdueTasks'] = [];
  for (const t of tasks) {
    const light = taskLight(t, today, ix.choices);
    const group = groupOf('tasks', t);
    if (light !== 'done') {
      const row = lights.get(group);
      if (row) row[light]++;
    }
    if (light === 'red') {
      overdueTasks.push({
        id: t.id,
        content: str(t.content) ?? '',
        deadline: String(t.deadline),
        unit: str(t.responsibleUnit) ?? t.unit,
        group,
      });
    }
  }
  overdueTasks.sort(
    (a, b) => a.deadline.localeCompare(b.deadline) || a.content.localeCompare(b.content, 'zh'),
  );

  const studies = ix.within('studies', period);
  const studyByMonth = monthsBetween(period.from, period.to).map((month) => {
    const inMonth = studies.filter((s) => s.date.startsWith(month));
    return { month, sessions: inMonth.length, participants: sum(inMonth, 'actual') };
  });

  // Progress of everything found so far (累计), judged at the period end.
  const found = ix.within('rectifications', cumulative);
  const by = (x: (typeof found)[number]) => doneDateBy(x, cumulative.to);
  const closed = found.filter((x) => ix.is('rectStatus', x.status, '已销号') && by(x)).length;
  const done = found.filter((x) => ix.is('rectStatus', x.status, '已整改') && by(x)).length;

  const buckets = bucketByUnit(
    input.ledgers,
    settings.units.map((u) => u.id),
    query.group,
  );
  const perUnit = settings.units.map((u) => {
    const uix = new StatsIndex(input, { unit: u.id }, buckets.get(u.id));
    return {
      unit: u.id,
      unitName: u.name,
      studies: uix.within('studies', period).length,
      writings: uix
        .within('writings', period)
        .filter((w) => uix.is('writingAudience', w.audience, '全体干部'))
        .reduce((t, w) => t + num(w.reflections), 0),
      rectifications: uix.within('rectifications', period).length,
    };
  });

  return {
    query: { from: query.from, to: query.to },
    indicators: computeIndicators(input, query),
    taskLights: settings.groups.map((g) => ({ group: g.key, groupName: g.name, ...lights.get(g.key)! })),
    overdueTasks,
    studyByMonth,
    rectification: { total: found.length, done, closed, inProgress: found.length - done - closed },
    perUnit,
    keyNumbers: DASHBOARD_KEY_NUMBERS,
  };
}
