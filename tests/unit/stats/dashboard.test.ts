// The dashboard's data on the hand-built dataset, seen on 2026-04-28: task lights per group, overdue tasks,
// study by month, rectification progress (累计) and the per-unit comparison.
import { describe, expect, it } from 'vitest';
import { CATALOG, computeDashboard } from '../../../src-main/stats';
import { INPUT, PERIOD } from './dataset';

describe('computeDashboard', () => {
  const d = computeDashboard(INPUT, PERIOD, '2026-04-28');

  it('lights every task started by the period end, per lead group', () => {
    // Started by 04-30: t1…t6, t8 (t7 starts 05-01). On 04-28: t1 t2 t5 done; t3 (due 04-20) and t6 (due 03-25)
    // red; t8 (due 04-30, 2 days) yellow; t4 (due 05-15) green. t1 leads from training, t6 from rectify.
    const byGroup = Object.fromEntries(d.taskLights.map((l) => [l.group, [l.green, l.yellow, l.red]]));
    expect(byGroup).toEqual({
      office: [1, 1, 1],
      drafting: [0, 0, 0],
      clues: [0, 0, 0],
      training: [0, 0, 0],
      publicity: [0, 0, 0],
      rectify: [0, 0, 1],
    });
    expect(d.taskLights.map((l) => l.groupName)[0]).toBe('领导小组办公室');
  });

  it('lists overdue tasks, earliest deadline first, with their responsible unit and lead group', () => {
    expect(d.overdueTasks).toEqual([
      { id: 't6', content: '任务六', deadline: '2026-03-25', unit: 'u-d', group: 'rectify' },
      { id: 't3', content: '任务三', deadline: '2026-04-20', unit: 'u-a', group: 'office' },
    ]);
  });

  it('counts study sessions and participants per month of the period', () => {
    expect(d.studyByMonth).toEqual([{ month: '2026-04', sessions: 8, participants: 37 }]);
    const spring = computeDashboard(INPUT, { from: '2026-03-01', to: '2026-04-30' }, '2026-04-28');
    // March: s1 s10 s12 s13 s14 → 9+18+10+4+2 = 43 participants.
    expect(spring.studyByMonth).toEqual([
      { month: '2026-03', sessions: 5, participants: 43 },
      { month: '2026-04', sessions: 8, participants: 37 },
    ]);
  });

  it('names its key-number cards, each one an indicator the values hold', () => {
    const names = new Set(d.indicators.map((i) => i.name));
    expect(d.keyNumbers.slice(0, 3)).toEqual(['领导小组会议次数', '督导检查次数', '集中学习次数']);
    for (const n of d.keyNumbers) expect(names.has(n), n).toBe(true);
  });

  it('shows rectification progress of everything found so far', () => {
    // Found by 04-30: x1…x5. 已整改 by then: x1 x5; 已销号: x2; x3 (done 05-02) and x4 still in progress.
    expect(d.rectification).toEqual({ total: 5, done: 2, closed: 1, inProgress: 2 });
  });

  it('compares every unit in the period', () => {
    // Studies: u-a s2 s4 s8 (s1 is 03-31, s9 05-01); u-b s3 s5 s11 and s8 (held for u-b); u-d s6 s7.
    // Writings are 全体干部 reflections: u-a w3 12, u-b w5 4. Items found: u-a x2, u-b x3 x4, u-d x5.
    expect(d.perUnit).toEqual([
      { unit: 'u-a', unitName: '机关一室', studies: 3, writings: 12, rectifications: 1 },
      { unit: 'u-b', unitName: '东湖镇纪委', studies: 4, writings: 4, rectifications: 2 },
      { unit: 'u-c', unitName: '西山镇纪委', studies: 0, writings: 0, rectifications: 0 },
      { unit: 'u-d', unitName: '驻教育局纪检监察组', studies: 2, writings: 0, rectifications: 1 },
    ]);
  });

  it('carries the full indicator list and the query', () => {
    expect(d.indicators).toHaveLength(CATALOG.length);
    expect(d.query).toEqual(PERIOD);
  });
});
