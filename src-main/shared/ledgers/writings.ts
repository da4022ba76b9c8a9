// 学习成果 writings ledger: per unit and month, reflections, study notes and discussion speeches written.
import type { LedgerDef } from './types';

export const writings: LedgerDef = {
  key: 'writings',
  label: '学习成果',
  ownerGroup: 'training',
  confidential: false,
  dateLabel: '统计日期',
  dateAliases: ['填报日期', '报送日期'],
  titleField: 'month',
  statusField: 'audience',
  dedupeKeys: ['month', 'unit', 'audience'],
  fields: [
    { key: 'month', label: '所属月份', type: 'month', required: true, aliases: ['月份', '统计月份'] },
    {
      key: 'audience',
      label: '撰写对象',
      type: 'choice',
      choiceList: 'writingAudience',
      required: true,
      aliases: ['人员类别', '填报对象', '对象'],
      help: '“全体干部”一行的数字含领导班子；领导班子另填一行单列',
    },
    {
      key: 'reflections',
      label: '心得体会（篇）',
      type: 'int',
      min: 0,
      aliases: ['心得体会', '心得体会篇数', '心得（篇）'],
    },
    {
      key: 'notesChars',
      label: '学习笔记（字）',
      type: 'int',
      min: 0,
      aliases: ['学习笔记', '学习笔记字数', '笔记字数'],
      help: '按字数填写，报表自动折算为万字',
    },
    {
      key: 'speeches',
      label: '交流研讨发言（篇）',
      type: 'int',
      min: 0,
      aliases: ['研讨发言', '交流发言', '研讨发言篇数', '发言材料'],
    },
  ],
  rules: [
    {
      // Statistics select records by the common date; keeping it inside the month makes a monthly report
      // count exactly that month's figures.
      paths: ['date'],
      message: '统计日期应在所属月份内',
      test: (r) =>
        typeof r.month !== 'string' || typeof r.date !== 'string' || r.date.slice(0, 7) === r.month,
    },
  ],
};
