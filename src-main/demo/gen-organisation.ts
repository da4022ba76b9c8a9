// Demo meetings, tasks and supervision checks: a realistic rhythm of leading-group and office meetings,
// the task list with statuses as of the demo's "today", and rounds of checks over the sub-units.
import { addDays } from '../shared/dates';
import { AGENDA, MEETINGS_OFFICE } from './content-more';
import { INSPECTION_TITLES, PROBLEMS, TASKS, UNIT_TASKS } from './content';
import type { DemoContext } from './context';
import { COMMISSION_LEADERS } from './settings';

const OFFICE = 'u-bgs';
const NUMERALS = '一二三四五六七八九十';
const cn = (n: number) =>
  n <= 10
    ? NUMERALS[n - 1]
    : n < 20
      ? `十${NUMERALS[n - 11]}`
      : `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;

export function genMeetings(cx: DemoContext): void {
  const { rng, start, asOf } = cx;
  const year = start.slice(0, 4);
  let minutes = 0;
  const meeting = (
    type: string,
    title: string,
    date: string,
    unit = OFFICE,
    expected = COMMISSION_LEADERS,
  ) => {
    const present = Math.max(0, expected - rng.int(0, 1));
    cx.add('meetings', {
      group: 'drafting',
      unit,
      date,
      type,
      title,
      place: unit === OFFICE ? '委机关三楼会议室' : '本单位会议室',
      chair: unit === OFFICE ? '李建国' : undefined,
      expected,
      present,
      agenda: rng.sample(AGENDA, rng.int(2, 4)),
      minutesNo: unit === OFFICE ? `江纪教整纪〔${year}〕${++minutes}号` : undefined,
    });
  };
  // Before the launch the 区委常委会 hears the preparations; it hears progress again mid-campaign.
  meeting(
    '区委常委会专题听取汇报',
    '区委常委会会议专题听取全区纪检监察干部队伍教育整顿筹备情况汇报',
    cx.workday(addDays(start, -5)),
    OFFICE,
    11,
  );
  meeting(
    '区委常委会专题听取汇报',
    '区委常委会会议专题听取教育整顿工作进展情况汇报',
    cx.day(addDays(start, 50), addDays(start, 60)),
    OFFICE,
    11,
  );
  MEETINGS_OFFICE.forEach(([type, title], i) =>
    meeting(type, title, cx.workday(addDays(start, i + 1)), OFFICE, 120),
  );
  for (let d = addDays(start, 3), n = 1; d <= asOf; d = addDays(d, 14), n++) {
    meeting('领导小组会议', `全区纪检监察干部队伍教育整顿领导小组第${cn(n)}次会议`, cx.workday(d));
  }
  for (let d = addDays(start, 4), n = 1; d <= asOf; d = addDays(d, 7), n++) {
    meeting('领导小组办公室会议', `教育整顿领导小组办公室第${cn(n)}次工作例会`, cx.workday(d), OFFICE, 14);
  }
  for (const [offset, title] of [
    [40, '学习教育环节工作推进会'],
    [70, '检视整改环节工作调度会'],
  ] as const) {
    meeting('推进会/调度会', title, cx.day(addDays(start, offset), addDays(start, offset + 3)), OFFICE, 40);
  }
  for (let round = 0; round < 3; round++) {
    meeting(
      '督导反馈会',
      `教育整顿第${cn(round + 1)}轮督导反馈会`,
      cx.day(addDays(start, 30 + round * 25), addDays(start, 35 + round * 25)),
      OFFICE,
      30,
    );
  }
  // Every sub-unit holds its own deployment and progress meetings.
  for (let rep = 0; rep < cx.scale; rep++) {
    for (const u of cx.settings.units.filter((x) => x.id !== OFFICE)) {
      meeting(
        '其他',
        `${u.name}教育整顿工作部署会`,
        cx.day(addDays(start, 3), addDays(start, 8)),
        u.id,
        u.headcount,
      );
      meeting(
        '推进会/调度会',
        `${u.name}教育整顿推进会`,
        cx.day(addDays(start, 45), addDays(start, 60)),
        u.id,
        u.headcount,
      );
      // The 检视整改 phase closes with each unit's 专题组织生活会.
      meeting(
        '其他',
        `${u.name}教育整顿专题组织生活会`,
        cx.day(addDays(start, 70), addDays(start, 80)),
        u.id,
        u.headcount,
      );
      // Fortnightly meetings in every unit that hear the campaign's progress.
      for (let d = addDays(start, 10), n = 1; d <= cx.asOf; d = addDays(d, 14), n++) {
        meeting(
          '其他',
          `${u.name}教育整顿工作例会（第${cn(n)}次）`,
          cx.day(d, addDays(d, 3)),
          u.id,
          u.headcount,
        );
      }
    }
  }
}

export function genTasks(cx: DemoContext): void {
  const { rng, settings } = cx;
  const phase = (name: string) => settings.phases.find((p) => p.name === name) ?? settings.phases[0];
  const task = (phaseName: string, group: string, unit: string, content: string, person: string) => {
    const p = phase(phaseName);
    const date = cx.workday(addDays(p.start, rng.int(0, 10)));
    const deadline = addDays(date, rng.int(7, 35));
    let status = '未启动';
    let doneDate: string | undefined;
    if (date <= cx.asOf) {
      const finish = addDays(
        date,
        rng.int(3, Math.max(4, Math.round((Date.parse(deadline) - Date.parse(date)) / 86_400_000) + 4)),
      );
      // Most tasks finish around their deadline; a few slip past it and show red.
      if (finish <= cx.asOf && rng.chance(0.9)) {
        status = rng.chance(0.25) ? '已销号' : '已完成';
        doneDate = finish;
      } else status = '推进中';
    }
    cx.add('tasks', {
      group: 'office',
      unit: OFFICE,
      date,
      phase: phaseName,
      content,
      source: rng.weighted([
        ['实施方案', 6],
        ['会议部署', 2],
        ['上级交办', 1],
        ['督导反馈', 1],
      ] as const),
      leadGroup: group,
      responsibleUnit: unit,
      responsiblePerson: person,
      deadline,
      status,
      progress: status === '推进中' ? '正在按计划推进' : doneDate ? '已按要求完成' : undefined,
      doneDate,
    });
  };
  for (const [ph, group, content] of TASKS) {
    task(ph, group, OFFICE, content, settings.groups.find((g) => g.key === group)?.leader ?? '');
  }
  for (let rep = 0; rep < cx.scale; rep++) {
    for (const u of settings.units.filter((x) => x.id !== OFFICE)) {
      for (const [ph, content] of rng.sample(UNIT_TASKS, 5)) {
        task(ph, 'rectify', u.id, content, `${u.name}主要负责人`);
      }
    }
  }
}

export function genInspections(cx: DemoContext): void {
  const { rng, settings, start } = cx;
  const targets = settings.units.filter((u) => u.kind !== '机关' || u.id === 'u-xfs');
  for (let rep = 0; rep < cx.scale; rep++) {
    for (let round = 0; round < 3; round++) {
      const from = addDays(start, 20 + round * 25);
      if (from > cx.asOf) break;
      for (let i = 0; i < 12; i++) {
        const date = cx.day(from, addDays(from, 10));
        const problemCount = rng.weighted([
          [0, 2],
          [1, 3],
          [2, 3],
          [3, 2],
          [5, 1],
        ] as const);
        const feedbackDate = addDays(date, rng.int(3, 10));
        const fed = feedbackDate <= cx.asOf;
        cx.add('inspections', {
          group: 'rectify',
          unit: OFFICE,
          date,
          title: INSPECTION_TITLES[Math.min(round * 2 + rng.int(0, 1), INSPECTION_TITLES.length - 1)],
          leader: rng.pick(['王立新', '陈晓红', '张伟', '刘洋']),
          team: rng.sample(['冯志刚', '邓晓梅', '黄海涛', '林悦', '郑凯'], 2),
          unitsChecked: rng.sample(targets, rng.int(1, 3)).map((u) => u.id),
          methods: rng.sample(settings.choiceLists.inspectionMethod, rng.int(2, 3)),
          problemCount,
          problems: problemCount
            ? rng
                .sample(PROBLEMS, problemCount)
                .map(([, t], k) => `${k + 1}. ${t}`)
                .join('\n')
            : undefined,
          feedbackDate: fed ? feedbackDate : undefined,
          rectRequired: problemCount > 0,
          closed: fed && rng.chance(0.7),
        });
      }
    }
  }
}
