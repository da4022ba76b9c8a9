// Hand-worked 本期 (April) and 累计 (03-01…04-30) values for the dataset: rules, clues, rectification and
// publicity. Each line says which records count and why.
import type { IndicatorRaw } from '../../../src-main/shared/indicators';

type Pair = [period: IndicatorRaw, cumulative: IndicatorRaw];

// Rules in P not repealed: r2 (工作制度 5/12), r3 (具体规定 4/9, 修订), r4 (学习教育制度 2/6, 04-30), r7 (其他 1/2).
// r5 (04-15) is 废止; r6 is 05-01. C adds r1 (实施方案 3/20).
export const RULES: Record<string, Pair> = {
  制度数: [4, 5],
  制度方面数: [12, 15], // 5+4+2+1; + 3
  制度条数: [29, 49], // 12+9+6+2; + 20
  实施方案数: [0, 1],
  实施方案方面数: [0, 3],
  实施方案条数: [0, 20],
  工作方案数: [0, 0],
  工作方案方面数: [0, 0],
  工作方案条数: [0, 0],
  工作制度数: [1, 1], // r2; r5 is repealed
  工作制度方面数: [5, 5],
  工作制度条数: [12, 12],
  具体规定数: [1, 1],
  具体规定方面数: [4, 4],
  具体规定条数: [9, 9],
  学习教育制度数: [1, 1],
  学习教育制度方面数: [2, 2],
  学习教育制度条数: [6, 6],
  其他制度数: [1, 1],
  其他制度方面数: [1, 1],
  其他制度条数: [2, 2],
  新制定制度数: [3, 4], // r2 r4 r7; + r1
  修订制度数: [1, 1],
  废止制度数: [1, 1],
  制度名称: [
    ['《领导小组工作制度》', '《办公室具体规定》', '《请示报告事项清单》', '《东湖镇纪委学习教育制度》'],
    [
      '《教育整顿实施方案》',
      '《领导小组工作制度》',
      '《办公室具体规定》',
      '《请示报告事项清单》',
      '《东湖镇纪委学习教育制度》',
    ],
  ],
  学习教育制度单位: [['东湖镇纪委'], ['东湖镇纪委']],
  乡镇街道纪工委数: [1, 1], // 东湖镇 only: 西山镇 is inactive
};

// Clues received in P: c2 c3 c5 c6 c7 c8 c9 c11 (8); C adds c1 c4 c10 (11).
// Disposed in P (by disposition date): c2 c3 c4(04-01) c6 c7 c8 c9 c11 (8; c5 is disposed 05-03); C adds c1 c10.
// Results in P (closed date): c2 (了结澄清 after 初步核实: no form), c3 (严重警告 → 2), c4 (开除党籍 → 3),
// c6 (诫勉 → 1), c7 (记过 → 2), c8 (移送司法机关 → 4), c9 (调整职务 → 2), c11 (了结澄清 after 予以了结: no form).
// C adds c1 (了结澄清 after 谈话函询 → 1).
export const CLUES: Record<string, Pair> = {
  受理线索数: [8, 11],
  信访举报线索数: [4, 6], // c2 c8 c9 c11; + c1 c10
  上级交办线索数: [1, 1],
  巡视巡察移交线索数: [0, 1], // c4 was received 03-25
  审计移交线索数: [1, 1],
  监督检查发现线索数: [1, 1],
  其他来源线索数: [1, 1], // c5 on 04-30
  处置线索数: [8, 10],
  谈话函询线索数: [1, 2], // c6; + c1
  初步核实线索数: [4, 4], // c2 c3 c7 c9
  暂存待查线索数: [0, 1], // c10
  予以了结线索数: [1, 1], // c11
  拟立案线索数: [2, 2], // c4 c8
  办结线索数: [8, 9], // closed in P: c2 c3 c4 c6 c7 c8 c9 c11; + c1
  立案数: [3, 3], // caseFiled, by disposition date: c3 (04-06), c4 (04-01), c8 (04-20); c7 is false
  处分人数: [2, 2], // 党纪/政务处分: c3 and c7 are the same person 甲 of 一室, plus c4 乙
  四种形态人次: [6, 7],
  第一种形态人次: [1, 2],
  第一种形态占比: [16.7, 28.6], // 1 ÷ 6; 2 ÷ 7
  第二种形态人次: [3, 3],
  第二种形态占比: [50, 42.9], // 3 ÷ 6; 3 ÷ 7 = 42.86
  第三种形态人次: [1, 1],
  第三种形态占比: [16.7, 14.3],
  第四种形态人次: [1, 1],
  第四种形态占比: [16.7, 14.3],
};

// Items found in P: x2 (04-01, 已销号 04-30), x3 (done 05-02: not by the end), x4 (04-30, 整改中), x5 (done 04-20).
// C adds x1 (done 03-28). x6 is found 05-01.
export const RECTIFICATION: Record<string, Pair> = {
  检视问题数: [4, 5],
  已整改问题数: [2, 3], // x2 x5; + x1
  已销号问题数: [1, 1], // x2
  整改中问题数: [2, 2], // x3 x4
  整改率: [50, 60], // 2 ÷ 4; 3 ÷ 5
  建立制度数: [1, 2], // linked rules: r1 (03-03), r7 (04-20), r6 (05-01, outside): P r7; C r1 r7
};

export const PUBLICITY: Record<string, Pair> = {
  宣传稿件数: [5, 6], // p1 p2 p3 p6 p7; + p4 (p5 is 05-01)
  中央级宣传稿件数: [1, 1],
  省级宣传稿件数: [1, 1],
  市级宣传稿件数: [1, 1], // p3 on 04-30
  区级宣传稿件数: [1, 2], // p6; + p4
  内部宣传稿件数: [1, 1], // p7
  舆情数: [3, 4], // o1 o2 o4; + o3
  一般舆情数: [2, 2],
  较大舆情数: [1, 1],
  重大舆情数: [0, 1],
  已处置舆情数: [1, 2], // o1; o2 closed 05-02 is not yet; + o3
  简报期数: [3, 5], // b2 b3 b4; + b1 b5
  简报增刊期数: [1, 1],
  简报被上级采用数: [2, 2], // adopted in P: b1 (issued 03-10, adopted 04-02), b3 (04-30); b4 adopted 05-06
  简报采用单位: [
    ['市纪委监委', '省纪委监委'],
    ['市纪委监委', '省纪委监委'],
  ],
};
