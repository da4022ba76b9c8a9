// The calendar half of the period picker (a range or a month): antd's DatePicker is large, and most screens open on
// a preset that never shows it, so PeriodPicker loads this file only when 自定义 or 选择月份 is chosen.
import { DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PeriodState } from '../hooks/usePeriod';
import { monthRange } from '../../../src-main/shared/period';

export default function PeriodDates({ state, disabled }: { state: PeriodState; disabled?: boolean }) {
  const { period, choose } = state;
  if (period.key === 'custom') {
    return (
      <DatePicker.RangePicker
        allowClear={false}
        disabled={disabled}
        value={[dayjs(period.from), dayjs(period.to)]}
        onChange={(v) => {
          if (v?.[0] && v[1])
            choose({ key: 'custom', from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
        }}
      />
    );
  }
  return (
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
  );
}
