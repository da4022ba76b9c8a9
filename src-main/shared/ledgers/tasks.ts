// 任务 tasks ledger: the campaign's concrete tasks (具体任务) with deadlines and status; the office keeps it.
import type { DoneMeaning, LedgerDef } from './types';
import { notBefore, requiredWhen } from './rule-helpers';

/** 已完成 and 已销号 mean the task is done (green light gone, counted in 已完成任务数). */
const DONE = {
  field: 'status',
  list: 'taskStatus',
  tags: ['已完成', '已销号'],
} as const satisfies DoneMeaning;

export const tasks: LedgerDef = {
  key: 'tasks',
  label: '任务',
  ownerGroup: 'office',
  confidential: false,
  dateLabel: '开始日期',
  dateAliases: ['开始时间', '下达日期', '启动时间'],
  titleField: 'content',
  statusField: 'status',
  done: DONE,
  dedupeKeys: ['phase', 'content', 'responsibleUnit'],
  fields: [
    {
      key: 'phase',
      label: '所属环节',
      type: 'choice',
      choiceList: 'phase',
      required: true,
      aliases: ['环节', '阶段', '所属阶段'],
    },
    {
      key: 'content',
      label: '任务内容',
      type: 'text',
      required: true,
      maxLength: 500,
      aliases: ['具体任务', '工作任务', '任务事项', '工作内容', '任务名称'],
      table: { width: 320 },
    },
    {
      key: 'source',
      label: '任务来源',
      type: 'choice',
      choiceList: 'taskSource',
      aliases: ['来源', '任务出处'],
    },
    { key: 'leadGroup', label: '牵头工作组', type: 'group', aliases: ['牵头组', '责任组', '牵头小组'] },
    {
      key: 'responsibleUnit',
      label: '责任单位',
      type: 'unit',
      aliases: ['牵头单位', '承办单位', '落实单位'],
    },
    {
      key: 'responsiblePerson',
      label: '责任人',
      type: 'text',
      maxLength: 50,
      aliases: ['具体责任人', '联系人'],
    },
    {
      key: 'deadline',
      label: '完成时限',
      type: 'date',
      required: true,
      aliases: ['时限要求', '截止时间', '截止日期', '时间节点'],
      help: '距完成时限3天内亮黄灯，超过时限未完成亮红灯',
    },
    {
      key: 'status',
      label: '状态',
      type: 'choice',
      choiceList: 'taskStatus',
      required: true,
      aliases: ['任务状态', '推进状态', '进展状态'],
    },
    {
      key: 'progress',
      label: '进展情况',
      type: 'textarea',
      maxLength: 4000,
      aliases: ['工作进展', '推进情况', '落实情况'],
      table: { hidden: true },
    },
    { key: 'doneDate', label: '完成日期', type: 'date', aliases: ['实际完成日期', '办结日期', '销号日期'] },
  ],
  rules: [
    notBefore('deadline', 'date', '完成时限不能早于开始日期'),
    requiredWhen('doneDate', 'status', DONE, '状态为已完成或已销号时，完成日期必须填写'),
    notBefore('doneDate', 'date', '完成日期不能早于开始日期'),
  ],
};
