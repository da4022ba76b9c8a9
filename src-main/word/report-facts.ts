// What the report's wording reads: the indicators of one period as facts that can be tested ("did it happen?")
// and said ("3", "《榜样7》"), or, for the template, placeholders that say every fact whatever its value.
import type { IndicatorKind } from '../shared/indicators';
import { chineseDate, chineseMonthDay, daysInMonth } from '../shared/dates';
import type { IndicatorName } from '../stats/catalog';
import type { ValueBook, Variant } from './values';

export const C: Variant = 'cumulative';

export interface ReportFacts {
  /** True for the template: every clause is written, with {{指标名}} where the value goes. */
  readonly template: boolean;
  /** How the period is named at the head of a sentence: "10月", "11月23日至11月29日", "教育整顿开展以来", "本期". */
  readonly P: string;
  /** "10月31日" in "截至10月31日", or {{截至日期}}. */
  readonly A: string;
  /**
   * 本期 is 累计: the period starts on or before the campaign start (the first month, a whole-campaign report),
   * so every cumulative clause would repeat the period's numbers and is left out.
   */
  readonly same: boolean;
  /** The fact happened: a number above 0, a non-empty list or text. Always true in a template. */
  has(name: IndicatorName, variant?: Variant): boolean;
  /** The number (0 for a list or text); NaN in a template, where wording must not depend on it. */
  num(name: IndicatorName, variant?: Variant): number;
  /** The value as report text ("93.1%", "58.49", names joined with 、), or its placeholder. */
  say(name: IndicatorName, variant?: Variant): string;
  /** The items of a list indicator, or one placeholder standing for all of them. */
  items(name: IndicatorName, variant?: Variant): string[];
}

/** "4月" for a whole month, otherwise "4月1日至4月15日" (with years when the range crosses one). */
export function periodLabel(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (fy === ty && fm === tm && fd === 1 && td === daysInMonth(ty, tm)) return `${fm}月`;
  if (fy !== ty) return `${chineseDate(from)}至${chineseDate(to)}`;
  return `${chineseMonthDay(from)}至${chineseMonthDay(to)}`;
}

const KINDS_OF_TEXT: IndicatorKind[] = ['list', 'text'];

/** Facts of a computed period. `campaignStart` decides whether 本期 is the same as 累计. */
export function valueFacts(
  book: ValueBook,
  query: { from: string; to: string },
  campaignStart: string,
): ReportFacts {
  const same = query.from <= campaignStart;
  const month = periodLabel(query.from, query.to);
  const wholeMonth = month.endsWith('月') && !month.includes('至');
  const info = (name: IndicatorName) => book.info(name);
  return {
    template: false,
    P: same && !wholeMonth ? '教育整顿开展以来' : month,
    A: chineseMonthDay(query.to),
    same,
    has: (name, variant = 'period') => {
      const raw = book.raw(name, variant);
      if (Array.isArray(raw)) return raw.some((s) => s.trim() !== '');
      if (typeof raw === 'string') return raw.trim() !== '';
      return typeof raw === 'number' && raw > 0;
    },
    num: (name, variant = 'period') => {
      const raw = book.raw(name, variant);
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : 0;
    },
    say: (name, variant = 'period') => book.text(name, variant, info(name).kind),
    items: (name, variant = 'period') => {
      if (!KINDS_OF_TEXT.includes(info(name).kind)) return [];
      return book.list(name, variant);
    },
  };
}

const ph = (name: string, variant: Variant = 'period') =>
  `{{${name}${variant === 'cumulative' ? '|累计' : ''}}}`;

/** Facts of the template: every fact "happened", and each value is its placeholder. */
export function templateFacts(): ReportFacts {
  return {
    template: true,
    P: '本期',
    A: ph('截至日期'),
    same: false,
    has: () => true,
    num: () => Number.NaN,
    say: (name, variant) => ph(name, variant),
    items: (name, variant) => [ph(name, variant)],
  };
}
