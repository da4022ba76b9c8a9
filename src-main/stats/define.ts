// Declares one catalog entry: its description plus the function over a prepared index. `compute` (the
// stand-alone form) is derived here, so an indicator is written once.
import type { DateRange } from '../shared/dates';
import type { IndicatorInfo, IndicatorKind, IndicatorRaw } from '../shared/indicators';
import { StatsIndex } from './stats-index';
import type { IndicatorDef } from './types';

export type Run = (ix: StatsIndex, range: DateRange) => IndicatorRaw;

export interface Described {
  name: string;
  unit: string;
  meaning: string;
  kind?: IndicatorKind;
  fromConfidential?: boolean;
}

/** Makes the entries of one catalog section. */
export function section(category: string, fromConfidential = false) {
  return (d: Described, run: Run): IndicatorDef => ({
    name: d.name,
    unit: d.unit,
    meaning: d.meaning,
    category,
    kind: d.kind ?? 'count',
    ...(fromConfidential || d.fromConfidential ? { fromConfidential: true } : {}),
    run,
    compute: (input, range, scope) => run(new StatsIndex(input, scope), range),
  });
}

/** The plain description of an entry (no functions: values cross IPC by structured clone). */
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
