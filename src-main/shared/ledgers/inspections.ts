// 督导检查 supervision checks ledger: who checked which units, how, and what was found (整改协调组 keeps it).
import type { LedgerDef } from './types';
import { notBefore } from './rule-helpers';

export const inspections: LedgerDef = {
  key: 'inspections',
  label: '督导检查',
  ownerGroup: 'rectify',
  confidential: false,
  dateLabel: '督导日期',
  dateAliases: ['检查日期', '督导时间', '检查时间'],
  titleField: 'title',
  dedupeKeys: ['date', 'title'],
  fields: [
    {
      key: 'title',
      label: '督导事项',
      type: 'text',
      required: true,
      maxLength: 200,
      aliases: ['检查事项', '督导内容', '检查内容', '督导主题'],
      table: { width: 260 },
    },
    {
      key: 'leader',
      label: '带队领导',
      type: 'text',
      maxLength: 50,
      aliases: ['带队人', '督导组长', '带队'],
    },
    { key: 'team', label: '督导组成员', type: 'textList', aliases: ['检查组成员', '督导人员', '成员'] },
    {
      key: 'unitsChecked',
      label: '被督导单位',
      type: 'units',
      required: true,
      aliases: ['被检查单位', '督导对象', '检查对象'],
      table: { width: 220 },
    },
    {
      key: 'methods',
      label: '督导方式',
      type: 'multiChoice',
      choiceList: 'inspectionMethod',
      aliases: ['检查方式', '方式'],
    },
    {
      key: 'problemCount',
      label: '发现问题数',
      type: 'int',
      min: 0,
      aliases: ['问题数', '问题个数', '发现问题（个）'],
    },
    {
      key: 'problems',
      label: '发现问题',
      type: 'textarea',
      maxLength: 4000,
      aliases: ['问题清单', '主要问题', '存在问题'],
      table: { hidden: true },
    },
    { key: 'feedbackDate', label: '反馈日期', type: 'date', aliases: ['反馈时间'] },
    { key: 'rectRequired', label: '是否要求整改', type: 'bool', aliases: ['要求整改', '需整改'] },
    { key: 'closed', label: '是否办结', type: 'bool', aliases: ['已办结', '是否销号', '办结情况'] },
  ],
  rules: [
    notBefore('feedbackDate', 'date', '反馈日期不能早于督导日期'),
    {
      // The count feeds 督导发现问题数; a described problem with no count would vanish from the report.
      paths: ['problemCount'],
      message: '填写了发现问题时，发现问题数不能为0',
      test: (r) =>
        typeof r.problems !== 'string' ||
        r.problems.trim() === '' ||
        (typeof r.problemCount === 'number' && r.problemCount > 0),
    },
  ],
};
