// 建章立制: rules and systems issued, their aspects (方面) and articles (条), overall and by kind.
import type { ChoiceBasis } from '../../shared/choice-meanings';
import { DEFAULT_CHOICES } from '../../shared/choices';
import type { DefaultChoice } from '../../shared/choices';
import type { DateRange } from '../../shared/dates';
import type { LedgerRecord } from '../../shared/ledgers/types';
import { section } from '../define';
import type { StatsIndex } from '../stats-index';
import { bookTitle, byDate, count, distinct, str, sum } from '../util';

const ind = section('建章立制');

type Kind = DefaultChoice<'ruleKind'>;
type Action = DefaultChoice<'ruleAction'>;

/** Repealed rules (废止) are recorded but are not rules built. */
const live = (ix: StatsIndex, r: DateRange): LedgerRecord[] =>
  ix.memo(`rules-live\u0000${r.from}\u0000${r.to}`, () =>
    ix.within('rules', r).filter((x) => !ix.is('ruleAction', x.action, '废止')),
  );
const LIVE: ChoiceBasis = { list: 'ruleAction', tag: '废止' };
const ofKind = (kind: Kind) => (ix: StatsIndex, r: DateRange) =>
  ix.withTag(live(ix, r), 'ruleKind', 'kind', kind);
const kindBasis = (tag: Kind): ChoiceBasis[] => [LIVE, { list: 'ruleKind', tag }];
const STUDY_RULES = kindBasis('学习教育制度');

/** 学习教育制度 the office marked as an example for the report, with their highlights written, in date order. */
const featured = (ix: StatsIndex, r: DateRange) =>
  byDate(ofKind('学习教育制度')(ix, r)).filter((x) => x.featured === true && !!str(x.highlights));
const unitName = (ix: StatsIndex, id: string) => ix.settings.units.find((u) => u.id === id)?.name ?? id;

/** Stable names per default kind: 工作制度数, 工作制度方面数, 工作制度条数 …; 其他 reads 其他制度. */
const BY_KIND = DEFAULT_CHOICES.ruleKind.flatMap((kind) => {
  const label = kind === '其他' ? '其他制度' : kind;
  const rows = ofKind(kind);
  const basis = kindBasis(kind);
  return [
    ind(
      { name: `${label}数`, unit: '项', meaning: `类别为“${kind}”的制度数（不含废止）`, basis },
      (ix, r) => rows(ix, r).length,
    ),
    ind(
      { name: `${label}方面数`, unit: '个', meaning: `类别为“${kind}”的制度涉及的方面数之和`, basis },
      (ix, r) => sum(rows(ix, r), 'areaCount'),
    ),
    ind({ name: `${label}条数`, unit: '条', meaning: `类别为“${kind}”的制度条数之和`, basis }, (ix, r) =>
      sum(rows(ix, r), 'articleCount'),
    ),
  ];
});

/** A rule recorded without an action was newly made. */
const ofAction = (action: Action) => (ix: StatsIndex, r: DateRange) =>
  count(ix.within('rules', r), (x) => {
    const a = str(x.action);
    return a === undefined ? action === '新制定' : ix.is('ruleAction', a, action);
  });
const byAction = <N extends string>(name: N, action: Action) =>
  ind(
    {
      name,
      unit: '项',
      meaning: `制定方式为“${action}”的制度数`,
      basis: [{ list: 'ruleAction', tag: action }],
    },
    ofAction(action),
  );

export const RULES = [
  ind(
    { name: '制度数', unit: '项', meaning: '新制定和修订的制度数（不含废止）', basis: [LIVE] },
    (ix, r) => live(ix, r).length,
  ),
  ind({ name: '制度方面数', unit: '个', meaning: '制度涉及的方面数之和', basis: [LIVE] }, (ix, r) =>
    sum(live(ix, r), 'areaCount'),
  ),
  ind({ name: '制度条数', unit: '条', meaning: '制度条数之和', basis: [LIVE] }, (ix, r) =>
    sum(live(ix, r), 'articleCount'),
  ),
  ...BY_KIND,
  byAction('新制定制度数', '新制定'),
  byAction('修订制度数', '修订'),
  byAction('废止制度数', '废止'),
  ind(
    {
      name: '制度名称',
      unit: '',
      kind: 'list',
      meaning: '新制定和修订的制度名称（带书名号）',
      basis: [LIVE],
    },
    (ix, r) => distinct(byDate(live(ix, r)).map((x) => bookTitle(String(x.title)))),
  ),
  ind(
    {
      name: '学习教育制度单位',
      unit: '',
      kind: 'list',
      meaning: '制定了学习教育制度的单位名称',
      basis: STUDY_RULES,
    },
    (ix, r) => {
      const ids = new Set(ofKind('学习教育制度')(ix, r).map((x) => x.unit));
      return ix.settings.units.filter((u) => ids.has(u.id)).map((u) => u.name);
    },
  ),
  ind(
    {
      name: '学习教育制度亮点单位',
      unit: '',
      kind: 'list',
      meaning: '标为“作为亮点写入报告”的学习教育制度的制定单位',
      basis: STUDY_RULES,
    },
    (ix, r) => featured(ix, r).map((x) => unitName(ix, x.unit)),
  ),
  ind(
    {
      name: '学习教育制度亮点名称',
      unit: '',
      kind: 'list',
      meaning: '上述制度的名称（带书名号），与单位一一对应',
      basis: STUDY_RULES,
    },
    (ix, r) => featured(ix, r).map((x) => bookTitle(String(x.title))),
  ),
  ind(
    {
      name: '学习教育制度亮点内容',
      unit: '',
      kind: 'list',
      meaning: '上述制度的亮点，与单位一一对应',
      basis: STUDY_RULES,
    },
    (ix, r) => featured(ix, r).map((x) => String(x.highlights).trim()),
  ),
  ind(
    { name: '乡镇街道纪工委数', unit: '个', meaning: '在用的乡镇（街道）纪（工）委个数（设置中的单位）' },
    (ix) =>
      ix.settings.units.filter(
        (u) => u.active && u.kind === '乡镇街道' && (!ix.scope.unit || u.id === ix.scope.unit),
      ).length,
  ),
];
