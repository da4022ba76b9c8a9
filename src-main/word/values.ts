// Indicator values as report text: look up by Chinese name and format with the statistics module's
// formatIndicator. A name the values do not hold is a programming error, never a silent "0": template names are
// checked against the catalog when a template is loaded, and the built-in report names them with typed names.
import type { IndicatorKind, IndicatorRaw, IndicatorValue } from '../shared/indicators';
import type { Placeholder, PlaceholderVariant } from '../shared/placeholders';
import { UNIT_NAME } from '../shared/placeholders';
import { formatIndicator } from '../stats/format';

export type Variant = Exclude<PlaceholderVariant, 'previous'>;

/**
 * Formats one raw value as the statistics module does everywhere (lists joined with 、, "87.5%", 万字 up to two
 * decimals); a value that is missing reads "0", "0%" or "" by its kind instead of failing.
 */
export function formatRaw(raw: IndicatorRaw | undefined, kind: IndicatorKind = 'count'): string {
  if (raw === undefined || raw === null)
    return kind === 'list' || kind === 'text' ? '' : kind === 'percent' ? '0%' : '0';
  if (Array.isArray(raw))
    return formatIndicator(
      raw.filter((s) => s !== ''),
      kind,
    );
  return formatIndicator(raw, kind);
}

/** The values of one scope (district or unit), looked up by name. */
export class ValueBook {
  private readonly byName = new Map<string, IndicatorValue>();

  constructor(values: readonly IndicatorValue[]) {
    for (const v of values) this.byName.set(v.name, v);
  }

  get(name: string): IndicatorValue | undefined {
    return this.byName.get(name);
  }

  /** The indicator's value and description; throws for a name these values do not hold. */
  info(name: string): IndicatorValue {
    const v = this.byName.get(name);
    if (!v) throw new Error(`未知的指标“${name}”：计算结果中没有这个名称`);
    return v;
  }

  raw(name: string, variant: Variant): IndicatorRaw {
    return this.info(name)[variant];
  }

  /** Formatted text ("3", "93.1%", "58.49", a list joined with 、). */
  text(name: string, variant: Variant = 'period', kind?: IndicatorKind): string {
    const v = this.info(name);
    return formatRaw(v[variant], v.kind ?? kind);
  }

  list(name: string, variant: Variant = 'period'): string[] {
    const raw = this.raw(name, variant);
    if (Array.isArray(raw)) return raw.filter((s) => s !== '');
    return typeof raw === 'string' && raw ? [raw] : [];
  }

  number(name: string, variant: Variant = 'period'): number {
    const raw = this.raw(name, variant);
    return typeof raw === 'number' && Number.isFinite(raw) ? raw : 0;
  }
}

/** Placeholder → text for the district values (and the previous period's, for {{名称|上期}}). */
export function lookupFor(current: ValueBook, previous?: ValueBook): (p: Placeholder) => string {
  return (p) => {
    if (p.variant === 'previous') {
      if (!previous) throw new Error(`占位符{{${p.key}}}需要上期数值，但没有计算上期`);
      return previous.text(p.name, 'period');
    }
    return current.text(p.name, p.variant);
  };
}

/** Placeholder → text for one unit's row; {{单位.单位名称}} gives its name. */
export function unitLookupFor(
  unitName: string,
  current: ValueBook,
  previous?: ValueBook,
): (p: Placeholder) => string {
  const base = lookupFor(current, previous);
  return (p) => (p.name === UNIT_NAME ? unitName : base(p));
}
