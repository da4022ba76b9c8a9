// Which indicators the per-unit sheets (分单位·…) of the built-in 统计表 show, one entry per sheet. Each
// indicator takes two columns (本期 and 累计), so a sheet holds at most PER_UNIT_MAX_INDICATORS of them and
// prints legibly on one landscape A4 page width. Names are typed catalog names: a typo fails to compile.
// Left out on purpose: 基本信息 (settings, not work), 乡镇街道纪工委数 (a roster fact), 简报 (the office's
// own publication), the 领导小组 meetings (the office's), clue shares and four forms (clues per unit only as
// counts; the district tables show the rest).

/** 5 indicators × (本期, 累计) = 10 figure columns, plus 序号 and 单位: 12 columns. */
export const PER_UNIT_MAX_INDICATORS = 5;

import type { IndicatorName } from '../stats/catalog';

export interface PerUnitSheetSpec {
  /** Worksheet name (≤ 31 characters, none of * ? : \ / [ ]). */
  sheet: string;
  /** Shown in the title: 《campaign》分单位统计表（theme）. */
  theme: string;
  indicators: readonly IndicatorName[];
}

export const PER_UNIT_SHEETS: readonly PerUnitSheetSpec[] = [
  {
    sheet: '分单位·组织领导',
    theme: '组织领导',
    indicators: ['会议次数', '督导检查次数', '具体任务数', '任务完成率', '逾期任务数'],
  },
  {
    sheet: '分单位·学习教育',
    theme: '学习教育',
    indicators: ['学习活动次数', '集中学习次数', '主题党日次数', '学习内容项数', '参学率'],
  },
  {
    sheet: '分单位·学习成果',
    theme: '学习成果',
    indicators: [
      '心得体会篇数',
      '学习笔记万字',
      '交流研讨发言篇数',
      '领导班子心得体会篇数',
      '领导班子学习笔记万字',
    ],
  },
  {
    sheet: '分单位·建章立制',
    theme: '建章立制',
    indicators: ['制度数', '制度方面数', '制度条数', '具体规定数', '学习教育制度数'],
  },
  {
    sheet: '分单位·问题线索',
    theme: '问题线索',
    indicators: ['受理线索数', '处置线索数', '办结线索数', '立案数', '处分人数'],
  },
  {
    sheet: '分单位·检视整改',
    theme: '检视整改',
    indicators: ['督导发现问题数', '检视问题数', '已整改问题数', '整改率', '建立制度数'],
  },
  {
    sheet: '分单位·宣传舆情',
    theme: '宣传舆情',
    indicators: ['宣传稿件数', '中央级宣传稿件数', '省级宣传稿件数', '市级宣传稿件数', '舆情数'],
  },
];
