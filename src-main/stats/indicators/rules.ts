// 建章立制: rules and systems issued, their aspects (方面) and articles (条), overall and by kind.
import type { DateRange } from '../../shared/dates';
import { DEFAULT_CHOICE_LISTS } from '../../shared/choices';
import type { LedgerRecord } from '../../shared/ledgers/types';
import { section } from '../define';
import type { StatsIndex } from '../stats-index';
import { bookTitle, byDate, count, distinct, str, sum } from '../util';

const ind = section('建章立制');

/** Repealed rules (废止) are recorded but are not rules built. */
const live = (ix: StatsIndex, r: DateRange): LedgerRecord[] =>
  ix.memo(`rules-live\u0000${r.from}\u0000${r.to}`, () =>
    ix.within('rules', r).filter((x) => x.action !== '废止'),
  );
const ofKind = (kind: string) => (ix: StatsIndex, r: DateRange) => live(ix, r).filter((x) => x.kind === kind);

/** Stable names per default kind: 工作制度数, 工作制度方面数, 工作制度条数 …; 其他 reads 其他制度. */
const BY_KIND = DEFAULT_CHOICE_LISTS.ruleKind.flatMap((kind) => {
  const label = kind === '其他' ? '其他制度' : kind;
  const rows = ofKind(kind);
  return [
    ind(
      { name: `${label}数`, unit: '项', meaning: `类别为“${kind}”的制度数（不含废止）` },
      (ix, r) => rows(ix, r).length,
    ),
    ind({ name: `${label}方面数`, unit: '个', meaning: `类别为“${kind}”的制度涉及的方面数之和` }, (ix, r) =>
      sum(rows(ix, r), 'areaCount'),
    ),
    ind({ name: `${label}条数`, unit: '条', meaning: `类别为“${kind}”的制度条数之和` }, (ix, r) =>
      sum(rows(ix, r), 'articleCount'),
    ),
  ];
});

const ofAction = (action: string) => (ix: StatsIndex, r: DateRange) =>
  count(ix.within('rules', r), (x) => (str(x.action) ?? '新制定') === action);

export const RULES = [
  ind(
    { name: '制度数', unit: '项', meaning: '新制定和修订的制度数（不含废止）' },
    (ix, r) => live(ix, r).length,
  ),
  ind({ name: '制度方面数', unit: '个', meaning: '制度涉及的方面数之和' }, (ix, r) =>
    sum(live(ix, r), 'areaCount'),
  ),
  ind({ name: '制度条数', unit: '条', meaning: '制度条数之和' }, (ix, r) => sum(live(ix, r), 'articleCount')),
  ...BY_KIND,
  ind({ name: '新制定制度数', unit: '项', meaning: '制定方式为“新制定”的制度数' }, ofAction('新制定')),
  ind({ name: '修订制度数', unit: '项', meaning: '制定方式为“修订”的制度数' }, ofAction('修订')),
  ind({ name: '废止制度数', unit: '项', meaning: '制定方式为“废止”的制度数' }, ofAction('废止')),
  ind({ name: '制度名称', unit: '', kind: 'list', meaning: '新制定和修订的制度名称（带书名号）' }, (ix, r) =>
    distinct(byDate(live(ix, r)).map((x) => bookTitle(String(x.title)))),
  ),
  ind(
    { name: '学习教育制度单位', unit: '', kind: 'list', meaning: '制定了学习教育制度的单位名称' },
    (ix, r) => {
      const ids = new Set(ofKind('学习教育制度')(ix, r).map((x) => x.unit));
      return ix.settings.units.filter((u) => ids.has(u.id)).map((u) => u.name);
    },
  ),
  ind(
    { name: '乡镇街道纪工委数', unit: '个', meaning: '在用的乡镇（街道）纪（工）委个数（设置中的单位）' },
    (ix) =>
      ix.settings.units.filter(
        (u) => u.active && u.kind === '乡镇街道' && (!ix.scope.unit || u.id === ix.scope.unit),
      ).length,
  ),
];
