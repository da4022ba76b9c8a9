// Small grammar for the report's sentences: clauses that appear only when their fact happened, a period
// clause and a cumulative clause that never repeat the same numbers, enumerations that end in 等, and the
// 一是、二是 numbering over whichever points remain.
import type { IndicatorName } from '../stats/catalog';
import type { ReportFacts } from './report-facts';
import { C } from './report-facts';

export const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Items a sentence names before "等": a list of 23 study titles reads as five of them "等23项". */
export const LIST_ITEMS_IN_PROSE = 5;

export interface ProseSection {
  heading: string;
  /** Paragraphs before the points. */
  intro: string[];
  /** 一是… 二是… paragraphs. */
  points: string[];
  /** （一）（二） sub-headings, each with its paragraph. */
  subsections: { heading: string; text: string }[];
}

/** A counted fact inside a clause: the indicator and how its number is said ("领导小组会议3次"). */
export interface Tallied {
  name: IndicatorName;
  say: (value: string) => string;
}

type Part = string | null | undefined | false;

const kept = (parts: Part[]): string[] => parts.filter((p): p is string => !!p);

/** Clauses joined with "，"; null when none is left. */
export function clauses(...parts: Part[]): string | null {
  const k = kept(parts);
  return k.length ? k.join('，') : null;
}

/** Items joined with "、"; null when none is left. */
export function series(...parts: Part[]): string | null {
  const k = kept(parts);
  return k.length ? k.join('、') : null;
}

/** Parts joined with "；" and closed with "。"; null when none is left. */
export function sentence(...parts: Part[]): string | null {
  const k = kept(parts).map((p) => p.replace(/[。；，]+$/, ''));
  return k.length ? `${k.join('；')}。` : null;
}

/**
 * The period's and the cumulative figures of some facts: facts that did not happen are left out, and the
 * cumulative part is left out when it would only repeat the period's numbers (本期 is 累计, or every figure is
 * the same), so no number is said twice.
 */
export function tally(
  f: ReportFacts,
  items: Tallied[],
): { period: string | null; cumulative: string | null } {
  const inPeriod = items.filter((i) => f.has(i.name));
  const period = series(...inPeriod.map((i) => i.say(f.say(i.name))));
  if (f.same) return { period, cumulative: null };
  const inTotal = items.filter((i) => f.has(i.name, C));
  const repeats =
    !f.template &&
    period !== null &&
    inTotal.length === inPeriod.length &&
    inTotal.every((i) => f.num(i.name) === f.num(i.name, C));
  return { period, cumulative: repeats ? null : series(...inTotal.map((i) => i.say(f.say(i.name, C)))) };
}

/**
 * "A、B、C等9个单位": the first few items of a list, with 等 and the count when there are more; the plain list
 * when it is complete. `countName` gives the count when the list itself is not the whole.
 */
export function enumerate(
  f: ReportFacts,
  listName: IndicatorName,
  measure: string,
  opts: { countName?: IndicatorName; variant?: 'period' | 'cumulative'; max?: number } = {},
): string | null {
  const variant = opts.variant ?? 'period';
  const items = f.items(listName, variant);
  if (!items.length) return null;
  if (f.template) return `${items[0]}等${opts.countName ? f.say(opts.countName, variant) : ''}${measure}`;
  const shown = items.slice(0, opts.max ?? LIST_ITEMS_IN_PROSE);
  const total = opts.countName ? f.num(opts.countName, variant) : items.length;
  return total > shown.length ? `${shown.join('、')}等${total}${measure}` : shown.join('、');
}

/** 一是、二是… prefixed to the points of a section that are left. */
export function numbered(points: Part[]): string[] {
  return kept(points).map((p, i) => `${ORDINALS[i]}是${p}`);
}

/**
 * A section: its points numbered over those that remain; when none remains the section keeps its heading and
 * intro and says in one line that nothing happened.
 */
export function section(heading: string, intro: string[], points: Part[], nothing: string): ProseSection {
  const left = numbered(points);
  return { heading, intro: left.length ? intro : [...intro, nothing], points: left, subsections: [] };
}

/** A text field's paragraphs: one per line, blank lines dropped, pasted indents trimmed. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter(Boolean);
}

/** A text that ends a sentence ends with one 。 (a highlight may be typed with or without it). */
export function closed(text: string): string {
  return `${text.trim().replace(/[。；，、\s]+$/, '')}。`;
}
