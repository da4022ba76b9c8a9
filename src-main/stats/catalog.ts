// The indicator catalog: every statistic the dashboard, the Word report, the Excel tables and the template
// placeholders read, in one ordered list, so a number can never differ between two outputs.
import type { IndicatorInfo } from '../shared/indicators';
import { infoOf } from './define';
import { BASIC } from './indicators/basic';
import { CLUES } from './indicators/clues';
import { ORGANISATION } from './indicators/organisation';
import { PUBLICITY } from './indicators/publicity';
import { RECTIFICATION } from './indicators/rectification';
import { RULES } from './indicators/rules';
import { STUDY } from './indicators/study';
import { WRITINGS } from './indicators/writings';
import type { IndicatorDef } from './types';

export const CATALOG: IndicatorDef[] = [
  ...BASIC,
  ...ORGANISATION,
  ...STUDY,
  ...WRITINGS,
  ...RULES,
  ...CLUES,
  ...RECTIFICATION,
  ...PUBLICITY,
];

/** Descriptions only (no functions), for the 指标与占位符 page and the template placeholder list. */
export function catalog(): IndicatorInfo[] {
  return CATALOG.map(infoOf);
}
