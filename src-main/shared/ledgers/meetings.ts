// 会议 meetings ledger: leading-group, office and campaign meetings (文稿简报组 keeps it).
import type { LedgerDef } from './types';

export const meetings: LedgerDef = {
  key: 'meetings',
  label: '会议',
  ownerGroup: 'drafting',
  confidential: false,
  dateLabel: '会议日期',
  dateAliases: ['会议时间', '召开日期', '召开时间', '开会时间'],
  titleField: 'title',
  statusField: 'type',
  dedupeKeys: ['date', 'title'],
  fields: [
    {
      key: 'type',
      label: '会议类型',
      type: 'choice',
      choiceList: 'meetingType',
      required: true,
      aliases: ['类型', '会议类别'],
    },
    {
      key: 'title',
      label: '会议名称',
      type: 'text',
      required: true,
      maxLength: 200,
      aliases: ['名称', '会议主题', '标题'],
      table: { width: 260 },
    },
    { key: 'place', label: '地点', type: 'text', maxLength: 100, aliases: ['会议地点'] },
    { key: 'chair', label: '主持人', type: 'text', maxLength: 50, aliases: ['主持'] },
    { key: 'expected', label: '应到人数', type: 'int', min: 0, aliases: ['应到'] },
    { key: 'present', label: '实到人数', type: 'int', min: 0, aliases: ['实到', '参会人数'] },
    {
      key: 'agenda',
      label: '议程',
      type: 'textList',
      aliases: ['会议议程', '议题'],
      table: { hidden: true },
    },
    {
      key: 'decisions',
      label: '议定事项',
      type: 'textarea',
      maxLength: 4000,
      aliases: ['决定事项'],
      table: { hidden: true },
    },
    { key: 'minutesNo', label: '纪要文号', type: 'text', maxLength: 60, aliases: ['纪要编号', '文号'] },
  ],
  rules: [
    {
      paths: ['present'],
      message: '实到人数不能多于应到人数',
      test: (r) => typeof r.present !== 'number' || typeof r.expected !== 'number' || r.present <= r.expected,
    },
  ],
};
