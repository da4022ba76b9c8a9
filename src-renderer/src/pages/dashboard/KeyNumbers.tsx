// Key number cards: the period's value large, the cumulative value (累计, campaign start to period end) below. Own
// markup (layout/shell.css), not antd's Card and Statistic: the cards are the first frame's content (main.tsx).
import type { IndicatorValue } from '../../../../src-main/shared/indicators';
import { formatIndicator } from '../../lib/format';

/** The cards main names (stats/dashboard.ts), topped up with other numbers should any be missing. */
export function pickKeyNumbers(all: IndicatorValue[], preferred: string[], max = 12): IndicatorValue[] {
  const numeric = all.filter((i) => typeof i.period === 'number');
  const byName = new Map(numeric.map((i) => [i.name, i]));
  const picked = preferred.flatMap((n) => (byName.has(n) ? [byName.get(n)!] : []));
  for (const i of numeric) {
    if (picked.length >= Math.max(8, Math.min(max, picked.length))) break;
    if (!picked.includes(i)) picked.push(i);
  }
  return picked.slice(0, max);
}

export function KeyNumbers({ indicators, names }: { indicators: IndicatorValue[]; names: string[] }) {
  const items = pickKeyNumbers(indicators, names);
  if (!items.length) return null;
  return (
    <div className="cd-kpis" data-testid="key-numbers">
      {items.map((i) => {
        const unit = i.unit && i.unit !== '%' ? i.unit : undefined;
        return (
          <section
            className="cd-kpi"
            key={i.name}
            data-testid="kpi-card"
            data-name={i.name}
            aria-label={i.name}
          >
            <div className="cd-kpi-title">{i.name}</div>
            <div className="cd-kpi-value">
              <span data-testid="kpi-value">{formatIndicator(i.period, i.unit)}</span>
              {unit && <span className="cd-kpi-unit">{unit}</span>}
            </div>
            <div className="cd-kpi-total" data-testid="kpi-cumulative">
              累计 {formatIndicator(i.cumulative, i.unit)}
              {unit ? ` ${unit}` : ''}
            </div>
          </section>
        );
      })}
    </div>
  );
}
