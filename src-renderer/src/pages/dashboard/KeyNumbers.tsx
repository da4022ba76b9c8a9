// Key number cards: the period's value large, the cumulative value (累计, campaign start to period end) below.
import { Card, Col, Row, Statistic, Typography } from 'antd';
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
    <Row gutter={[12, 12]} data-testid="key-numbers">
      {items.map((i) => (
        <Col key={i.name} xs={12} md={8} lg={6} xl={4}>
          <Card size="small" data-testid="kpi-card" data-name={i.name}>
            <Statistic
              title={i.name}
              value={formatIndicator(i.period, i.unit)}
              suffix={i.unit && i.unit !== '%' ? i.unit : undefined}
              styles={{ content: { fontSize: 26 } }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="kpi-cumulative">
              累计 {formatIndicator(i.cumulative, i.unit)}
              {i.unit && i.unit !== '%' ? ` ${i.unit}` : ''}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
