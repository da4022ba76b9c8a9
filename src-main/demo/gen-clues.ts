// Demo problem clues (confidential): fictional cadres, realistic sources, dispositions and outcomes whose
// proportions make the four-forms table look like a real one (mostly the first form).
import { addDays } from '../shared/dates';
import { CLUE_SUMMARIES, GIVEN, POSTS, SURNAMES } from './content-more';
import type { DemoContext } from './context';

const CASE_OFFICES = ['u-jc1', 'u-jc2', 'u-xfs'];

type Result = { outcome: string; sanction?: string; caseFiled?: boolean };

function resultOf(cx: DemoContext, disposition: string): Result | undefined {
  const { rng } = cx;
  switch (disposition) {
    case '谈话函询':
      return {
        outcome: rng.weighted([
          ['了结澄清', 5],
          ['谈话提醒', 3],
          ['批评教育', 2],
          ['责令检查', 1],
          ['诫勉', 1],
        ] as const),
      };
    case '初步核实': {
      const outcome = rng.weighted([
        ['了结澄清', 4],
        ['批评教育', 2],
        ['诫勉', 2],
        ['党纪处分', 2],
        ['政务处分', 1],
        ['组织处理', 1],
      ] as const);
      if (outcome === '党纪处分')
        return { outcome, sanction: rng.pick(['警告', '严重警告', '撤销党内职务']), caseFiled: true };
      if (outcome === '政务处分')
        return { outcome, sanction: rng.pick(['政务警告', '记过', '记大过', '降级']), caseFiled: true };
      if (outcome === '组织处理') return { outcome, sanction: rng.pick(['调整职务', '停职', '免职']) };
      return { outcome };
    }
    case '拟立案':
      return rng.chance(0.2)
        ? { outcome: '移送司法机关', caseFiled: true }
        : { outcome: '党纪处分', sanction: rng.pick(['严重警告', '留党察看', '开除党籍']), caseFiled: true };
    case '予以了结':
      return { outcome: '了结澄清' };
    default:
      return undefined; // 暂存待查: no result yet
  }
}

export function genClues(cx: DemoContext): void {
  const { rng, settings, start, asOf } = cx;
  const year = start.slice(0, 4);
  const handlers = [settings.groups.find((g) => g.key === 'clues')?.leader ?? '张伟', '何建军', '罗晓燕'];
  const n = 55 * cx.scale;
  for (let i = 0; i < n; i++) {
    const date = cx.day(addDays(start, -10), asOf);
    const [post, rank] = rng.pick(POSTS);
    const [category, summary] = rng.pick(CLUE_SUMMARIES);
    const personUnit = rng.pick(settings.units).name;
    const disposition = rng.weighted([
      ['谈话函询', 9],
      ['初步核实', 6],
      ['暂存待查', 2],
      ['予以了结', 2],
      ['拟立案', 1],
    ] as const);
    const dispositionDate = addDays(date, rng.int(3, 20));
    const disposed = dispositionDate <= asOf;
    const closedDate = addDays(dispositionDate, rng.int(10, 45));
    const result = disposed && closedDate <= asOf ? resultOf(cx, disposition) : undefined;
    cx.add('clues', {
      group: 'clues',
      unit: rng.pick(CASE_OFFICES),
      date,
      clueNo: `XS${year}-${String(i + 1).padStart(3, '0')}`,
      source: rng.weighted([
        ['信访举报', 10],
        ['上级交办', 3],
        ['巡视巡察移交', 2],
        ['审计移交', 1],
        ['监督检查发现', 3],
        ['其他', 1],
      ] as const),
      reporter: rng.chance(0.4) ? `${rng.pick(SURNAMES)}某某` : undefined,
      personName: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`,
      personUnit,
      personPost: post,
      personRank: rank,
      category,
      summary,
      handler: rng.pick(handlers),
      disposition: disposed ? disposition : undefined,
      dispositionDate: disposed ? dispositionDate : undefined,
      outcome: result?.outcome,
      sanction: result?.sanction,
      caseFiled: result ? (result.caseFiled ?? false) : undefined,
      closedDate: result ? closedDate : undefined,
      status: result ? '已办结' : disposed ? '处置中' : '待处置',
    });
  }
}
