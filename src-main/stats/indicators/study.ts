// 学习教育 (sessions): collective study, contents studied, lectures, theme party days, participation.
import type { ChoiceBasis } from '../../shared/choice-meanings';
import type { DefaultChoice } from '../../shared/choices';
import type { DateRange } from '../../shared/dates';
import type { LedgerRecord } from '../../shared/ledgers/types';
import { section } from '../define';
import type { StatsIndex } from '../stats-index';
import { bookTitle, byDate, count, distinct, num, rate, str, strList, sum } from '../util';

const ind = section('学习教育');

type Form = DefaultChoice<'studyForm'>;
const CENTRAL = ['集中学习', '中心组学习'] as const satisfies readonly Form[];
/** 领导班子 study: its audience is the leadership, or it is a 中心组 session (the leadership by definition). */
const isLeadership = (ix: StatsIndex, s: LedgerRecord) =>
  ix.is('studyAudience', s.audience, '领导班子') || ix.is('studyForm', s.form, '中心组学习');

const CENTRAL_BASIS: ChoiceBasis[] = CENTRAL.map((tag) => ({ list: 'studyForm', tag }));
const LEADERSHIP_BASIS: ChoiceBasis[] = [
  { list: 'studyAudience', tag: '领导班子' },
  { list: 'studyForm', tag: '中心组学习' },
];
const formBasis = (tag: Form): ChoiceBasis[] => [{ list: 'studyForm', tag }];

const sessions = (ix: StatsIndex, r: DateRange) => ix.within('studies', r);
const ofForm = (form: Form) => (ix: StatsIndex, r: DateRange) =>
  ix.withTag(sessions(ix, r), 'studyForm', 'form', form).length;
/** 专题授课次数, 主题党日次数 …: the sessions of one form. */
/** 集中学习 and 中心组学习 sessions, read off the one grouping of the sessions by form. */
const central = (ix: StatsIndex, r: DateRange) =>
  ix.memo(`central\u0000${r.from}\u0000${r.to}`, () =>
    CENTRAL.flatMap((form) => ix.withTag(sessions(ix, r), 'studyForm', 'form', form)),
  );
const formCount = <N extends string>(name: N, form: Form) =>
  ind({ name, unit: '次', meaning: `形式为${form}的次数`, basis: formBasis(form) }, ofForm(form));

/** Distinct content items in the order first studied (one pass: each item keeps its earliest date). */
function contents(ix: StatsIndex, r: DateRange, leadership: boolean): string[] {
  return ix.memo(`contents\u0000${leadership}\u0000${r.from}\u0000${r.to}`, () => {
    const first = new Map<string, string>();
    for (const s of sessions(ix, r)) {
      if (leadership && !isLeadership(ix, s)) continue;
      if (!Array.isArray(s.contents)) continue;
      for (const raw of s.contents as unknown[]) {
        if (typeof raw !== 'string') continue;
        const item = raw.trim();
        if (!item) continue;
        const seen = first.get(item);
        if (seen === undefined || s.date < seen) first.set(item, s.date);
      }
    }
    // Map order is first-entered order; a stable sort by date keeps it among same-day items.
    return [...first].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).map(([item]) => item);
  });
}

function titlesOf(ix: StatsIndex, r: DateRange, form: Form, field: string): string[] {
  const list = byDate(ix.withTag(sessions(ix, r), 'studyForm', 'form', form));
  return distinct(list.map((s) => str(s[field])?.trim()).filter((v): v is string => !!v));
}

/**
 * A person's name as reports write it ("邀请高志远同志"): the last word when an older record holds
 * "区委党校 高志远" in one field (the unit now has its own field).
 */
const personName = (v: string) => v.trim().split(/\s+/).pop() ?? '';

/** Speakers whose speeches the leadership studied (常委会/中心组 and 领导班子 sessions), first studied first. */
function speechesStudied(ix: StatsIndex, r: DateRange): string[] {
  const list = byDate(sessions(ix, r).filter((s) => isLeadership(ix, s)));
  return distinct(list.flatMap((s) => strList(s.speechesOf).map(personName)).filter(Boolean));
}

/**
 * Who should have attended: the recorded 应参学人数, else the headcount the audience implies (全体干部: the
 * district; 领导班子: the unit's leadership; a unit: its cadres), never below those who did attend.
 */
function expectedOf(ix: StatsIndex, s: LedgerRecord): number {
  if (typeof s.expected === 'number') return s.expected;
  const unit = ix.settings.units.find((u) => u.id === (str(s.audienceUnit) ?? s.unit));
  const implied =
    ix.is('studyAudience', s.audience, '全体干部') && !str(s.audienceUnit)
      ? ix.settings.units.filter((u) => u.active).reduce((t, u) => t + u.headcount, 0)
      : ix.is('studyAudience', s.audience, '领导班子')
        ? (unit?.leaderHeadcount ?? 0)
        : (unit?.headcount ?? 0);
  return Math.max(implied, num(s.actual));
}

function attendance(ix: StatsIndex, r: DateRange): number {
  let actual = 0;
  let expected = 0;
  for (const s of sessions(ix, r)) {
    if (typeof s.actual !== 'number') continue;
    actual += s.actual;
    expected += expectedOf(ix, s);
  }
  return rate(actual, expected);
}

const tests = (ix: StatsIndex, r: DateRange) => sessions(ix, r).filter((s) => typeof s.takers === 'number');

export const STUDY = [
  ind(
    { name: '学习活动次数', unit: '次', meaning: '各种形式的学习活动次数' },
    (ix, r) => sessions(ix, r).length,
  ),
  ind(
    {
      name: '集中学习次数',
      unit: '次',
      meaning: '形式为集中学习或中心组学习的次数',
      basis: CENTRAL_BASIS,
    },
    (ix, r) => central(ix, r).length,
  ),
  ind(
    {
      name: '领导班子集中学习次数',
      unit: '次',
      meaning: '常委会（中心组）学习及领导班子参加的集中学习次数',
      basis: [...CENTRAL_BASIS, LEADERSHIP_BASIS[0]],
    },
    (ix, r) => count(central(ix, r), (s) => isLeadership(ix, s)),
  ),
  ind(
    { name: '学习内容项数', unit: '项', meaning: '期间内学习的内容项数（同一内容只计一次）' },
    (ix, r) => contents(ix, r, false).length,
  ),
  ind(
    { name: '学习内容', unit: '', kind: 'list', meaning: '期间内学习的内容，按首次学习的先后排列' },
    (ix, r) => contents(ix, r, false),
  ),
  ind(
    {
      name: '领导班子学习讲话人',
      unit: '',
      kind: 'list',
      meaning: '领导班子学习的讲话的讲话人（学习活动的“所学讲话的讲话人”）',
      basis: LEADERSHIP_BASIS,
    },
    speechesStudied,
  ),
  ind(
    {
      name: '领导班子学习内容项数',
      unit: '项',
      meaning: '领导班子学习的内容项数（同一内容只计一次）',
      basis: LEADERSHIP_BASIS,
    },
    (ix, r) => contents(ix, r, true).length,
  ),
  ind(
    {
      name: '领导班子学习内容',
      unit: '',
      kind: 'list',
      meaning: '领导班子学习的内容，按首次学习的先后排列',
      basis: LEADERSHIP_BASIS,
    },
    (ix, r) => contents(ix, r, true),
  ),
  formCount('专题授课次数', '专题授课'),
  ind(
    {
      name: '专题授课人',
      unit: '',
      kind: 'list',
      meaning: '专题授课的主讲人姓名',
      basis: formBasis('专题授课'),
    },
    (ix, r) => distinct(titlesOf(ix, r, '专题授课', 'speaker').map(personName)),
  ),
  formCount('主题党日次数', '主题党日'),
  ind(
    {
      name: '主题党日活动',
      unit: '',
      kind: 'list',
      meaning: '主题党日活动的主题',
      basis: formBasis('主题党日'),
    },
    (ix, r) => titlesOf(ix, r, '主题党日', 'title'),
  ),
  formCount('观看专题片次数', '观看专题片'),
  ind(
    {
      name: '专题片名称',
      unit: '',
      kind: 'list',
      meaning: '组织观看的专题片片名（带书名号）',
      basis: formBasis('观看专题片'),
    },
    (ix, r) => titlesOf(ix, r, '观看专题片', 'filmTitle').map(bookTitle),
  ),
  formCount('警示教育次数', '警示教育'),
  formCount('交流研讨次数', '交流研讨'),
  formCount('读书班次数', '读书班'),
  formCount('应知应会测试次数', '应知应会测试'),
  ind({ name: '测试合格率', unit: '%', kind: 'percent', meaning: '合格人数 ÷ 参考人数' }, (ix, r) =>
    rate(sum(tests(ix, r), 'passes'), sum(tests(ix, r), 'takers')),
  ),
  ind({ name: '参学人次', unit: '人次', meaning: '各次学习活动实参学人数之和' }, (ix, r) =>
    sum(sessions(ix, r), 'actual'),
  ),
  ind(
    {
      name: '参学率',
      unit: '%',
      kind: 'percent',
      meaning: '实参学人数之和 ÷ 应参学人数之和（未填应参学人数的按参学对象的人数计）',
      basis: [
        { list: 'studyAudience', tag: '全体干部' },
        { list: 'studyAudience', tag: '领导班子' },
      ],
    },
    attendance,
  ),
  ind(
    { name: '学习总学时', unit: '小时', kind: 'amount', meaning: '各次学习活动学时之和' },
    (ix, r) => Math.round(sum(sessions(ix, r), 'hours') * 100) / 100,
  ),
];
