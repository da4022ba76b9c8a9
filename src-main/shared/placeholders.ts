// The placeholder language shared by Word and Excel templates, so one name means one number everywhere.
//   {{指标名}}          本期 value (the chosen period)
//   {{指标名|累计}}     cumulative value, campaign start → period end (截至X月X日)
//   {{指标名|上期}}     the period of equal length just before the chosen one
//   {{单位.指标名}}     inside a table row: the row is repeated once per unit ({{单位.单位名称}} gives the name)
// Lists are joined with 、; numbers are formatted as in Chinese reports.
import { distance } from 'fastest-levenshtein';

export type PlaceholderVariant = 'period' | 'cumulative' | 'previous';

export interface Placeholder {
  /** The text between the braces, trimmed, e.g. "单位.参学率|累计". */
  key: string;
  name: string;
  variant: PlaceholderVariant;
  perUnit: boolean;
}

export interface PlaceholderProblem {
  kind: 'unclosed' | 'unopened' | 'empty' | 'bad_variant' | 'unknown_name';
  /** Chinese, says what is wrong. */
  message: string;
  /** The text around the problem, so the user can find it in Word or Excel. */
  context: string;
  suggestions?: string[];
}

const VARIANTS: Record<string, PlaceholderVariant> = { 本期: 'period', 累计: 'cumulative', 上期: 'previous' };
export const PER_UNIT_PREFIX = '单位.';
/** The per-unit pseudo-indicator that yields the unit's name. */
export const UNIT_NAME = '单位名称';
export const PLACEHOLDER_RE = /\{\{([^{}]*)\}\}/g;

export function parsePlaceholder(inner: string): Placeholder | PlaceholderProblem {
  const key = inner.trim();
  if (!key) return { kind: 'empty', message: '占位符内没有指标名', context: `{{${inner}}}` };
  const [first, variantWord] = key.split('|').map((s) => s.trim());
  let name = first;
  let variant: PlaceholderVariant = 'period';
  if (variantWord !== undefined) {
    const v = VARIANTS[variantWord];
    if (!v) {
      return {
        kind: 'bad_variant',
        message: `“|${variantWord}”不是可用的取值方式，只能是 |本期、|累计 或 |上期`,
        context: `{{${inner}}}`,
      };
    }
    variant = v;
  }
  const perUnit = name.startsWith(PER_UNIT_PREFIX);
  if (perUnit) name = name.slice(PER_UNIT_PREFIX.length).trim();
  if (!name) return { kind: 'empty', message: '占位符内没有指标名', context: `{{${inner}}}` };
  return { key, name, variant, perUnit };
}

export function isProblem(p: Placeholder | PlaceholderProblem): p is PlaceholderProblem {
  return 'kind' in p;
}

function around(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 12);
  const end = Math.min(text.length, index + length + 12);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** Finds placeholders and broken delimiters in one piece of text (a paragraph, a cell). */
export function scanText(text: string): { placeholders: Placeholder[]; problems: PlaceholderProblem[] } {
  const placeholders: Placeholder[] = [];
  const problems: PlaceholderProblem[] = [];
  const masked = text.replace(PLACEHOLDER_RE, (whole, inner: string, offset: number) => {
    const p = parsePlaceholder(inner);
    if (isProblem(p)) problems.push({ ...p, context: around(text, offset, whole.length) });
    else placeholders.push(p);
    return ' '.repeat(whole.length);
  });
  // Whatever braces are left after removing well-formed placeholders are broken delimiters.
  const stray = /\{\{|\}\}|\{|\}/g;
  for (let m = stray.exec(masked); m; m = stray.exec(masked)) {
    const opening = m[0].startsWith('{');
    problems.push({
      kind: opening ? 'unclosed' : 'unopened',
      message: opening ? '占位符缺少结尾的“}}”' : '占位符缺少开头的“{{”',
      context: around(text, m.index, m[0].length),
    });
  }
  return { placeholders, problems };
}

/** The nearest known names, for "did you mean" messages. */
export function suggestNames(name: string, known: readonly string[], max = 3): string[] {
  const scored = known
    .map((k) => ({ k, d: distance(name, k) - (k.includes(name) || name.includes(k) ? 2 : 0) }))
    .filter((s) => s.d <= Math.max(2, Math.ceil(name.length / 2)))
    .sort((a, b) => a.d - b.d);
  return scored.slice(0, max).map((s) => s.k);
}

/** Checks names against the catalog; returns one problem per unknown name with suggestions. */
export function checkNames(placeholders: Placeholder[], known: readonly string[]): PlaceholderProblem[] {
  const knownSet = new Set(known);
  const seen = new Set<string>();
  const problems: PlaceholderProblem[] = [];
  for (const p of placeholders) {
    const ok = knownSet.has(p.name) || (p.perUnit && p.name === UNIT_NAME);
    if (ok || seen.has(p.name)) continue;
    seen.add(p.name);
    const suggestions = suggestNames(p.name, known);
    problems.push({
      kind: 'unknown_name',
      message: `未知的指标名“${p.name}”${suggestions.length ? `，是否是：${suggestions.join('、')}` : ''}`,
      context: `{{${p.key}}}`,
      suggestions,
    });
  }
  return problems;
}
