// 舆情 public-opinion ledger: incidents found online and how they were handled (宣传舆情组 keeps it).
import type { DoneMeaning, LedgerDef } from './types';
import { notBefore, requiredWhen } from './rule-helpers';

/** 已处置 means the incident is handled (counted in 已处置舆情数). */
const DONE = { field: 'status', list: 'opinionStatus', tags: ['已处置'] } as const satisfies DoneMeaning;

export const opinions: LedgerDef = {
  key: 'opinions',
  label: '舆情',
  ownerGroup: 'publicity',
  confidential: false,
  dateLabel: '发现日期',
  dateAliases: ['发现时间', '监测日期'],
  titleField: 'summary',
  statusField: 'status',
  done: DONE,
  dedupeKeys: ['date', 'summary'],
  fields: [
    {
      key: 'platform',
      label: '发布平台',
      type: 'text',
      required: true,
      maxLength: 100,
      aliases: ['平台', '来源平台', '舆情来源', '载体'],
    },
    {
      key: 'summary',
      label: '舆情概要',
      type: 'text',
      required: true,
      maxLength: 500,
      aliases: ['舆情内容', '主要内容', '摘要', '标题'],
      table: { width: 300 },
    },
    {
      key: 'level',
      label: '舆情等级',
      type: 'choice',
      choiceList: 'opinionLevel',
      required: true,
      aliases: ['等级', '级别'],
    },
    {
      key: 'measures',
      label: '处置措施',
      type: 'textarea',
      maxLength: 4000,
      aliases: ['处置情况', '应对措施'],
      table: { hidden: true },
    },
    {
      key: 'status',
      label: '处置状态',
      type: 'choice',
      choiceList: 'opinionStatus',
      required: true,
      aliases: ['状态'],
    },
    { key: 'closedDate', label: '处置完毕日期', type: 'date', aliases: ['处置完成日期', '办结日期'] },
  ],
  rules: [
    notBefore('closedDate', 'date', '处置完毕日期不能早于发现日期'),
    requiredWhen('closedDate', 'status', DONE, '处置状态为已处置时，处置完毕日期必须填写'),
  ],
};
