// Picks the statistics period: 本周, 上周, 本月, 上月, each phase, 全程, optionally a month from a calendar, or a custom
// range; shows the dates it stands for.
import { Segmented, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import type { PeriodState } from '../hooks/usePeriod';
import { monthRange } from '../../../src-main/shared/period';

const PeriodDates = lazy(() => import('./PeriodDates'));

interface Props {
  state: PeriodState;
  /** Offer 选择月份 (a month picker), for screens that produce a month's documents. */
  monthPicker?: boolean;
  /** While a document for the chosen period is being made. */
  disabled?: boolean;
}

export function PeriodPicker({ state, monthPicker, disabled }: Props) {
  const { period, options, choose } = state;
  const extra = [
    ...(monthPicker ? [{ value: 'pickedMonth', label: '选择月份' }] : []),
    { value: 'custom', label: '自定义' },
  ];
  const range = (
    <Typography.Text type="secondary" data-testid="period-range">
      {period.from} 至 {period.to}
    </Typography.Text>
  );
  return (
    <Space wrap data-testid="period-picker" data-key={period.key} data-from={period.from} data-to={period.to}>
      <Segmented
        value={period.key}
        disabled={disabled}
        options={[...options.map((o) => ({ value: o.key, label: o.label })), ...extra]}
        onChange={(k) => {
          if (k === 'custom') choose({ key: 'custom', from: period.from, to: period.to });
          else if (k === 'pickedMonth')
            choose({ key: 'pickedMonth', ...monthRange(period.from.slice(0, 7)) });
          else choose({ key: String(k) });
        }}
      />
      {period.key === 'custom' || period.key === 'pickedMonth' ? (
        <Suspense fallback={range}>
          <PeriodDates state={state} disabled={disabled} />
        </Suspense>
      ) : (
        range
      )}
    </Space>
  );
}
