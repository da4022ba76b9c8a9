// 制度 rules-and-systems ledger (建章立制): plans, working rules and specific provisions the campaign issued.
import type { LedgerDef } from './types';

export const rules: LedgerDef = {
  key: 'rules',
  label: '制度',
  ownerGroup: 'office',
  confidential: false,
  dateLabel: '印发日期',
  dateAliases: ['发文日期', '制定日期', '出台日期', '印发时间'],
  titleField: 'title',
  statusField: 'kind',
  dedupeKeys: ['title', 'date'],
  fields: [
    {
      key: 'title',
      label: '制度名称',
      type: 'text',
      required: true,
      maxLength: 200,
      aliases: ['文件名称', '制度（方案）名称', '名称', '标题'],
      help: '不含书名号，如：教育整顿领导小组会议制度',
      table: { width: 300 },
    },
    {
      key: 'kind',
      label: '制度类别',
      type: 'choice',
      choiceList: 'ruleKind',
      required: true,
      aliases: ['类别', '制度类型', '类型'],
    },
    {
      key: 'issuedBy',
      label: '制发主体',
      type: 'choice',
      choiceList: 'ruleIssuer',
      required: true,
      aliases: ['制定主体', '发文主体', '印发单位', '制定单位'],
      help: '具体的工作组和单位取本记录的“所属工作组”“单位”',
    },
    { key: 'areaCount', label: '方面数', type: 'int', min: 0, aliases: ['涉及方面', '方面'] },
    { key: 'articleCount', label: '条数', type: 'int', min: 0, aliases: ['条款数', '内容条数', '条'] },
    {
      key: 'docNo',
      label: '文号',
      type: 'text',
      maxLength: 60,
      aliases: ['发文字号', '文件编号', '发文文号'],
    },
    {
      key: 'action',
      label: '制定方式',
      type: 'choice',
      choiceList: 'ruleAction',
      required: true,
      aliases: ['制定类型', '制修订', '新制定/修订'],
    },
    {
      key: 'highlights',
      label: '亮点',
      type: 'textarea',
      maxLength: 2000,
      aliases: ['主要亮点', '特色亮点', '创新点'],
      table: { hidden: true },
    },
    {
      key: 'featured',
      label: '作为亮点写入报告',
      type: 'bool',
      aliases: ['亮点举例', '典型'],
      help: '选“是”时，报告以“如东湖镇纪委在《…》中明确，（亮点）”举例；需同时填写亮点',
    },
  ],
  rules: [
    {
      paths: ['highlights'],
      message: '作为亮点写入报告时，亮点必须填写',
      test: (r) => r.featured !== true || (typeof r.highlights === 'string' && r.highlights.trim() !== ''),
    },
    {
      // "5方面3条" cannot happen: every aspect has at least one article.
      paths: ['articleCount'],
      message: '条数不能少于方面数',
      test: (r) =>
        typeof r.articleCount !== 'number' ||
        typeof r.areaCount !== 'number' ||
        r.articleCount === 0 ||
        r.articleCount >= r.areaCount,
    },
  ],
};
