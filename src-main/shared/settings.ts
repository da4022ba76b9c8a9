// The office's settings: who they are, the campaign's phases, working groups, units, editable choice lists
// and the outcome → four-forms mapping. One zod schema validates every door.
import * as z from 'zod';
import { dateString } from './date-schemas';
import { isValidDate } from './dates';
import { DEFAULT_CHOICE_LISTS, DEFAULT_FOUR_FORMS } from './choices';
import { DocFormatSchema } from './doc-format';

export const UNIT_KINDS = ['机关', '派驻机构', '乡镇街道'] as const;

export const UnitSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, '单位名称必须填写').max(60),
  kind: z.enum(UNIT_KINDS, { error: '单位类别只能是机关、派驻机构或乡镇街道' }),
  /** 干部人数: the denominator of 参学率. */
  headcount: z.number().int('人数必须是整数').min(0, '人数不能为负数'),
  /** 领导班子人数. */
  leaderHeadcount: z.number().int().min(0).default(0),
  active: z.boolean().default(true),
});
export type Unit = z.infer<typeof UnitSchema>;

export const GroupSchema = z.object({
  key: z.string().min(1),
  name: z.string().trim().min(1, '工作组名称必须填写'),
  leader: z.string().default(''),
  members: z.array(z.string()).default([]),
  duties: z.string().default(''),
});
export type WorkingGroup = z.infer<typeof GroupSchema>;

export const PhaseSchema = z
  .object({
    name: z.string().trim().min(1, '环节名称必须填写'),
    start: dateString('开始日期'),
    end: dateString('结束日期'),
  })
  .refine((p) => p.end >= p.start, { message: '结束日期不能早于开始日期', path: ['end'] });
export type Phase = z.infer<typeof PhaseSchema>;

export const LeaderSchema = z.object({
  name: z.string().trim().min(1, '姓名必须填写'),
  post: z.string().default(''),
  role: z.enum(['组长', '副组长', '成员']).default('成员'),
});

/** A superior's plenary session the office studies: 省纪委 + 十二 + 三 reads 省纪委十二届三次全会. */
export const PlenarySchema = z.object({
  body: z.string().trim().min(1, '全会的机关必须填写，如“省纪委”').max(30, '机关名称不能超过30字'),
  term: z.string().trim().max(6, '届次不能超过6字').default(''),
  session: z.string().trim().min(1, '第几次全会必须填写，如“三”').max(6, '次数不能超过6字'),
});
export type Plenary = z.infer<typeof PlenarySchema>;

/**
 * What the progress report says that no ledger holds, filled once by the office: who it is addressed to and
 * copied to, the superiors' plenary sessions studied, and the leader whose requirement it cites.
 */
export const ReportFactsSchema = z.object({
  /** 主送机关; empty: the city-level office of the same campaign. */
  addressee: z.string().trim().max(60, '主送机关不能超过60字').default(''),
  /** 抄送机关, in the 版记. */
  cc: z.array(z.string().trim().min(1).max(60, '抄送机关不能超过60字')).max(20).default([]),
  plenaries: z.array(PlenarySchema).max(6, '最多填写6次全会').default([]),
  /** 严格落实{name}同志在{occasion}上“{requirement}”要求; left out unless all three are filled. */
  citedLeader: z.string().trim().max(20, '姓名不能超过20字').default(''),
  citedOccasion: z.string().trim().max(60, '会议名称不能超过60字').default(''),
  citedRequirement: z.string().trim().max(120, '要求原文不能超过120字').default(''),
});
export type ReportFacts = z.infer<typeof ReportFactsSchema>;

export const EMPTY_REPORT_FACTS: ReportFacts = {
  addressee: '',
  cc: [],
  plenaries: [],
  citedLeader: '',
  citedOccasion: '',
  citedRequirement: '',
};

/** "二十届中央纪委四次全会" for the central commission, "省纪委十二届三次全会" for the others. */
export function plenaryName(p: Plenary): string {
  const term = p.term ? `${p.term}届` : '';
  return p.body.endsWith('中央纪委')
    ? `${term}${p.body}${p.session}次全会`
    : `${p.body}${term}${p.session}次全会`;
}

/** See ChoiceMeaningMap: list → meaning tag (the default label) → labels carrying it, current label first. */
export const ChoiceMeaningsSchema = z.record(
  z.string(),
  z.record(z.string(), z.array(z.string().trim().min(1)).min(1)),
);

export const SettingsSchema = z
  .object({
    /** 区纪委监委 name, e.g. "XX区纪委监委". */
    commissionName: z.string().trim().min(1, '纪委监委名称必须填写').max(60),
    campaignName: z.string().trim().min(1, '教育整顿名称必须填写').max(60),
    officeName: z.string().trim().min(1).max(60),
    campaignStart: dateString('教育整顿开始日期'),
    campaignEnd: dateString('教育整顿结束日期'),
    phases: z.array(PhaseSchema).min(1, '至少需要一个环节'),
    groups: z.array(GroupSchema).min(1),
    leadingGroup: z.array(LeaderSchema).default([]),
    units: z.array(UnitSchema),
    choiceLists: z.record(z.string(), z.array(z.string().trim().min(1)).min(1, '选项列表不能为空')),
    /**
     * What each renamed option means (list → tag → labels, current first): kept by the settings service from
     * the edits to choiceLists, so a renamed option keeps its statistics. Absent: nothing was ever renamed.
     */
    choiceMeanings: ChoiceMeaningsSchema.optional(),
    /** Outcome or sanction → form 1..4 (四种形态). */
    fourForms: z.record(z.string(), z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])),
    /** Idle minutes before the screen locks (accounts issue). */
    lockMinutes: z.number().int().min(1).max(240).default(15),
    /** Word output format preset (GB/T 9704-2012 by default): fonts per role, margins, page numbers. */
    docFormat: DocFormatSchema.optional(),
    /** Name printed in the bulletin's red masthead. */
    bulletinName: z.string().trim().max(30, '简报名称不能超过30字').optional(),
    /** Folder the monthly package is written to; empty: 教育整顿工作台 in the user's documents folder. */
    outputDir: z.string().trim().max(500, '输出文件夹路径不能超过500字').default(''),
    /** Facts the progress report needs that no ledger holds (主送, 抄送, plenaries, cited requirement). */
    report: ReportFactsSchema.default(EMPTY_REPORT_FACTS),
    /** True once the first-run wizard is complete. */
    setupDone: z.boolean().default(false),
  })
  .refine(
    (s) => !isValidDate(s.campaignStart) || !isValidDate(s.campaignEnd) || s.campaignEnd >= s.campaignStart,
    {
      message: '结束日期不能早于开始日期',
      path: ['campaignEnd'],
    },
  );
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_GROUPS: WorkingGroup[] = [
  { key: 'office', name: '领导小组办公室', leader: '', members: [], duties: '统筹协调、任务督办、建章立制' },
  { key: 'drafting', name: '文稿简报组', leader: '', members: [], duties: '会议、文件、简报' },
  { key: 'clues', name: '线索工作组', leader: '', members: [], duties: '问题线索受理、处置（涉密）' },
  { key: 'training', name: '教育培训组', leader: '', members: [], duties: '学习教育、专题授课、主题党日' },
  { key: 'publicity', name: '宣传舆情组', leader: '', members: [], duties: '宣传报道、舆情处置' },
  { key: 'rectify', name: '整改协调组', leader: '', members: [], duties: '督导检查、检视整改' },
];

export function defaultSettings(today: string): Settings {
  const year = today.slice(0, 4);
  return {
    commissionName: '区纪委监委',
    campaignName: '纪检监察干部队伍教育整顿',
    officeName: '区纪检监察干部队伍教育整顿领导小组办公室',
    campaignStart: today,
    campaignEnd: `${year}-12-31` >= today ? `${year}-12-31` : today,
    phases: [
      { name: '学习教育', start: today, end: today },
      { name: '检视整改', start: today, end: today },
      { name: '巩固提升', start: today, end: today },
    ],
    groups: DEFAULT_GROUPS,
    leadingGroup: [],
    units: [
      {
        id: 'u-office',
        name: '区纪委监委机关',
        kind: '机关',
        headcount: 0,
        leaderHeadcount: 0,
        active: true,
      },
    ],
    choiceLists: structuredClone(DEFAULT_CHOICE_LISTS),
    fourForms: { ...DEFAULT_FOUR_FORMS },
    lockMinutes: 15,
    bulletinName: '教育整顿工作简报',
    outputDir: '',
    report: structuredClone(EMPTY_REPORT_FACTS),
    setupDone: false,
  };
}
