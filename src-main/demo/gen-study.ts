// Demo study sessions, writings and study materials: weekly collective study in every unit, the 常委会
// (中心组) sessions, district-wide lectures and films, monthly writing figures per unit, the compilations.
import { addDays, daysInMonth } from '../shared/dates';
import type { Unit } from '../shared/settings';
import {
  FILMS,
  LECTURERS,
  LEADER_CONTENTS,
  MOBILIZATION_SPEAKERS,
  PLACES,
  STUDY_CONTENTS,
  STUDY_TITLES,
} from './content';
import type { DemoContext } from './context';
import { COMMISSION_LEADERS } from './settings';

const OFFICE = 'u-bgs';

function session(
  cx: DemoContext,
  u: Unit,
  date: string,
  form: string,
  audience: string,
  expected: number,
  extra: Record<string, unknown> = {},
) {
  const { rng } = cx;
  const actual = Math.max(
    0,
    expected -
      rng.weighted([
        [0, 6],
        [1, 3],
        [2, 1],
      ] as const),
  );
  const titles = STUDY_TITLES[form] ?? STUDY_TITLES['其他'];
  cx.add('studies', {
    group: 'training',
    unit: u.id,
    date,
    form,
    title: rng.pick(titles),
    audience,
    contents: rng.sample(STUDY_CONTENTS, rng.int(1, 3)),
    speaker: `${rng.pick(['主要负责人', '分管负责人', '支部书记'])}`,
    place: rng.pick(PLACES),
    expected,
    actual: Math.min(actual, expected),
    hours: rng.pick([1.5, 2, 2.5, 3]),
    ...extra,
  });
}

const lecture = (i: number, title: string) => ({
  speaker: LECTURERS[i][0],
  speakerUnit: LECTURERS[i][1],
  title,
});

export function genStudies(cx: DemoContext): void {
  const { rng, settings, start, asOf } = cx;
  const office = cx.unit(OFFICE);
  const everyone = settings.units.reduce((t, u) => t + u.headcount, 0);
  // The 常委会 (中心组) studies every week, working through the weightiest contents first.
  for (let d = addDays(start, 1), n = 0; d <= asOf; d = addDays(d, 7), n++) {
    session(cx, office, cx.workday(d), '中心组学习', '领导班子', COMMISSION_LEADERS, {
      title: `常委会（中心组）第${n + 1}次集中学习`,
      contents: [
        LEADER_CONTENTS[n % LEADER_CONTENTS.length],
        LEADER_CONTENTS[(n + 3) % LEADER_CONTENTS.length],
      ],
      speaker: '李建国',
      place: '委机关三楼会议室',
      // The first sessions study the national, provincial and city mobilization speeches.
      ...(n < 2
        ? { speechesOf: n === 0 ? MOBILIZATION_SPEAKERS.slice(0, 2) : MOBILIZATION_SPEAKERS.slice(2) }
        : {}),
    });
  }
  // District-wide events organised by the office.
  const district: [number, string, Record<string, unknown>][] = [
    [2, '集中学习', { title: '教育整顿先行学习', contents: STUDY_CONTENTS.slice(0, 7) }],
    [12, '专题授课', lecture(4, STUDY_TITLES['专题授课'][0])],
    [20, '观看专题片', { title: '组织收看《榜样7》', filmTitle: '榜样7', contents: ['专题节目《榜样7》'] }],
    [27, '读书班', { title: '教育整顿专题读书班', hours: 8 }],
    [33, '应知应会测试', { title: '党纪法规应知应会测试', takers: everyone - 3, passes: everyone - 6 }],
    [47, '专题授课', lecture(3, STUDY_TITLES['专题授课'][1])],
    [61, '警示教育', { title: '以案促改警示教育会', contents: [STUDY_CONTENTS[22]] }],
  ];
  for (const [offset, form, extra] of district) {
    const date = cx.workday(addDays(start, offset));
    if (date <= asOf)
      session(cx, office, date, form, '全体干部', everyone, { place: '区委党校报告厅', ...extra });
  }
  // Every unit: weekly collective study, plus the occasional discussion, theme day, film or warning education.
  for (let rep = 0; rep < cx.scale; rep++) {
    for (const u of settings.units) {
      // Each unit runs one reading class and one knowledge test of its own during 学习教育.
      const study = settings.phases[0];
      session(cx, u, cx.day(addDays(study.start, 14), study.end), '读书班', '本单位干部', u.headcount, {
        hours: 6,
      });
      const takers = u.headcount - rng.int(0, 1);
      session(cx, u, cx.day(addDays(study.start, 28), study.end), '应知应会测试', '本单位干部', u.headcount, {
        takers,
        passes:
          takers -
          rng.weighted([
            [0, 3],
            [1, 1],
          ] as const),
      });
      for (let d = addDays(start, 2); d <= asOf; d = addDays(d, 7)) {
        const day = () => cx.day(d, addDays(d, 4));
        // 每周两学: two collective sessions most weeks, a discussion every other week.
        if (rng.chance(0.95)) session(cx, u, day(), '集中学习', '本单位干部', u.headcount);
        if (rng.chance(0.8)) session(cx, u, day(), '集中学习', '本单位干部', u.headcount);
        if (rng.chance(0.5)) session(cx, u, day(), '交流研讨', '本单位干部', u.headcount);
        if (rng.chance(0.25)) session(cx, u, day(), '主题党日', '本单位干部', u.headcount);
        if (rng.chance(0.2)) session(cx, u, day(), '警示教育', '本单位干部', u.headcount);
        if (rng.chance(0.15)) {
          const film = rng.pick(FILMS);
          session(cx, u, day(), '观看专题片', '本单位干部', u.headcount, {
            title: `观看专题片《${film}》`,
            filmTitle: film,
          });
        }
        if (rng.chance(0.08)) session(cx, u, day(), '其他', '本单位干部', u.headcount);
      }
    }
  }
}

export function genWritings(cx: DemoContext): void {
  const { rng, settings, start, asOf } = cx;
  const months: string[] = [];
  for (let m = start.slice(0, 7); m <= asOf.slice(0, 7);) {
    months.push(m);
    const [y, mo] = m.split('-').map(Number);
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  for (let rep = 0; rep < cx.scale; rep++) {
    for (const u of settings.units) {
      for (const month of months) {
        const [y, mo] = month.split('-').map(Number);
        const last = `${month}-${String(daysInMonth(y, mo)).padStart(2, '0')}`;
        const date = last <= asOf ? last : asOf;
        for (const [audience, people] of [
          ['全体干部', u.headcount],
          ['领导班子', u.leaderHeadcount],
        ] as const) {
          if (!people) continue;
          cx.add('writings', {
            group: 'training',
            unit: u.id,
            date,
            month,
            audience,
            reflections: people * rng.int(1, 2),
            notesChars: people * rng.int(30, 80) * 100,
            speeches: Math.max(1, Math.round((people * rng.int(3, 6)) / 10)),
          });
        }
      }
    }
  }
}

export function genMaterials(cx: DemoContext): void {
  const { rng, start } = cx;
  const everyone = cx.settings.units.reduce((t, u) => t + u.headcount, 0);
  const books: [number, string, string[]][] = [
    [
      3,
      '纪检监察干部队伍教育整顿学习资料汇编',
      [
        '习近平总书记重要讲话',
        '重要指示批示',
        '党章党规党纪和法律法规',
        '中央纪委国家监委领导同志讲话',
        '省、市纪委监委领导同志讲话',
      ],
    ],
    [30, '纪检监察干部违纪违法典型案例警示录', ['典型案例', '忏悔录摘编']],
    [48, '检视整改应知应会手册', ['检视整改政策要求', '问题清单示例', '常用文书格式']],
  ];
  for (let rep = 0; rep < cx.scale; rep++) {
    for (const [offset, title, areas] of books) {
      const volumes = rng.int(1, 3);
      cx.add('materials', {
        group: 'training',
        unit: OFFICE,
        date: cx.workday(addDays(start, offset + rep)),
        title: rep ? `${title}（第${rep + 1}版）` : title,
        volumes,
        copies: volumes * (everyone + rng.int(5, 20)),
        areaCount: areas.length,
        areas,
        articles: rng.int(20, 60),
      });
    }
  }
}
