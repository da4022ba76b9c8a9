// The statistics engine's public face: pure functions from settings + live records + a period to indicator
// values. No I/O, no Node imports: it runs in main, in the CLI and in tests alike.
export type { IndicatorDef, Scope, StatsInput } from './types';
export { CATALOG, catalog } from './catalog';
export { computeIndicators, indicatorMap, perUnitIndicators } from './compute';
export { computeDashboard } from './dashboard';
export { formatIndicator } from './format';
export { fourFormOf } from './indicators/clues';
export { taskLight } from './tasks';
export { clueMatrix } from './clue-matrix';
export type { ClueMatrixRow } from './clue-matrix';
