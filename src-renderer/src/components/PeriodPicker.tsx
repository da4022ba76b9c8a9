// Picks the statistics period: 本周, 上周, 本月, 上月, each phase, 全程, optionally a month from a calendar, or a custom
// range; shows the dates it stands for.
import { DatePicker, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PeriodState } from '../hooks/usePeriod';
import { monthRange } from '../lib/period';

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
      {period.key === 'custom' ? (
        <DatePicker.RangePicker
          allowClear={false}
          disabled={disabled}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(v) => {
            if (v?.[0] && v[1])
              choose({ key: 'custom', from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
          }}
        />
      ) : period.key === 'pickedMonth' ? (
        <Space size={8}>
          <DatePicker
            picker="month"
            allowClear={false}
            disabled={disabled}
            value={dayjs(period.from)}
            format="YYYY年M月"
            aria-label="月份"
            data-testid="period-month"
            onChange={(v) => {
              if (v) choose({ key: 'pickedMonth', ...monthRange(v.format('YYYY-MM')) });
            }}
          />
          <Typography.Text type="secondary" data-testid="period-range">
            {period.from} 至 {period.to}
          </Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary" data-testid="period-range">
          {period.from} 至 {period.to}
        </Typography.Text>
      )}
    </Space>
  );
}
