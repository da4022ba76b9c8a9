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

const ENTRIES = [
  ...BASIC,
  ...ORGANISATION,
  ...STUDY,
  ...WRITINGS,
  ...RULES,
  ...CLUES,
  ...RECTIFICATION,
  ...PUBLICITY,
];

type Literal<T extends string> = string extends T ? never : T;
/**
 * Every indicator name, as a union of string literals taken from the catalog itself. Code that names an
 * indicator (the report's wording, key-number tables, sheet layouts) takes this type, so a typo fails to compile.
 * Should an entry's name ever widen to `string`, this becomes `never` and every such use fails loudly.
 */
export type IndicatorName = Literal<(typeof ENTRIES)[number]['name']>;

export const CATALOG: readonly IndicatorDef<IndicatorName>[] = ENTRIES;

const NAMES = new Set<string>(CATALOG.map((d) => d.name));

/** True when the catalog has an indicator of that name (for names that come from users: templates). */
export function isIndicatorName(name: string): name is IndicatorName {
  return NAMES.has(name);
}

/**
 * Descriptions only (no functions), for the 指标与占位符 page and the template placeholder list, with the
 * choice options each indicator counts by (设置 warns before such an option is deleted).
 */
export function catalog(): IndicatorInfo[] {
  return CATALOG.map((d) => (d.basis ? { ...infoOf(d), basis: d.basis.map((b) => ({ ...b })) } : infoOf(d)));
}
