// 检视整改 rectification items ledger: the problem list from self-examination and how each is rectified.
import type { DoneMeaning, LedgerDef } from './types';
import { notBefore, requiredWhen } from './rule-helpers';

/** 已整改 and 已销号 mean the item is rectified (counted in 已整改问题数 and 整改率). */
const DONE = {
  field: 'status',
  list: 'rectStatus',
  tags: ['已整改', '已销号'],
} as const satisfies DoneMeaning;

export const rectifications: LedgerDef = {
  key: 'rectifications',
  label: '检视整改',
  ownerGroup: 'rectify',
  confidential: false,
  dateLabel: '查摆日期',
  dateAliases: ['发现日期', '检视日期', '提出日期'],
  titleField: 'description',
  statusField: 'status',
  done: DONE,
  dedupeKeys: ['unit', 'description'],
  fields: [
    { key: 'rectNo', label: '问题编号', type: 'text', maxLength: 40, aliases: ['编号', '问题序号'] },
    {
      key: 'source',
      label: '问题来源',
      type: 'choice',
      choiceList: 'rectSource',
      required: true,
      aliases: ['来源', '查摆方式'],
    },
    {
      key: 'category',
      label: '问题类别',
      type: 'choice',
      choiceList: 'rectCategory',
      aliases: ['类别', '问题类型'],
    },
    {
      key: 'description',
      label: '问题描述',
      type: 'text',
      required: true,
      maxLength: 500,
      aliases: ['问题表现', '存在问题', '具体问题', '问题'],
      table: { width: 320 },
    },
    {
      key: 'involved',
      label: '涉及单位或人员',
      type: 'text',
      maxLength: 200,
      aliases: ['涉及单位', '涉及人员', '责任主体'],
    },
    {
      key: 'measures',
      label: '整改措施',
      type: 'textarea',
      maxLength: 4000,
      aliases: ['整改举措', '具体措施'],
      table: { hidden: true },
    },
    { key: 'leader', label: '责任领导', type: 'text', maxLength: 50, aliases: ['分管领导', '牵头领导'] },
    { key: 'person', label: '责任人', type: 'text', maxLength: 50, aliases: ['具体责任人', '责任人员'] },
    { key: 'deadline', label: '整改时限', type: 'date', aliases: ['整改期限', '完成时限', '时限'] },
    {
      key: 'kind',
      label: '整改类型',
      type: 'choice',
      choiceList: 'rectKind',
      required: true,
      aliases: ['整改方式', '类型'],
    },
    {
      key: 'status',
      label: '整改状态',
      type: 'choice',
      choiceList: 'rectStatus',
      required: true,
      aliases: ['状态', '整改情况', '完成情况'],
    },
    { key: 'doneDate', label: '完成日期', type: 'date', aliases: ['整改完成日期', '销号日期', '完成时间'] },
    {
      key: 'rules',
      label: '建立制度',
      type: 'links',
      linkTo: 'rules',
      aliases: ['形成制度', '建章立制', '制度成果'],
      help: '整改中建立或完善的制度（从制度台账中选择）',
    },
  ],
  rules: [
    notBefore('deadline', 'date', '整改时限不能早于查摆日期'),
    requiredWhen(
      'deadline',
      'kind',
      { list: 'rectKind', tags: ['限期整改'] },
      '限期整改的问题必须填写整改时限',
    ),
    requiredWhen('doneDate', 'status', DONE, '整改状态为已整改或已销号时，完成日期必须填写'),
    notBefore('doneDate', 'date', '完成日期不能早于查摆日期'),
  ],
};
