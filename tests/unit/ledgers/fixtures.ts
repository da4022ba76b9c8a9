// A valid record for every ledger and the edge cases each must reject, with the field path and the Chinese
// message the user should see there. Shared by the ledger schema tests.
import { DEFAULT_CHOICE_LISTS } from '../../../src-main/shared/choices';
import type { SchemaContext } from '../../../src-main/shared/ledgers/schema';
import type { LedgerKey } from '../../../src-main/shared/ledgers/types';
import { DEFAULT_GROUPS } from '../../../src-main/shared/settings';

export const ctx = (extra: Partial<SchemaContext> = {}): SchemaContext => ({
  choiceLists: structuredClone(DEFAULT_CHOICE_LISTS),
  unitIds: ['u-office', 'u-town'],
  groupKeys: DEFAULT_GROUPS.map((g) => g.key),
  ...extra,
});

type Rec = Record<string, unknown>;
const base = (group: string, date = '2026-04-10'): Rec => ({ group, unit: 'u-office', date });

export const VALID: Record<LedgerKey, Rec> = {
  meetings: {
    ...base('drafting'),
    type: '领导小组会议',
    title: '领导小组第三次会议',
    expected: 9,
    present: 9,
  },
  tasks: {
    ...base('office'),
    phase: '学习教育',
    content: '编印学习资料汇编',
    source: '实施方案',
    leadGroup: 'training',
    responsibleUnit: 'u-town',
    deadline: '2026-04-30',
    status: '已完成',
    doneDate: '2026-04-20',
  },
  inspections: {
    ...base('rectify'),
    title: '学习教育环节督导检查',
    unitsChecked: ['u-town'],
    methods: ['听取汇报', '查阅资料'],
    problemCount: 2,
    problems: '1. 学习笔记照抄照搬',
    feedbackDate: '2026-04-15',
    rectRequired: true,
    closed: false,
  },
  studies: {
    ...base('training'),
    form: '应知应会测试',
    title: '党纪法规应知应会测试',
    audience: '本单位干部',
    audienceUnit: 'u-town',
    contents: ['《中国共产党纪律处分条例》'],
    expected: 10,
    actual: 10,
    hours: 1.5,
    takers: 10,
    passes: 9,
  },
  writings: {
    ...base('training', '2026-04-30'),
    month: '2026-04',
    audience: '全体干部',
    reflections: 12,
    notesChars: 56000,
    speeches: 3,
  },
  materials: {
    ...base('training'),
    title: '教育整顿学习资料汇编',
    volumes: 2,
    copies: 240,
    areaCount: 5,
    areas: ['党章党规'],
    articles: 60,
  },
  rules: {
    ...base('office'),
    title: '领导小组会议制度',
    kind: '工作制度',
    issuedBy: '领导小组',
    areaCount: 2,
    articleCount: 8,
    action: '新制定',
  },
  clues: {
    ...base('clues', '2026-04-01'),
    clueNo: 'XS2026-001',
    source: '信访举报',
    reporter: '王某某',
    personName: '李某',
    personRank: '乡科级',
    disposition: '初步核实',
    dispositionDate: '2026-04-05',
    outcome: '党纪处分',
    sanction: '警告',
    caseFiled: true,
    closedDate: '2026-04-25',
    status: '已办结',
  },
  rectifications: {
    ...base('rectify'),
    source: '个人自查',
    description: '学习笔记照抄照搬',
    deadline: '2026-05-10',
    kind: '限期整改',
    status: '已整改',
    doneDate: '2026-04-28',
    rules: ['rule-1'],
  },
  publicity: {
    ...base('publicity'),
    title: '扎实推进教育整顿',
    kind: '信息',
    outlet: '市纪委监委网站',
    level: '市级',
  },
  opinions: {
    ...base('publicity'),
    platform: '微博',
    summary: '网民反映干部午间饮酒',
    level: '一般',
    status: '已处置',
    closedDate: '2026-04-11',
  },
  bulletins: {
    ...base('drafting'),
    issueNo: 3,
    kind: '正刊',
    title: '区纪委监委召开动员部署会',
    reportTo: ['市纪委监委'],
    copies: 40,
    adoptedBy: ['市纪委监委教育整顿简报'],
    adoptedDate: '2026-04-18',
  },
};

/** [what is wrong, patch, path, part of the message]. */
export type Case = [string, Rec, string, string];

export const CASES: Record<LedgerKey, Case[]> = {
  meetings: [['more present than expected', { present: 10 }, 'present', '实到人数不能多于应到人数']],
  tasks: [
    ['a deadline before the start', { deadline: '2026-04-09' }, 'deadline', '完成时限不能早于开始日期'],
    ['已完成 without a done date', { doneDate: '' }, 'doneDate', '状态为已完成或已销号时，完成日期必须填写'],
    ['已销号 without a done date', { status: '已销号', doneDate: undefined }, 'doneDate', '完成日期必须填写'],
    ['a done date before the start', { doneDate: '2026-04-01' }, 'doneDate', '完成日期不能早于开始日期'],
    ['an unknown responsible unit', { responsibleUnit: 'u-x' }, 'responsibleUnit', '责任单位不在单位列表中'],
    ['an unknown lead group', { leadGroup: 'nobody' }, 'leadGroup', '牵头工作组不是已设置的工作组'],
    ['no content', { content: '' }, 'content', '任务内容必须填写'],
    [
      'an impossible deadline',
      { deadline: '2026-02-30' },
      'deadline',
      '完成时限“2026-02-30”这个日期不存在（2026年2月只有28天，没有30日）',
    ],
  ],
  inspections: [
    ['no unit checked', { unitsChecked: [] }, 'unitsChecked', '被督导单位必须填写'],
    [
      'an unknown unit checked',
      { unitsChecked: ['u-town', 'u-x'] },
      'unitsChecked',
      '被督导单位含有不在单位列表中的单位',
    ],
    ['feedback before the check', { feedbackDate: '2026-04-09' }, 'feedbackDate', '反馈日期不能早于督导日期'],
    ['problems described but counted 0', { problemCount: 0 }, 'problemCount', '发现问题数不能为0'],
    ['a method not in the list', { methods: ['暗访'] }, 'methods', '督导方式只能从列表中选择'],
  ],
  studies: [
    ['more attending than expected', { actual: 11 }, 'actual', '实参学人数不能多于应参学人数'],
    ['more passing than taking', { passes: 11 }, 'passes', '合格人数不能多于参考人数'],
    ['passes without takers', { takers: undefined }, 'takers', '填写合格人数时，参考人数必须填写'],
    ['a form not in the list', { form: '自学' }, 'form', '学习形式只能从列表中选择'],
    ['more than 24 hours', { hours: 25 }, 'hours', '学时不能大于24'],
    ['an unknown audience unit', { audienceUnit: 'u-x' }, 'audienceUnit', '参学单位不在单位列表中'],
  ],
  writings: [
    ['an invalid month', { month: '2026-13' }, 'month', '所属月份不是有效月份'],
    ['a date outside the month', { date: '2026-05-02' }, 'date', '统计日期应在所属月份内'],
    ['negative reflections', { reflections: -1 }, 'reflections', '心得体会（篇）不能小于0'],
    ['fractional characters', { notesChars: 1.5 }, 'notesChars', '学习笔记（字）必须是整数'],
    ['an audience not in the list', { audience: '一般干部' }, 'audience', '撰写对象只能从列表中选择'],
  ],
  materials: [
    ['fewer copies than volumes', { copies: 1 }, 'copies', '印数（本）不能少于册数'],
    [
      'fewer aspects than listed',
      { areaCount: 0, areas: ['a', 'b'] },
      'areaCount',
      '方面数不能少于列出的涵盖方面',
    ],
    ['zero volumes', { volumes: 0 }, 'volumes', '册数不能小于1'],
  ],
  rules: [
    ['fewer articles than aspects', { areaCount: 5, articleCount: 3 }, 'articleCount', '条数不能少于方面数'],
    ['a kind not in the list', { kind: '办法' }, 'kind', '制度类别只能从列表中选择'],
    ['no action', { action: undefined }, 'action', '制定方式必须填写'],
  ],
  clues: [
    [
      'disposed before received',
      { dispositionDate: '2026-03-31' },
      'dispositionDate',
      '处置日期不能早于受理日期',
    ],
    [
      'closed before received',
      {
        dispositionDate: undefined,
        disposition: undefined,
        outcome: undefined,
        sanction: undefined,
        status: '处置中',
        closedDate: '2026-03-30',
      },
      'closedDate',
      '办结日期不能早于受理日期',
    ],
    ['closed before disposed', { closedDate: '2026-04-04' }, 'closedDate', '办结日期不能早于处置日期'],
    [
      'a disposition without its date',
      { dispositionDate: undefined },
      'dispositionDate',
      '选择了处置方式时，处置日期必须填写',
    ],
    [
      'an outcome without a disposition',
      { disposition: undefined, dispositionDate: undefined },
      'disposition',
      '填写办理结果前，须先选择处置方式',
    ],
    [
      '已办结 without a closed date',
      { closedDate: undefined },
      'closedDate',
      '办理状态为已办结时，办结日期必须填写',
    ],
    [
      '已办结 without an outcome',
      { outcome: undefined, sanction: undefined },
      'outcome',
      '办理状态为已办结时，办理结果必须选择',
    ],
    ['党纪处分 without a sanction', { sanction: undefined }, 'sanction', '处分种类必须选择'],
    [
      'a sanction for a first-form outcome',
      { outcome: '诫勉' },
      'sanction',
      '只有办理结果为党纪处分、政务处分或组织处理时才填写处分种类',
    ],
    ['no person reported', { personName: '' }, 'personName', '被反映人必须填写'],
    ['a status not in the list', { status: '已结案' }, 'status', '办理状态只能从列表中选择'],
  ],
  rectifications: [
    ['a deadline before it was found', { deadline: '2026-04-01' }, 'deadline', '整改时限不能早于查摆日期'],
    ['限期整改 without a deadline', { deadline: undefined }, 'deadline', '限期整改的问题必须填写整改时限'],
    [
      '已整改 without a done date',
      { doneDate: undefined },
      'doneDate',
      '整改状态为已整改或已销号时，完成日期必须填写',
    ],
    ['已销号 without a done date', { status: '已销号', doneDate: '' }, 'doneDate', '完成日期必须填写'],
    ['done before it was found', { doneDate: '2026-04-09' }, 'doneDate', '完成日期不能早于查摆日期'],
  ],
  publicity: [
    ['a level not in the list', { level: '县级' }, 'level', '媒体级别只能从列表中选择'],
    ['no outlet', { outlet: '' }, 'outlet', '刊发媒体必须填写'],
  ],
  opinions: [
    ['closed before found', { closedDate: '2026-04-09' }, 'closedDate', '处置完毕日期不能早于发现日期'],
    [
      '已处置 without a closed date',
      { closedDate: undefined },
      'closedDate',
      '处置状态为已处置时，处置完毕日期必须填写',
    ],
  ],
  bulletins: [
    ['issue number 0', { issueNo: 0 }, 'issueNo', '期号不能小于1'],
    ['adopted before issued', { adoptedDate: '2026-04-01' }, 'adoptedDate', '采用日期不能早于印发日期'],
    [
      'adopted by someone on no date',
      { adoptedDate: undefined },
      'adoptedDate',
      '填写了上级采用时，采用日期必须填写',
    ],
    [
      'an adoption date with nobody adopting',
      { adoptedBy: [] },
      'adoptedBy',
      '填写了采用日期时，上级采用必须填写',
    ],
    ['a kind not in the list', { kind: '特刊' }, 'kind', '刊别只能从列表中选择'],
  ],
};
