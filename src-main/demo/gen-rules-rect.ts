// Demo rules (建章立制) and rectification items (检视整改): the office's plans and rules, each township's
// 学习教育制度, the rules rectification produced, and every unit's problem list with links to those rules.
import { addDays } from '../shared/dates';
import type { LedgerRecord } from '../shared/ledgers/types';
import { HIGHLIGHTS, MEASURES, PROBLEMS, RULES_FROM_RECT, RULES_OFFICE } from './content';
import type { DemoContext } from './context';

const OFFICE = 'u-bgs';

/** Adds the rules; returns those rectification may link to (the ones it produced). */
export function genRules(cx: DemoContext): LedgerRecord[] {
  const { rng, start, settings } = cx;
  const year = start.slice(0, 4);
  let no = 0;
  RULES_OFFICE.forEach(([kind, issuedBy, group, title, areaCount, articleCount], i) => {
    cx.add('rules', {
      group,
      unit: OFFICE,
      date: cx.workday(addDays(start, i < 3 ? i : 5 + Math.floor(i / 2))),
      title,
      kind,
      issuedBy,
      areaCount,
      articleCount,
      docNo: `江纪教整发〔${year}〕${++no}号`,
      action: '新制定',
    });
  });
  for (let rep = 0; rep < cx.scale; rep++) {
    for (const u of settings.units.filter((x) => x.kind !== '机关')) {
      // The office picked one township's rules as the report's example (亮点).
      const areas = rng.int(2, 4);
      cx.add('rules', {
        group: 'training',
        unit: u.id,
        date: cx.day(addDays(start, 7), addDays(start, 20)),
        title: rep ? `${u.name}学习教育制度（修订${rep}）` : `${u.name}学习教育制度`,
        kind: '学习教育制度',
        issuedBy: '下属单位',
        areaCount: areas,
        articleCount: areas * rng.int(2, 4),
        action: rep ? '修订' : '新制定',
        highlights: rng.pick(HIGHLIGHTS),
        ...(rep === 0 && u.id === 'u-dhz' ? { featured: true } : {}),
      });
    }
  }
  const produced: LedgerRecord[] = [];
  for (let rep = 0; rep < cx.scale; rep++) {
    for (const [kind, title, articleCount] of RULES_FROM_RECT) {
      const date = cx.day(addDays(start, 55), addDays(start, 88));
      produced.push(
        cx.add('rules', {
          group: 'rectify',
          unit: OFFICE,
          date,
          title: rep ? `${title}（${rep + 1}）` : title,
          kind,
          issuedBy: '领导小组办公室',
          areaCount: rng.int(1, 3),
          articleCount,
          docNo: `江纪教整发〔${year}〕${++no}号`,
          action: rng.chance(0.3) ? '修订' : '新制定',
        }),
      );
    }
  }
  return produced;
}

export function genRectifications(cx: DemoContext, produced: LedgerRecord[]): void {
  const { rng, settings, start, asOf } = cx;
  const phase2 = settings.phases[1] ?? settings.phases[0];
  let no = 0;
  for (let rep = 0; rep < cx.scale; rep++) {
    for (const u of settings.units) {
      const n = u.headcount * 4 + rng.int(2, 6); // 个人自查 yields 3–5 problems a head
      for (let i = 0; i < n; i++) {
        // A few problems surface during study (自查); most in the 检视整改 phase.
        const date = rng.chance(0.15)
          ? cx.day(addDays(start, 14), phase2.start)
          : cx.day(phase2.start, phase2.end);
        const kind = rng.weighted([
          ['立行立改', 4],
          ['限期整改', 5],
          ['长期坚持', 1],
        ] as const);
        const deadline =
          kind === '长期坚持'
            ? undefined
            : addDays(date, kind === '立行立改' ? rng.int(1, 7) : rng.int(15, 45));
        const finish = addDays(date, kind === '立行立改' ? rng.int(1, 7) : rng.int(10, 50));
        const done = kind !== '长期坚持' && finish <= asOf && rng.chance(0.85);
        const status = done ? (rng.chance(0.35) ? '已销号' : '已整改') : '整改中';
        const [category, description] = rng.pick(PROBLEMS);
        // Some finished items produced a rule (建章立制); the link points at a real rule id.
        const rule = done && produced.length && rng.chance(0.12) ? rng.pick(produced) : undefined;
        cx.add('rectifications', {
          group: 'rectify',
          unit: u.id,
          date,
          rectNo: `JZ-${String(++no).padStart(4, '0')}`,
          source: rng.weighted([
            ['个人自查', 5],
            ['征求意见', 2],
            ['谈心谈话', 2],
            ['督导反馈', 2],
            ['上级交办', 1],
            ['案件倒查', 1],
          ] as const),
          category,
          description,
          involved: rng.chance(0.5) ? u.name : `${u.name}相关干部`,
          measures: rng.pick(MEASURES),
          leader: rng.pick(['王立新', '陈晓红', '张伟', '刘洋']),
          person: `${u.name}负责人`,
          deadline,
          kind,
          status,
          doneDate: done ? finish : undefined,
          rules: rule ? [rule.id] : undefined,
        });
      }
    }
  }
}
