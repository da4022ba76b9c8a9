// 宣传报道 publicity ledger: articles published about the campaign, by media level (宣传舆情组 keeps it).
import type { LedgerDef } from './types';

export const publicity: LedgerDef = {
  key: 'publicity',
  label: '宣传报道',
  ownerGroup: 'publicity',
  confidential: false,
  dateLabel: '刊发日期',
  dateAliases: ['发布日期', '刊发时间', '发表日期', '采用日期'],
  titleField: 'title',
  statusField: 'level',
  dedupeKeys: ['title', 'outlet'],
  fields: [
    {
      key: 'title',
      label: '稿件标题',
      type: 'text',
      required: true,
      maxLength: 200,
      aliases: ['标题', '题目', '稿件名称'],
      table: { width: 300 },
    },
    {
      key: 'kind',
      label: '稿件类型',
      type: 'choice',
      choiceList: 'publicityKind',
      required: true,
      aliases: ['类型', '体裁'],
    },
    {
      key: 'outlet',
      label: '刊发媒体',
      type: 'text',
      required: true,
      maxLength: 100,
      aliases: ['媒体', '刊发平台', '采用媒体', '刊发载体'],
    },
    {
      key: 'level',
      label: '媒体级别',
      type: 'choice',
      choiceList: 'publicityLevel',
      required: true,
      aliases: ['级别', '层级', '刊发级别'],
    },
    { key: 'author', label: '作者', type: 'text', maxLength: 100, aliases: ['撰稿人', '供稿人', '作者姓名'] },
    {
      key: 'link',
      label: '链接',
      type: 'text',
      maxLength: 500,
      aliases: ['网址', '网页链接'],
      table: { hidden: true },
    },
  ],
};
