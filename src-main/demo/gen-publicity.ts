// Demo publicity articles, public-opinion incidents and numbered bulletins (正刊 and 增刊 numbered apart),
// some of them adopted by superiors.
import { addDays } from '../shared/dates';
import {
  ADOPTERS,
  ARTICLE_SUBJECTS,
  BULLETIN_TITLES,
  ISSUE_TO,
  OPINIONS,
  OUTLETS,
  REPORT_TO,
  SEND_TO,
} from './content-more';
import type { DemoContext } from './context';

const OFFICE = 'u-bgs';
const BODY = [
  '会议强调，要深刻认识开展教育整顿的重大意义，以刀刃向内的勇气推动各项任务落地见效。',
  '各单位严格对照实施方案，逐项细化落实举措，确保教育整顿取得实效。',
  '下一步，区纪委监委将持续压实责任，推动教育整顿走深走实。',
];

export function genPublicity(cx: DemoContext): void {
  const { rng, settings, start, asOf } = cx;
  const n = 320 * cx.scale;
  for (let i = 0; i < n; i++) {
    const u = rng.chance(0.5) ? cx.unit(OFFICE) : rng.pick(settings.units);
    const level = rng.weighted([
      ['中央级', 1],
      ['省级', 4],
      ['市级', 8],
      ['区级', 12],
      ['内部', 6],
    ] as const);
    const subject = rng.pick(ARTICLE_SUBJECTS);
    cx.add('publicity', {
      group: 'publicity',
      unit: u.id,
      date: cx.day(start, asOf),
      title: u.id === OFFICE ? `江城区纪委监委：${subject}` : `${u.name}：${subject}`,
      kind: rng.weighted([
        ['信息', 6],
        ['新闻', 4],
        ['新媒体', 4],
        ['评论', 1],
        ['专题', 1],
        ['图片', 1],
      ] as const),
      outlet: rng.pick(OUTLETS[level]),
      level,
      author: rng.pick(['唐颖', '韩冰', '孙丽', '许文静']),
    });
  }
}

export function genOpinions(cx: DemoContext): void {
  const { rng, start, asOf } = cx;
  const n = 12 * cx.scale;
  for (let i = 0; i < n; i++) {
    const [platform, summary] = OPINIONS[i % OPINIONS.length];
    const date = cx.day(start, asOf);
    const closedDate = addDays(date, rng.int(0, 5));
    const closed = closedDate <= asOf && rng.chance(0.9);
    cx.add('opinions', {
      group: 'publicity',
      unit: OFFICE,
      date,
      platform,
      summary: i < OPINIONS.length ? summary : `${summary}（${Math.floor(i / OPINIONS.length) + 1}）`,
      level: rng.weighted([
        ['一般', 8],
        ['较大', 2],
        ['重大', 0.3],
      ] as const),
      measures: '及时核查情况，回应网民关切，跟踪监测后续舆情。',
      status: closed ? '已处置' : '处置中',
      closedDate: closed ? closedDate : undefined,
    });
  }
}

export function genBulletins(cx: DemoContext): void {
  const { rng, start, asOf } = cx;
  const numbers = new Map<string, number>();
  for (let rep = 0; rep < cx.scale; rep++) {
    for (let d = addDays(start, 2 + rep), i = 0; d <= asOf; d = addDays(d, rng.int(3, 5)), i++) {
      const date = cx.workday(d);
      if (date > asOf) break;
      const kind = rng.chance(0.12) ? '增刊' : '正刊';
      // Numbered per year and per kind: 正刊 and 增刊 each start at 第1期.
      const key = `${date.slice(0, 4)}-${kind}`;
      const issueNo = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, issueNo);
      const adoptedDate = addDays(date, rng.int(3, 15));
      const adopted = adoptedDate <= asOf && rng.chance(0.2);
      const title = BULLETIN_TITLES[i % BULLETIN_TITLES.length];
      cx.add('bulletins', {
        group: 'drafting',
        unit: OFFICE,
        date,
        issueNo,
        kind,
        title,
        signedBy: '王立新',
        editorNote: kind === '增刊' ? '现将有关情况刊发，供各单位学习借鉴。' : undefined,
        body: `近日，${title}。${rng.pick(BODY)}`,
        reportTo: REPORT_TO,
        sendTo: SEND_TO,
        issueTo: ISSUE_TO,
        copies: rng.int(30, 60),
        adoptedBy: adopted ? [rng.pick(ADOPTERS)] : undefined,
        adoptedDate: adopted ? adoptedDate : undefined,
      });
    }
  }
}
