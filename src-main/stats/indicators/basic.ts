// 基本信息: who reports, for which campaign, which period — the text every report and table header needs.
import { chineseDate, chineseMonthDay } from '../../shared/dates';
import { plenaryName } from '../../shared/settings';
import { section } from '../define';
import type { StatsIndex } from '../stats-index';
import { periodText } from '../util';

const ind = section('基本信息');

/** Active units inside the scope (a unit scope narrows to that unit). */
function scopedUnits(ix: StatsIndex) {
  return ix.settings.units.filter((u) => u.active && (!ix.scope.unit || u.id === ix.scope.unit));
}

export const BASIC = [
  ind(
    { name: '单位名称', unit: '', kind: 'text', meaning: '纪委监委名称（设置中填写）' },
    (ix) => ix.settings.commissionName,
  ),
  ind(
    { name: '办公室名称', unit: '', kind: 'text', meaning: '教育整顿领导小组办公室名称' },
    (ix) => ix.settings.officeName,
  ),
  ind(
    { name: '教育整顿名称', unit: '', kind: 'text', meaning: '本次教育整顿的名称' },
    (ix) => ix.settings.campaignName,
  ),
  ind(
    {
      name: '起始日期',
      unit: '',
      kind: 'text',
      meaning: '统计期间的第一天，如“2026年4月1日”；累计为教育整顿开始日期',
    },
    (_ix, r) => chineseDate(r.from),
  ),
  ind(
    { name: '截止日期', unit: '', kind: 'text', meaning: '统计期间的最后一天，如“2026年4月30日”' },
    (_ix, r) => chineseDate(r.to),
  ),
  ind({ name: '截至日期', unit: '', kind: 'text', meaning: '“截至X月X日”中的日期，如“4月30日”' }, (_ix, r) =>
    chineseMonthDay(r.to),
  ),
  ind({ name: '报告期间', unit: '', kind: 'text', meaning: '如“2026年4月1日至4月30日”' }, (_ix, r) =>
    periodText(r.from, r.to),
  ),
  ind({ name: '所处环节', unit: '', kind: 'text', meaning: '统计期间最后一天所处的教育整顿环节' }, (ix, r) =>
    ix.settings.phases
      .filter((p) => p.start <= r.to && p.end >= r.to)
      .map((p) => p.name)
      .join('、'),
  ),
  ind(
    {
      name: '上级全会',
      unit: '',
      kind: 'list',
      meaning: '学习的上级纪委全会（设置中填写），如“省纪委十二届三次全会”',
    },
    (ix) => ix.settings.report.plenaries.map(plenaryName),
  ),
  ind(
    { name: '引述要求领导', unit: '', kind: 'text', meaning: '报告引述其要求的领导同志姓名（设置中填写）' },
    (ix) => (ix.settings.report.citedRequirement ? ix.settings.report.citedLeader : ''),
  ),
  ind(
    { name: '引述要求会议', unit: '', kind: 'text', meaning: '该领导提出要求的会议（设置中填写）' },
    (ix) => (ix.settings.report.citedLeader ? ix.settings.report.citedOccasion : ''),
  ),
  ind(
    { name: '引述要求', unit: '', kind: 'text', meaning: '引述的要求原文，不含引号（设置中填写）' },
    (ix) => (ix.settings.report.citedLeader ? ix.settings.report.citedRequirement : ''),
  ),
  ind({ name: '干部人数', unit: '人', meaning: '范围内在用单位的干部人数合计（设置中填写）' }, (ix) =>
    scopedUnits(ix).reduce((t, u) => t + u.headcount, 0),
  ),
  ind({ name: '领导班子人数', unit: '人', meaning: '范围内在用单位的领导班子人数合计' }, (ix) =>
    scopedUnits(ix).reduce((t, u) => t + u.leaderHeadcount, 0),
  ),
];
