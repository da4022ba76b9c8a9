// A small hand-built dataset for the indicator tests. Period 本期 = April 2026 [04-01, 04-30]; the campaign
// starts 03-01, so 累计 = [03-01, 04-30]. Records sit on both boundaries (03-31, 04-01, 04-30, 05-01) on
// purpose. The expected values are worked out by hand in expected-*.ts, next to this data.
import { DEFAULT_CHOICE_LISTS, DEFAULT_FOUR_FORMS } from '../../../src-main/shared/choices';
import type { LedgerKey, LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { LEDGER_KEYS } from '../../../src-main/shared/ledgers/types';
import { DEFAULT_GROUPS } from '../../../src-main/shared/settings';
import type { Settings } from '../../../src-main/shared/settings';
import type { StatsInput } from '../../../src-main/stats';

export const PERIOD = { from: '2026-04-01', to: '2026-04-30' };

export const SETTINGS: Settings = {
  commissionName: '测试区纪委监委',
  campaignName: '纪检监察干部队伍教育整顿',
  officeName: '测试区教育整顿领导小组办公室',
  campaignStart: '2026-03-01',
  campaignEnd: '2026-06-30',
  phases: [
    { name: '学习教育', start: '2026-03-01', end: '2026-04-15' },
    { name: '检视整改', start: '2026-04-16', end: '2026-05-31' },
    { name: '巩固提升', start: '2026-06-01', end: '2026-06-30' },
  ],
  groups: DEFAULT_GROUPS,
  leadingGroup: [],
  units: [
    { id: 'u-a', name: '机关一室', kind: '机关', headcount: 10, leaderHeadcount: 3, active: true },
    { id: 'u-b', name: '东湖镇纪委', kind: '乡镇街道', headcount: 4, leaderHeadcount: 2, active: true },
    // Inactive: never counted in headcounts or 乡镇街道纪工委数.
    { id: 'u-c', name: '西山镇纪委', kind: '乡镇街道', headcount: 6, leaderHeadcount: 2, active: false },
    {
      id: 'u-d',
      name: '驻教育局纪检监察组',
      kind: '派驻机构',
      headcount: 5,
      leaderHeadcount: 1,
      active: true,
    },
  ],
  choiceLists: structuredClone(DEFAULT_CHOICE_LISTS),
  fourForms: { ...DEFAULT_FOUR_FORMS },
  lockMinutes: 15,
  outputDir: '',
  report: {
    addressee: '',
    cc: [],
    plenaries: [
      { body: '中央纪委', term: '二十', session: '二' },
      { body: '省纪委', term: '十二', session: '三' },
    ],
    citedLeader: '赵明',
    citedOccasion: '全市纪检监察干部队伍教育整顿动员部署会议',
    citedRequirement: '学在前、干在前、做表率',
  },
  setupDone: true,
};

type Fields = { id: string; date: string; unit?: string; group?: string } & Record<string, unknown>;

function records(group: string, rows: Fields[]): LedgerRecord[] {
  return rows.map((r) => ({
    group,
    unit: 'u-a',
    createdBy: '测试',
    createdAt: `${r.date}T01:00:00.000Z`,
    updatedBy: '测试',
    updatedAt: `${r.date}T01:00:00.000Z`,
    rev: 1,
    ...r,
  }));
}

const A = '党的二十大报告';
const B = '《中国共产党纪律处分条例》';
const C = '二十届中央纪委二次全会精神';
const D = '《中华人民共和国监察法》';
const E = '纪法教育';
export const CONTENTS = { A, B, C, D, E };

// One record per line, like a ledger table.
// prettier-ignore
export const LEDGERS: Record<LedgerKey, LedgerRecord[]> = {
  meetings: records('drafting', [
    { id: 'm1', date: '2026-03-31', type: '领导小组会议', title: '领导小组第一次会议' },
    { id: 'm2', date: '2026-04-01', type: '领导小组会议', title: '领导小组第二次会议' },
    { id: 'm3', date: '2026-04-30', type: '领导小组办公室会议', title: '办公室例会' },
    { id: 'm4', date: '2026-05-01', type: '领导小组办公室会议', title: '办公室例会' },
    { id: 'm5', date: '2026-02-20', type: '区委常委会专题听取汇报', title: '听取筹备情况汇报' },
    { id: 'm6', date: '2026-04-15', unit: 'u-b', type: '推进会/调度会', title: '东湖镇推进会' },
    { id: 'm7', date: '2026-03-05', type: '动员部署会', title: '动员部署会' },
    { id: 'm8', date: '2026-03-04', type: '先行学习会', title: '先行学习会' },
    { id: 'm9', date: '2026-04-20', type: '督导反馈会', title: '督导反馈会' },
  ]),
  inspections: records('rectify', [
    { id: 'i1', date: '2026-03-20', title: '督导一', unitsChecked: ['u-b'], problemCount: 2 },
    { id: 'i2', date: '2026-04-01', title: '督导二', unitsChecked: ['u-d', 'u-b'], problemCount: 3 },
    { id: 'i3', date: '2026-04-30', title: '督导三', unitsChecked: ['u-d'], problemCount: 0 },
    { id: 'i4', date: '2026-05-02', title: '督导四', unitsChecked: ['u-a'], problemCount: 9 },
  ]),
  tasks: records('office', [
    { id: 't1', date: '2026-03-10', content: '任务一', deadline: '2026-03-20', status: '已完成', doneDate: '2026-03-18', leadGroup: 'training', responsibleUnit: 'u-b' },
    { id: 't2', date: '2026-04-01', content: '任务二', deadline: '2026-04-10', status: '已完成', doneDate: '2026-04-30' },
    { id: 't3', date: '2026-04-05', content: '任务三', deadline: '2026-04-20', status: '推进中' },
    { id: 't4', date: '2026-04-30', content: '任务四', deadline: '2026-05-15', status: '未启动' },
    { id: 't5', date: '2026-04-02', content: '任务五', deadline: '2026-04-25', status: '已销号', doneDate: '2026-05-03' },
    { id: 't6', date: '2026-03-15', content: '任务六', deadline: '2026-03-25', status: '推进中', leadGroup: 'rectify', responsibleUnit: 'u-d' },
    { id: 't7', date: '2026-05-01', content: '任务七', deadline: '2026-05-10', status: '未启动' },
    { id: 't8', date: '2026-04-03', content: '任务八', deadline: '2026-04-30', status: '推进中' },
  ]),
  studies: records('training', [
    { id: 's1', date: '2026-03-31', form: '集中学习', audience: '本单位干部', contents: [A, B], expected: 10, actual: 9, hours: 2 },
    { id: 's2', date: '2026-04-01', form: '中心组学习', audience: '领导班子', contents: [C, A], speechesOf: ['王一', '李二'], expected: 3, actual: 3, hours: 1.5 },
    { id: 's3', date: '2026-04-10', unit: 'u-b', form: '集中学习', audience: '领导班子', contents: [D], expected: 2, actual: 2, hours: 2 },
    { id: 's4', date: '2026-04-12', form: '专题授课', audience: '全体干部', speaker: '区委党校 张明', contents: [E], actual: 12, hours: 3 },
    { id: 's5', date: '2026-04-15', unit: 'u-b', form: '主题党日', title: '“缅怀先烈”主题党日', audience: '本单位干部', expected: 4, actual: 4 },
    { id: 's6', date: '2026-04-20', unit: 'u-d', form: '观看专题片', title: '组织收看《榜样7》', filmTitle: '榜样7', audience: '本单位干部', expected: 5, actual: 4, hours: 1 },
    { id: 's7', date: '2026-04-22', unit: 'u-d', form: '应知应会测试', audience: '本单位干部', expected: 5, actual: 5, takers: 5, passes: 4, hours: 1 },
    { id: 's8', date: '2026-04-30', form: '警示教育', audience: '本单位干部', audienceUnit: 'u-b', contents: [B], actual: 3, hours: 2 },
    { id: 's9', date: '2026-05-01', form: '交流研讨', audience: '本单位干部', expected: 10, actual: 10 },
    { id: 's10', date: '2026-03-20', form: '专题授课', audience: '全体干部', speaker: '李书记', contents: [A], expected: 19, actual: 18, hours: 3 },
    { id: 's11', date: '2026-04-25', unit: 'u-b', form: '交流研讨', audience: '本单位干部', expected: 4, actual: 4, hours: 2 },
    { id: 's12', date: '2026-03-25', form: '读书班', audience: '本单位干部', expected: 10, actual: 10, hours: 6 },
    { id: 's13', date: '2026-03-28', unit: 'u-b', form: '应知应会测试', audience: '本单位干部', expected: 4, actual: 4, takers: 4, passes: 4, hours: 1 },
    { id: 's14', date: '2026-03-12', form: '中心组学习', audience: '领导班子', contents: [A], speechesOf: ['张三', ' 王一 '], expected: 3, actual: 2, hours: 1.5 },
  ]),
  writings: records('training', [
    { id: 'w1', date: '2026-03-31', month: '2026-03', audience: '全体干部', reflections: 10, notesChars: 52000, speeches: 2 },
    { id: 'w2', date: '2026-03-31', month: '2026-03', audience: '领导班子', reflections: 3, notesChars: 15000, speeches: 1 },
    { id: 'w3', date: '2026-04-30', month: '2026-04', audience: '全体干部', reflections: 12, notesChars: 61234, speeches: 3 },
    { id: 'w4', date: '2026-04-30', month: '2026-04', audience: '领导班子', reflections: 3, notesChars: 18000, speeches: 1 },
    { id: 'w5', date: '2026-04-01', unit: 'u-b', month: '2026-04', audience: '全体干部', reflections: 4, notesChars: 20000, speeches: 1 },
    { id: 'w6', date: '2026-05-01', unit: 'u-b', month: '2026-05', audience: '全体干部', reflections: 99, notesChars: 99000, speeches: 9 },
  ]),
  materials: records('training', [
    { id: 'mat1', date: '2026-03-05', title: '学习资料汇编', volumes: 2, copies: 60, areaCount: 5, articles: 40 },
    { id: 'mat2', date: '2026-04-08', title: '《警示教育读本》', volumes: 1, copies: 30, areas: ['典型案例', '忏悔录'], articles: 12 },
  ]),
  rules: records('office', [
    { id: 'r1', date: '2026-03-03', title: '教育整顿实施方案', kind: '实施方案', areaCount: 3, articleCount: 20, action: '新制定' },
    { id: 'r2', date: '2026-04-01', title: '领导小组工作制度', kind: '工作制度', areaCount: 5, articleCount: 12, action: '新制定' },
    { id: 'r3', date: '2026-04-10', title: '办公室具体规定', kind: '具体规定', areaCount: 4, articleCount: 9, action: '修订' },
    { id: 'r4', date: '2026-04-30', unit: 'u-b', title: '东湖镇纪委学习教育制度', kind: '学习教育制度', areaCount: 2, articleCount: 6, action: '新制定', featured: true, highlights: '每月开展一次主题党日' },
    { id: 'r5', date: '2026-04-15', title: '旧会议制度', kind: '工作制度', areaCount: 1, articleCount: 3, action: '废止' },
    { id: 'r6', date: '2026-05-01', title: '五月规定', kind: '具体规定', areaCount: 1, articleCount: 4, action: '新制定' },
    { id: 'r7', date: '2026-04-20', unit: 'u-d', title: '请示报告事项清单', kind: '其他', areaCount: 1, articleCount: 2, action: '新制定' },
  ]),
  clues: records('clues', [
    { id: 'c1', date: '2026-03-10', source: '信访举报', disposition: '谈话函询', dispositionDate: '2026-03-15', outcome: '了结澄清', closedDate: '2026-03-30', status: '已办结', personName: '丙' },
    { id: 'c2', date: '2026-04-01', source: '信访举报', disposition: '初步核实', dispositionDate: '2026-04-05', outcome: '了结澄清', closedDate: '2026-04-20', status: '已办结', personName: '丁' },
    { id: 'c3', date: '2026-04-02', source: '上级交办', disposition: '初步核实', dispositionDate: '2026-04-06', outcome: '党纪处分', sanction: '严重警告', caseFiled: true, closedDate: '2026-04-28', status: '已办结', personName: '甲', personUnit: '一室' },
    { id: 'c4', date: '2026-03-25', source: '巡视巡察移交', disposition: '拟立案', dispositionDate: '2026-04-01', outcome: '党纪处分', sanction: '开除党籍', caseFiled: true, closedDate: '2026-04-30', status: '已办结', personName: '乙' },
    { id: 'c5', date: '2026-04-30', source: '其他', disposition: '谈话函询', dispositionDate: '2026-05-03', status: '处置中', personName: '戊' },
    { id: 'c6', date: '2026-04-10', source: '监督检查发现', disposition: '谈话函询', dispositionDate: '2026-04-12', outcome: '诫勉', closedDate: '2026-04-25', status: '已办结', personName: '己' },
    { id: 'c7', date: '2026-04-11', source: '审计移交', disposition: '初步核实', dispositionDate: '2026-04-15', outcome: '政务处分', sanction: '记过', caseFiled: false, closedDate: '2026-04-29', status: '已办结', personName: '甲', personUnit: '一室' },
    { id: 'c8', date: '2026-04-12', source: '信访举报', disposition: '拟立案', dispositionDate: '2026-04-20', outcome: '移送司法机关', caseFiled: true, closedDate: '2026-04-30', status: '已办结', personName: '庚' },
    { id: 'c9', date: '2026-04-13', source: '信访举报', disposition: '初步核实', dispositionDate: '2026-04-18', outcome: '组织处理', sanction: '调整职务', closedDate: '2026-04-26', status: '已办结', personName: '辛' },
    { id: 'c10', date: '2026-03-05', source: '信访举报', disposition: '暂存待查', dispositionDate: '2026-03-08', status: '处置中', personName: '壬' },
    { id: 'c11', date: '2026-04-05', source: '信访举报', disposition: '予以了结', dispositionDate: '2026-04-07', outcome: '了结澄清', closedDate: '2026-04-07', status: '已办结', personName: '癸' },
  ]),
  rectifications: records('rectify', [
    { id: 'x1', date: '2026-03-20', description: '问题一', kind: '立行立改', status: '已整改', doneDate: '2026-03-28', rules: ['r1'] },
    { id: 'x2', date: '2026-04-01', description: '问题二', kind: '立行立改', status: '已销号', doneDate: '2026-04-30' },
    { id: 'x3', date: '2026-04-10', unit: 'u-b', description: '问题三', kind: '限期整改', status: '已整改', doneDate: '2026-05-02' },
    { id: 'x4', date: '2026-04-30', unit: 'u-b', description: '问题四', kind: '长期坚持', status: '整改中' },
    { id: 'x5', date: '2026-04-15', unit: 'u-d', description: '问题五', kind: '限期整改', status: '已整改', doneDate: '2026-04-20', rules: ['r7', 'r6'] },
    { id: 'x6', date: '2026-05-01', description: '问题六', kind: '立行立改', status: '整改中' },
  ]),
  publicity: records('publicity', [
    { id: 'p1', date: '2026-04-01', title: '稿件一', level: '中央级' },
    { id: 'p2', date: '2026-04-15', title: '稿件二', level: '省级' },
    { id: 'p3', date: '2026-04-30', unit: 'u-b', title: '稿件三', level: '市级' },
    { id: 'p4', date: '2026-03-20', title: '稿件四', level: '区级' },
    { id: 'p5', date: '2026-05-01', title: '稿件五', level: '内部' },
    { id: 'p6', date: '2026-04-20', title: '稿件六', level: '区级' },
    { id: 'p7', date: '2026-04-21', unit: 'u-b', title: '稿件七', level: '内部' },
  ]),
  opinions: records('publicity', [
    { id: 'o1', date: '2026-04-03', summary: '舆情一', level: '一般', status: '已处置', closedDate: '2026-04-05' },
    { id: 'o2', date: '2026-04-28', summary: '舆情二', level: '较大', status: '已处置', closedDate: '2026-05-02' },
    { id: 'o3', date: '2026-03-15', summary: '舆情三', level: '重大', status: '已处置', closedDate: '2026-03-16' },
    { id: 'o4', date: '2026-04-30', summary: '舆情四', level: '一般', status: '处置中' },
  ]),
  bulletins: records('drafting', [
    { id: 'b1', date: '2026-03-10', issueNo: 1, kind: '正刊', title: '简报一', adoptedBy: ['市纪委监委'], adoptedDate: '2026-04-02' },
    { id: 'b2', date: '2026-04-01', issueNo: 3, kind: '正刊', title: '简报三' },
    { id: 'b3', date: '2026-04-15', issueNo: 1, kind: '增刊', title: '增刊一', adoptedBy: ['省纪委监委', '市纪委监委'], adoptedDate: '2026-04-30' },
    { id: 'b4', date: '2026-04-28', issueNo: 4, kind: '正刊', title: '简报四', adoptedBy: ['市纪委监委'], adoptedDate: '2026-05-06' },
    { id: 'b5', date: '2026-03-20', issueNo: 2, kind: '正刊', title: '简报二' },
  ]),
};

export const INPUT: StatsInput = { settings: SETTINGS, ledgers: LEDGERS };

export function emptyInput(): StatsInput {
  return {
    settings: SETTINGS,
    ledgers: Object.fromEntries(LEDGER_KEYS.map((k) => [k, []])) as unknown as Record<
      LedgerKey,
      LedgerRecord[]
    >,
  };
}
