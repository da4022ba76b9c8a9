// 学习资料 study materials ledger: compilations printed for the campaign (册, 本, 方面, 篇).
import type { LedgerDef } from './types';
import { notMore } from './rule-helpers';

export const materials: LedgerDef = {
  key: 'materials',
  label: '学习资料',
  ownerGroup: 'training',
  confidential: false,
  dateLabel: '印发日期',
  dateAliases: ['编印日期', '发放日期', '印发时间'],
  titleField: 'title',
  dedupeKeys: ['title', 'date'],
  fields: [
    {
      key: 'title',
      label: '资料名称',
      type: 'text',
      required: true,
      maxLength: 200,
      aliases: ['汇编名称', '资料汇编名称', '书名', '名称'],
      table: { width: 280 },
    },
    { key: 'volumes', label: '册数', type: 'int', min: 1, required: true, aliases: ['编印册数', '册'] },
    {
      key: 'copies',
      label: '印数（本）',
      type: 'int',
      min: 0,
      aliases: ['本数', '印数', '印制数量', '发放本数'],
    },
    { key: 'areaCount', label: '方面数', type: 'int', min: 0, aliases: ['涵盖方面数', '涵盖方面（个）'] },
    {
      key: 'areas',
      label: '涵盖方面',
      type: 'textList',
      aliases: ['主要方面', '涵盖内容'],
      table: { hidden: true },
    },
    {
      key: 'articles',
      label: '篇数',
      type: 'int',
      min: 0,
      aliases: ['收录篇数', '文章篇数', '篇目数', '内容篇数'],
    },
  ],
  rules: [
    notMore('volumes', 'copies', '印数（本）不能少于册数', 'copies'),
    {
      paths: ['areaCount'],
      message: '方面数不能少于列出的涵盖方面',
      test: (r) =>
        typeof r.areaCount !== 'number' || !Array.isArray(r.areas) || r.areaCount >= r.areas.length,
    },
  ],
};
