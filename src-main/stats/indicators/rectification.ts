// 检视整改: the problem list found in self-examination, its rectification and the rules it produced.
import type { DateRange } from '../../shared/dates';
import { section } from '../define';
import type { StatsIndex } from '../stats-index';
import { count, doneBasis, doneDateBy, rate, strList } from '../util';

const ind = section('检视整改');

const DONE_BASIS = doneBasis('rectifications');

/** Items found (查摆) in the range; whether rectified is judged at the range end. */
const found = (ix: StatsIndex, r: DateRange) => ix.within('rectifications', r);
const done = (ix: StatsIndex, r: DateRange) =>
  ix.memo(`rect-done\u0000${r.from}\u0000${r.to}`, () =>
    count(found(ix, r), (x) => ix.doneBy('rectifications', x, r.to)),
  );

/** Rules linked from the scope's rectification items, issued in the range and not repealed. */
function rulesBuilt(ix: StatsIndex, r: DateRange): number {
  const linked = ix.memo(
    'rect-linked-rules',
    () => new Set(ix.all('rectifications').flatMap((x) => strList(x.rules))),
  );
  if (linked.size === 0) return 0;
  return count(
    ix.everything.rules ?? [],
    (rule) =>
      linked.has(rule.id) &&
      rule.date >= r.from &&
      rule.date <= r.to &&
      !ix.is('ruleAction', rule.action, '废止'),
  );
}

export const RECTIFICATION = [
  ind(
    { name: '检视问题数', unit: '个', meaning: '查摆日期在期间内的检视问题数' },
    (ix, r) => found(ix, r).length,
  ),
  ind(
    {
      name: '已整改问题数',
      unit: '个',
      meaning: '上述问题中截至期末已整改或已销号的个数',
      basis: DONE_BASIS,
    },
    done,
  ),
  ind(
    {
      name: '已销号问题数',
      unit: '个',
      meaning: '上述问题中截至期末已销号的个数',
      basis: [{ list: 'rectStatus', tag: '已销号' }],
    },
    (ix, r) => count(found(ix, r), (x) => ix.is('rectStatus', x.status, '已销号') && doneDateBy(x, r.to)),
  ),
  ind(
    {
      name: '整改中问题数',
      unit: '个',
      meaning: '上述问题中截至期末尚未整改完成的个数',
      basis: DONE_BASIS,
    },
    (ix, r) => found(ix, r).length - done(ix, r),
  ),
  ind(
    { name: '整改率', unit: '%', kind: 'percent', meaning: '已整改问题数 ÷ 检视问题数', basis: DONE_BASIS },
    (ix, r) => rate(done(ix, r), found(ix, r).length),
  ),
  ind(
    {
      name: '建立制度数',
      unit: '项',
      meaning: '检视整改中建立的制度数（整改事项关联的制度，按制度印发日期计）',
      basis: [{ list: 'ruleAction', tag: '废止' }],
    },
    rulesBuilt,
  ),
];
