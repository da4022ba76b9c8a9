// Scopes and edge periods: one unit, one working group, every unit in order, an empty period, a period
// before the campaign start, and no records at all — rates stay 0, never NaN or Infinity.
import { describe, expect, it } from 'vitest';
import { CATALOG, computeIndicators, indicatorMap, perUnitIndicators } from '../../../src-main/stats';
import type { IndicatorValue } from '../../../src-main/shared/indicators';
import { emptyInput, INPUT, PERIOD } from './dataset';

const pick = (values: IndicatorValue[], names: string[]) => {
  const m = indicatorMap(values);
  return Object.fromEntries(names.map((n) => [n, [m.get(n)?.period, m.get(n)?.cumulative]]));
};

describe('unit scope', () => {
  it('counts what belongs to 东湖镇纪委 (u-b), including what others did for it', () => {
    const v = computeIndicators(INPUT, { ...PERIOD, unit: 'u-b' });
    expect(
      pick(v, [
        '督导检查次数',
        '具体任务数',
        '学习活动次数',
        '心得体会篇数',
        '检视问题数',
        '宣传稿件数',
        '制度数',
        '建立制度数',
        '乡镇街道纪工委数',
        '干部人数',
        '被督导单位',
      ]),
    ).toEqual({
      督导检查次数: [1, 2], // checked by i2 (04-01); + i1 (03-20)
      具体任务数: [0, 1], // t1 has u-b as responsible unit (though entered by u-a)
      学习活动次数: [4, 5], // s3 s5 s11 and s8 (held by u-a for u-b); + s13
      心得体会篇数: [4, 4], // w5 (04-01); w6 is May
      检视问题数: [2, 2], // x3 x4
      宣传稿件数: [2, 2], // p3 p7
      制度数: [1, 1], // r4
      建立制度数: [0, 0], // none of u-b's items links a rule
      乡镇街道纪工委数: [1, 1],
      干部人数: [4, 4],
      被督导单位: [['东湖镇纪委'], ['东湖镇纪委']], // never names units outside the scope
    });
  });

  it('gives 机关一室 (u-a) no township and its own headcount', () => {
    const v = computeIndicators(INPUT, { ...PERIOD, unit: 'u-a' });
    expect(pick(v, ['乡镇街道纪工委数', '干部人数', '领导班子人数', '督导检查次数'])).toEqual({
      乡镇街道纪工委数: [0, 0],
      干部人数: [10, 10],
      领导班子人数: [3, 3],
      督导检查次数: [0, 0], // i4 (the only check of u-a) is in May
    });
  });
});

describe('working-group scope', () => {
  it('counts a task for its lead group, other records for their owning group', () => {
    const office = computeIndicators(INPUT, { ...PERIOD, group: 'office' });
    // Tasks without a lead group stay with their group 'office': t2 t3 t4 t5 t8 (t1 leads from training, t6 rectify).
    expect(pick(office, ['具体任务数', '逾期任务数', '会议次数', '制度数'])).toEqual({
      具体任务数: [5, 5],
      逾期任务数: [2, 2], // t3 t5 (t6 belongs to rectify)
      会议次数: [0, 0], // meetings are the drafting group's
      制度数: [4, 5], // rules are the office's
    });
    const training = computeIndicators(INPUT, { ...PERIOD, group: 'training' });
    expect(pick(training, ['具体任务数', '已完成任务数', '学习活动次数'])).toEqual({
      具体任务数: [0, 1],
      已完成任务数: [0, 1],
      学习活动次数: [8, 13],
    });
  });

  it('narrows by unit and group together', () => {
    const v = computeIndicators(INPUT, { ...PERIOD, unit: 'u-d', group: 'rectify' });
    expect(pick(v, ['逾期任务数', '检视问题数', '建立制度数', '督导检查次数'])).toEqual({
      逾期任务数: [0, 1], // t6: lead group rectify, responsible u-d, deadline 03-25
      检视问题数: [1, 1], // x5
      建立制度数: [1, 1], // x5 links r7 (04-20); r6 is May
      督导检查次数: [2, 2], // i2 i3 checked u-d
    });
  });
});

describe('perUnitIndicators', () => {
  const rows = perUnitIndicators(INPUT, PERIOD);

  it('lists every unit in settings order, the inactive one too', () => {
    expect(rows.map((r) => [r.unitId, r.unitName])).toEqual([
      ['u-a', '机关一室'],
      ['u-b', '东湖镇纪委'],
      ['u-c', '西山镇纪委'],
      ['u-d', '驻教育局纪检监察组'],
    ]);
    for (const r of rows) expect(r.values.map((v) => v.name)).toEqual(CATALOG.map((d) => d.name));
  });

  it('agrees with computeIndicators for one unit', () => {
    const direct = computeIndicators(INPUT, { ...PERIOD, unit: 'u-b' });
    expect(rows[1].values).toEqual(direct);
  });

  it('adds up to the district total where a record belongs to exactly one unit', () => {
    const total = (name: string) =>
      rows.reduce((t, r) => t + Number(indicatorMap(r.values).get(name)?.period), 0);
    expect(total('检视问题数')).toBe(4); // u-a x2, u-b x3 x4, u-d x5
    expect(total('宣传稿件数')).toBe(5);
    expect(total('受理线索数')).toBe(8);
  });
});

describe('edge periods', () => {
  it('gives zeros, 0% and empty lists for a period with no records', () => {
    const v = indicatorMap(computeIndicators(INPUT, { from: '2026-06-01', to: '2026-06-10' }));
    expect(v.get('检视问题数')?.period).toBe(0);
    expect(v.get('检视问题数')?.cumulative).toBe(6); // x1…x6 by 06-10
    expect(v.get('整改率')?.period).toBe(0); // 0 ÷ 0
    expect(v.get('任务完成率')?.period).toBe(0);
    expect(v.get('第一种形态占比')?.period).toBe(0);
    expect(v.get('学习内容')?.period).toEqual([]);
    expect(v.get('所处环节')?.period).toBe('巩固提升');
  });

  it('lets 累计 start at the period start when the period begins before the campaign', () => {
    // The 区委常委会 hearing on preparations (m5, 02-20) precedes the 03-01 start.
    const v = indicatorMap(computeIndicators(INPUT, { from: '2026-02-15', to: '2026-03-31' }));
    expect(v.get('区委常委会专题听取汇报次数')).toMatchObject({ period: 1, cumulative: 1 });
    expect(v.get('起始日期')).toMatchObject({ period: '2026年2月15日', cumulative: '2026年2月15日' });
  });

  it('never yields NaN, Infinity or undefined, with no records at all', () => {
    for (const v of computeIndicators(emptyInput(), PERIOD)) {
      for (const raw of [v.period, v.cumulative]) {
        // 上级全会 is the one list the settings fill, not the ledgers.
        if (v.kind === 'list')
          expect(raw).toEqual(
            v.name === '上级全会' ? ['二十届中央纪委二次全会', '省纪委十二届三次全会'] : [],
          );
        else if (v.kind === 'text') expect(typeof raw).toBe('string');
        else
          expect(raw).toBe(
            v.name === '干部人数'
              ? 19
              : v.name === '领导班子人数'
                ? 6
                : v.name === '乡镇街道纪工委数'
                  ? 1
                  : 0,
          );
      }
    }
  });
});
