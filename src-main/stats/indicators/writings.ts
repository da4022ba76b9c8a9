// 学习教育 (results): reflections, study notes and speeches written, and the study materials compiled.
import type { DefaultChoice } from '../../shared/choices';
import type { DateRange } from '../../shared/dates';
import { section } from '../define';
import type { StatsIndex } from '../stats-index';
import { bookTitle, byDate, distinct, num, str, strList, sum, wan } from '../util';

const ind = section('学习教育');

/** The 全体干部 rows already include the leadership; 领导班子 rows repeat them apart, so they are not added. */
const rows = (audience: DefaultChoice<'writingAudience'>) => (ix: StatsIndex, r: DateRange) =>
  ix.withTag(ix.within('writings', r), 'writingAudience', 'audience', audience);
const all = rows('全体干部');
const leaders = rows('领导班子');
const ALL = [{ list: 'writingAudience', tag: '全体干部' }] as const;
const LEADERS = [{ list: 'writingAudience', tag: '领导班子' }] as const;

const materials = (ix: StatsIndex, r: DateRange) => ix.within('materials', r);

export const WRITINGS = [
  ind(
    { name: '心得体会篇数', unit: '篇', meaning: '全体干部撰写心得体会篇数（含领导班子）', basis: ALL },
    (ix, r) => sum(all(ix, r), 'reflections'),
  ),
  ind(
    {
      name: '学习笔记万字',
      unit: '万字',
      kind: 'amount',
      meaning: '全体干部学习笔记字数，折算为万字（含领导班子）',
      basis: ALL,
    },
    (ix, r) => wan(sum(all(ix, r), 'notesChars')),
  ),
  ind(
    { name: '交流研讨发言篇数', unit: '篇', meaning: '全体干部交流研讨发言篇数（含领导班子）', basis: ALL },
    (ix, r) => sum(all(ix, r), 'speeches'),
  ),
  ind(
    { name: '领导班子心得体会篇数', unit: '篇', meaning: '领导班子撰写心得体会篇数', basis: LEADERS },
    (ix, r) => sum(leaders(ix, r), 'reflections'),
  ),
  ind(
    {
      name: '领导班子学习笔记万字',
      unit: '万字',
      kind: 'amount',
      meaning: '领导班子学习笔记字数，折算为万字',
      basis: LEADERS,
    },
    (ix, r) => wan(sum(leaders(ix, r), 'notesChars')),
  ),
  ind(
    { name: '领导班子交流研讨发言篇数', unit: '篇', meaning: '领导班子交流研讨发言篇数', basis: LEADERS },
    (ix, r) => sum(leaders(ix, r), 'speeches'),
  ),
  ind({ name: '学习资料册数', unit: '册', meaning: '编印学习资料的册数' }, (ix, r) =>
    sum(materials(ix, r), 'volumes'),
  ),
  ind({ name: '学习资料本数', unit: '本', meaning: '学习资料印数（本）之和' }, (ix, r) =>
    sum(materials(ix, r), 'copies'),
  ),
  ind(
    { name: '学习资料方面数', unit: '个', meaning: '学习资料涵盖的方面数之和（未填方面数的按列出的方面计）' },
    (ix, r) => materials(ix, r).reduce((t, m) => t + Math.max(num(m.areaCount), strList(m.areas).length), 0),
  ),
  ind({ name: '学习资料篇数', unit: '篇', meaning: '学习资料收录篇数之和' }, (ix, r) =>
    sum(materials(ix, r), 'articles'),
  ),
  ind({ name: '学习资料', unit: '', kind: 'list', meaning: '编印的学习资料名称（带书名号）' }, (ix, r) =>
    distinct(byDate(materials(ix, r)).flatMap((m) => (str(m.title) ? [bookTitle(String(m.title))] : []))),
  ),
];
