// Declares one catalog entry: its description plus the function over a prepared index. `compute` (the
// stand-alone form) is derived here, so an indicator is written once. Names stay literal types, so the
// catalog yields the IndicatorName union (see names.ts) and a misspelt name fails to compile.
import type { ChoiceBasis } from '../shared/choice-meanings';
import type { DateRange } from '../shared/dates';
import type { IndicatorInfo, IndicatorKind, IndicatorRaw } from '../shared/indicators';
import { StatsIndex } from './stats-index';
import type { IndicatorDef } from './types';

export type Run = (ix: StatsIndex, range: DateRange) => IndicatorRaw;

export interface Described<N extends string = string> {
  name: N;
  unit: string;
  meaning: string;
  kind?: IndicatorKind;
  fromConfidential?: boolean;
  /**
   * The choice options (list + meaning tag) the indicator counts by, the same ones its function asks
   * `ix.is` about: 设置 warns before such an option is deleted. A test checks the two agree.
   */
  basis?: readonly ChoiceBasis[];
}

/** Makes the entries of one catalog section. */
export function section(category: string, fromConfidential = false) {
  return <N extends string>(d: Described<N>, run: Run): IndicatorDef<N> => ({
    name: d.name,
    unit: d.unit,
    meaning: d.meaning,
    category,
    kind: d.kind ?? 'count',
    ...(fromConfidential || d.fromConfidential ? { fromConfidential: true } : {}),
    ...(d.basis?.length ? { basis: d.basis } : {}),
    run,
    compute: (input, range, scope) => run(new StatsIndex(input, scope), range),
  });
}

/**
 * The plain description of an entry (no functions: values cross IPC by structured clone). The basis is left
 * out: values do not need it; the catalog channel adds it (see catalog()).
 */
export function infoOf(d: IndicatorDef): IndicatorInfo {
  return {
    name: d.name,
    unit: d.unit,
    meaning: d.meaning,
    category: d.category,
    kind: d.kind,
    ...(d.fromConfidential ? { fromConfidential: true } : {}),
  };
}
