// Types of the indicator catalog as seen across the contract: what a dashboard, a template and an export read.
// The pure functions themselves live in src-main/stats; only their descriptions and values cross the line.
import type { ChoiceBasis } from './choice-meanings';

export type IndicatorKind = 'count' | 'percent' | 'amount' | 'list' | 'text';

export interface IndicatorInfo {
  /** Stable Chinese name; what users type into templates as {{名称}}. */
  name: string;
  /** 次, 项, 篇, 万字, %, 个, 人次 … ('' for lists and text). */
  unit: string;
  /** One-line meaning, shown on the 指标与占位符 page. */
  meaning: string;
  /** Catalog section: 组织领导 · 学习教育 · 建章立制 · 问题线索 · 检视整改 · 宣传舆情 · 基本信息. */
  category: string;
  kind: IndicatorKind;
  /** Computed from confidential (clue) records: counts only, never names. */
  fromConfidential?: boolean;
  /** The choice options it counts by (catalog only): 设置 warns before such an option is deleted. */
  basis?: readonly ChoiceBasis[];
}

export type IndicatorRaw = number | string | string[];

export interface IndicatorValue extends IndicatorInfo {
  /** 本期: the chosen period. Percent values are 0..100 with up to one decimal. */
  period: IndicatorRaw;
  /** 累计: from the campaign start to the end of the period. */
  cumulative: IndicatorRaw;
}

/** The scope statistics are computed over: the whole district, one unit, or one working group. */
export interface StatsQuery {
  from: string;
  to: string;
  unit?: string;
  group?: string;
}
