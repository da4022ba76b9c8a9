// Picks the statistics period: 本周, 本月, each phase, 全程, or a custom range; shows the dates it stands for.
import { DatePicker, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PeriodState } from '../hooks/usePeriod';

export function PeriodPicker({ state }: { state: PeriodState }) {
  const { period, options, choose } = state;
  return (
    <Space wrap data-testid="period-picker" data-from={period.from} data-to={period.to}>
      <Segmented
        value={period.key}
        options={[
          ...options.map((o) => ({ value: o.key, label: o.label })),
          { value: 'custom', label: '自定义' },
        ]}
        onChange={(k) => {
          if (k === 'custom') choose({ key: 'custom', from: period.from, to: period.to });
          else choose({ key: String(k) });
        }}
      />
      {period.key === 'custom' ? (
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(v) => {
            if (v?.[0] && v[1])
              choose({ key: 'custom', from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
          }}
        />
      ) : (
        <Typography.Text type="secondary" data-testid="period-range">
          {period.from} 至 {period.to}
        </Typography.Text>
      )}
    </Space>
  );
}
