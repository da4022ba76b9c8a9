// Types of the statistics engine: what it reads (settings + live records), the scope it counts over, and
// the shape of one catalog entry.
import type { DateRange } from '../shared/dates';
import type { IndicatorInfo, IndicatorRaw } from '../shared/indicators';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import type { StatsIndex } from './stats-index';

export type Ledgers = Record<LedgerKey, LedgerRecord[]>;

/** Callers pass only live (not recycled) records. */
export interface StatsInput {
  settings: Settings;
  ledgers: Ledgers;
}

/** Count over the whole district, one unit, or one working group (both may be set). */
export interface Scope {
  unit?: string;
  group?: string;
}

export interface IndicatorDef<N extends string = string> extends IndicatorInfo {
  name: N;
  /** Stand-alone evaluation: builds its own index. */
  compute(input: StatsInput, range: DateRange, scope: Scope): IndicatorRaw;
  /** The same over a prepared index: computeIndicators builds one index and runs every entry on it. */
  run(ix: StatsIndex, range: DateRange): IndicatorRaw;
}
