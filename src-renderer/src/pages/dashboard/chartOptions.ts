// ECharts options for the dashboard: study activity by month, rectification progress, per-unit comparison.
import type { DashboardData } from '../../../../src-main/shared/contract';

const FONT = { fontFamily: 'Microsoft YaHei, PingFang SC, Noto Sans CJK SC, sans-serif' };

export function studyOption(rows: DashboardData['studyByMonth']) {
  return {
    textStyle: FONT,
    tooltip: { trigger: 'axis' },
    legend: { data: ['学习活动（次）', '参学人次'], top: 0 },
    grid: { left: 40, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.month) },
    yAxis: [
      { type: 'value', name: '次', minInterval: 1 },
      { type: 'value', name: '人次', minInterval: 1 },
    ],
    series: [
      {
        name: '学习活动（次）',
        type: 'bar',
        data: rows.map((r) => r.sessions),
        itemStyle: { color: '#1677ff' },
      },
      {
        name: '参学人次',
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((r) => r.participants),
        itemStyle: { color: '#d4380d' },
      },
    ],
  };
}

export function rectificationOption(r: DashboardData['rectification']) {
  return {
    textStyle: FONT,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 项（{d}%）' },
    legend: { bottom: 0 },
    // The centre shows counts only: rates come from the indicator catalog (整改率 card), never recomputed here.
    title: {
      text: `${r.done + r.closed} / ${r.total}`,
      subtext: '已整改（含销号）/ 检视问题',
      left: 'center',
      top: '36%',
      textStyle: { fontSize: 22, ...FONT },
      subtextStyle: FONT,
    },
    series: [
      {
        type: 'pie',
        radius: ['48%', '70%'],
        center: ['50%', '45%'],
        label: { show: false },
        data: [
          { name: '整改中', value: r.inProgress, itemStyle: { color: '#faad14' } },
          { name: '已整改', value: r.done, itemStyle: { color: '#52c41a' } },
          { name: '已销号', value: r.closed, itemStyle: { color: '#1677ff' } },
        ],
      },
    ],
  };
}

export function perUnitOption(rows: DashboardData['perUnit']) {
  return {
    textStyle: FONT,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['学习活动', '学习成果', '检视问题'], top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 64 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.unitName),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '学习活动', type: 'bar', data: rows.map((r) => r.studies) },
      { name: '学习成果', type: 'bar', data: rows.map((r) => r.writings) },
      { name: '检视问题', type: 'bar', data: rows.map((r) => r.rectifications) },
    ],
  };
}
