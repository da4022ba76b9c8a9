// The demo district's settings: 江城区纪委监委 with its offices, stationed groups and township committees,
// the five working groups plus the office, the leading group and a four-month campaign in three phases.
import { DEFAULT_CHOICE_LISTS, DEFAULT_FOUR_FORMS } from '../shared/choices';
import { addDays } from '../shared/dates';
import type { Settings, Unit } from '../shared/settings';

/** The campaign runs 4 months; the demo describes it as of day 90 (early in 巩固提升). */
export const CAMPAIGN_DAYS = 121;
export const AS_OF_DAYS = 90;

const UNITS: [string, string, Unit['kind'], number, number][] = [
  // The office's unit carries the 委领导班子 (常委会, 9) whose sessions it organises.
  ['u-bgs', '区纪委监委办公室', '机关', 18, 9],
  ['u-zzb', '区纪委监委组织部', '机关', 7, 1],
  ['u-xcb', '区纪委监委宣传部', '机关', 6, 1],
  ['u-dfzf', '党风政风监督室', '机关', 8, 2],
  ['u-jc1', '第一纪检监察室', '机关', 10, 2],
  ['u-jc2', '第二纪检监察室', '机关', 9, 2],
  ['u-slas', '案件审理室', '机关', 6, 1],
  ['u-xfs', '信访室', '机关', 6, 1],
  ['u-pz-wb', '驻区委办纪检监察组', '派驻机构', 5, 1],
  ['u-pz-zf', '驻区政府办纪检监察组', '派驻机构', 6, 1],
  ['u-pz-jy', '驻区教育局纪检监察组', '派驻机构', 5, 1],
  ['u-jcjd', '江城街道纪工委', '乡镇街道', 5, 2],
  ['u-cnjd', '城南街道纪工委', '乡镇街道', 5, 2],
  ['u-dhz', '东湖镇纪委', '乡镇街道', 4, 2],
  ['u-qsz', '青山镇纪委', '乡镇街道', 4, 2],
  ['u-bsz', '白沙镇纪委', '乡镇街道', 4, 2],
];

/** The 委领导班子 (常委会): its study sessions are entered by the office (u-bgs, leaderHeadcount 9). */
export const COMMISSION_LEADERS = 9;

export function demoSettings(start: string): Settings {
  const end = addDays(start, CAMPAIGN_DAYS - 1);
  return {
    commissionName: '江城区纪委监委',
    campaignName: '纪检监察干部队伍教育整顿',
    officeName: '江城区纪检监察干部队伍教育整顿领导小组办公室',
    campaignStart: start,
    campaignEnd: end,
    phases: [
      { name: '学习教育', start, end: addDays(start, 41) },
      { name: '检视整改', start: addDays(start, 42), end: addDays(start, 83) },
      { name: '巩固提升', start: addDays(start, 84), end },
    ],
    groups: [
      {
        key: 'office',
        name: '领导小组办公室',
        leader: '王立新',
        members: ['赵敏', '黄海涛'],
        duties: '统筹协调、任务督办、建章立制',
      },
      {
        key: 'drafting',
        name: '文稿简报组',
        leader: '赵敏',
        members: ['许文静', '郑凯'],
        duties: '会议、文件、简报',
      },
      {
        key: 'clues',
        name: '线索工作组',
        leader: '张伟',
        members: ['何建军', '罗晓燕'],
        duties: '问题线索受理、处置（涉密）',
      },
      {
        key: 'training',
        name: '教育培训组',
        leader: '周强',
        members: ['林悦', '宋佳'],
        duties: '学习教育、专题授课、主题党日',
      },
      {
        key: 'publicity',
        name: '宣传舆情组',
        leader: '孙丽',
        members: ['唐颖', '韩冰'],
        duties: '宣传报道、舆情处置',
      },
      {
        key: 'rectify',
        name: '整改协调组',
        leader: '刘洋',
        members: ['冯志刚', '邓晓梅'],
        duties: '督导检查、检视整改',
      },
    ],
    leadingGroup: [
      { name: '李建国', post: '区委常委、区纪委书记、区监委主任', role: '组长' },
      { name: '王立新', post: '区纪委副书记、区监委副主任', role: '副组长' },
      { name: '陈晓红', post: '区纪委副书记、区监委副主任', role: '副组长' },
      { name: '张伟', post: '区纪委常委、区监委委员', role: '成员' },
      { name: '刘洋', post: '区纪委常委、区监委委员', role: '成员' },
      { name: '周强', post: '区纪委监委组织部部长', role: '成员' },
      { name: '孙丽', post: '区纪委监委宣传部部长', role: '成员' },
      { name: '赵敏', post: '区纪委监委办公室主任', role: '成员' },
    ],
    units: UNITS.map(([id, name, kind, headcount, leaderHeadcount]) => ({
      id,
      name,
      kind,
      headcount,
      leaderHeadcount,
      active: true,
    })),
    choiceLists: structuredClone(DEFAULT_CHOICE_LISTS),
    fourForms: { ...DEFAULT_FOUR_FORMS },
    lockMinutes: 15,
    outputDir: '',
    report: {
      addressee: '市纪检监察干部队伍教育整顿领导小组办公室',
      cc: ['区委办公室', '市纪委监委组织部'],
      plenaries: [
        { body: '中央纪委', term: '二十', session: '五' },
        { body: '省纪委', term: '十二', session: '五' },
        { body: '市纪委', term: '九', session: '五' },
      ],
      citedLeader: '周建华',
      citedOccasion: '全市纪检监察干部队伍教育整顿动员部署会议',
      citedRequirement: '领导班子要发挥带动作用，学在前、干在前、做表率',
    },
    setupDone: true,
  };
}
