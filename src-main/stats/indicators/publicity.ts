// 宣传舆情: articles by media level, public-opinion incidents, and bulletins issued and adopted.
import { DEFAULT_CHOICES } from '../../shared/choices';
import type { DateRange } from '../../shared/dates';
import type { LedgerRecord } from '../../shared/ledgers/types';
import { section } from '../define';
import type { StatsIndex } from '../stats-index';
import { byDate, count, distinct, doneBasis, str, strList } from '../util';

const ind = section('宣传舆情');

const articles = (ix: StatsIndex, r: DateRange) => ix.within('publicity', r);
const opinions = (ix: StatsIndex, r: DateRange) => ix.within('opinions', r);
const issues = (ix: StatsIndex, r: DateRange) => ix.within('bulletins', r);
/** An adoption happens on its adoption date (the issue date when none was recorded). */
const adopted = (ix: StatsIndex, r: DateRange): LedgerRecord[] =>
  ix.withinBy('bulletins', r, 'adoptedDate', (b) =>
    strList(b.adoptedBy).length ? (str(b.adoptedDate) ?? b.date) : undefined,
  );

const BY_LEVEL = DEFAULT_CHOICES.publicityLevel.map((level) =>
  ind(
    {
      name: `${level}宣传稿件数`,
      unit: '篇',
      meaning: `在${level}媒体刊发的稿件数`,
      basis: [{ list: 'publicityLevel', tag: level }],
    },
    (ix, r) => ix.withTag(articles(ix, r), 'publicityLevel', 'level', level).length,
  ),
);
const OPINION_LEVELS = DEFAULT_CHOICES.opinionLevel.map((level) =>
  ind(
    {
      name: `${level}舆情数`,
      unit: '起',
      meaning: `等级为“${level}”的舆情数`,
      basis: [{ list: 'opinionLevel', tag: level }],
    },
    (ix, r) => ix.withTag(opinions(ix, r), 'opinionLevel', 'level', level).length,
  ),
);

export const PUBLICITY = [
  ind(
    { name: '宣传稿件数', unit: '篇', meaning: '刊发日期在期间内的宣传稿件数' },
    (ix, r) => articles(ix, r).length,
  ),
  ...BY_LEVEL,
  ind({ name: '舆情数', unit: '起', meaning: '发现日期在期间内的舆情数' }, (ix, r) => opinions(ix, r).length),
  ...OPINION_LEVELS,
  ind(
    {
      name: '已处置舆情数',
      unit: '起',
      meaning: '上述舆情中截至期末已处置完毕的起数',
      basis: doneBasis('opinions'),
    },
    (ix, r) =>
      count(
        opinions(ix, r),
        (o) => ix.isDone('opinions', o) && (!str(o.closedDate) || String(o.closedDate) <= r.to),
      ),
  ),
  ind({ name: '简报期数', unit: '期', meaning: '印发的简报期数（含增刊）' }, (ix, r) => issues(ix, r).length),
  ind(
    {
      name: '简报增刊期数',
      unit: '期',
      meaning: '印发的简报增刊期数',
      basis: [{ list: 'bulletinKind', tag: '增刊' }],
    },
    (ix, r) => count(issues(ix, r), (b) => ix.is('bulletinKind', b.kind, '增刊')),
  ),
  ind(
    { name: '简报被上级采用数', unit: '期', meaning: '采用日期在期间内、被上级采用的简报期数' },
    (ix, r) => adopted(ix, r).length,
  ),
  ind({ name: '简报采用单位', unit: '', kind: 'list', meaning: '采用简报的上级单位' }, (ix, r) =>
    distinct(byDate(adopted(ix, r)).flatMap((b) => strList(b.adoptedBy))),
  ),
];
