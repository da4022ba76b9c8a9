// Key number cards: the period's value large, the cumulative value (累计, campaign start to period end) below.
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { IndicatorValue } from '../../../../src-main/shared/indicators';
import { formatIndicator } from '../../lib/format';

/** The numbers an office looks at first; whichever of them the catalog has, in this order. */
const PREFERRED = [
  '领导小组会议次数',
  '督导检查次数',
  '集中学习次数',
  '参学率',
  '心得体会篇数',
  '学习笔记万字',
  '受理线索数',
  '检视问题数',
  '整改率',
  '制度数',
  '宣传稿件数',
  '简报期数',
];

export function pickKeyNumbers(all: IndicatorValue[], max = 12): IndicatorValue[] {
  const numeric = all.filter((i) => typeof i.period === 'number');
  const byName = new Map(numeric.map((i) => [i.name, i]));
  const picked = PREFERRED.flatMap((n) => (byName.has(n) ? [byName.get(n)!] : []));
  for (const i of numeric) {
    if (picked.length >= Math.max(8, Math.min(max, picked.length))) break;
    if (!picked.includes(i)) picked.push(i);
  }
  return picked.slice(0, max);
}

export function KeyNumbers({ indicators }: { indicators: IndicatorValue[] }) {
  const items = pickKeyNumbers(indicators);
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
