// 生成报送包 (填报单位): the unit's records dated in a period (上月 by default, the month a return is usually for),
// signed, saved as every generated file is, to be handed to the office. The dates are checked here as the contract
// checks them, so the button never sends a period the server would refuse.
import { CloudDownloadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { isValidDate } from '../../../../../src-main/shared/dates';
import { call } from '../../../api/client';
import { DateInput } from '../../../components/DateInput';
import { ProblemList } from '../../../components/ProblemList';
import { useAppData } from '../../../hooks/useAppData';
import { useFileTask } from '../../../hooks/useFileTask';
import { periodOptions, periodText } from '../../../../../src-main/shared/period';

function periodProblem(from?: string, to?: string): string | null {
  if (!from || !to) return '请填写起始日期和截止日期';
  if (!isValidDate(from)) return '起始日期不是有效的日期，格式如 2026-11-01';
  if (!isValidDate(to)) return '截止日期不是有效的日期，格式如 2026-11-30';
  if (to < from) return '截止日期不能早于起始日期';
  return null;
}

export function SubmitPackage({ office, canSubmit }: { office: string; canSubmit: boolean }) {
  const { info, settings } = useAppData();
  const presets = useMemo(
    () => ['lastMonth', 'month'].map((k) => periodOptions(info.today, settings).find((o) => o.key === k)!),
    [info.today, settings],
  );
  const [from, setFrom] = useState<string | undefined>(presets[0].from);
  const [to, setTo] = useState<string | undefined>(presets[0].to);
  const task = useFileTask();
  const problem = periodProblem(from, to);

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        {/* Labels tied to the inputs (DateInput passes the id on), so a screen reader names each date. */}
        <label htmlFor="exchange-from">报送期间：</label>
        <div style={{ width: 200 }}>
          <DateInput id="exchange-from" value={from} onChange={setFrom} placeholder="起始日期" />
        </div>
        <label htmlFor="exchange-to">至</label>
        <div style={{ width: 200 }}>
          <DateInput id="exchange-to" value={to} onChange={setTo} placeholder="截止日期" />
        </div>
        <Space.Compact>
          {presets.map((p) => (
            <Button
              key={p.key}
              onClick={() => {
                setFrom(p.from);
                setTo(p.to);
              }}
              data-testid={`exchange-preset-${p.key}`}
            >
              {p.label}
            </Button>
          ))}
        </Space.Compact>
        <Button
          type="primary"
          icon={<CloudDownloadOutlined />}
          disabled={!canSubmit || !!problem}
          loading={task.busy}
          onClick={() => void task.run('报送包', () => call('exchange:submit', { from: from!, to: to! }))}
          data-testid="exchange-submit"
        >
          生成报送包
        </Button>
      </div>
      {problem ? (
        <Typography.Text type="danger" data-testid="exchange-period-problem">
          {problem}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">
          报送包包含本单位记录日期在{periodText(from!, to!)}
          的各台账记录（问题线索除外），连同期间内删除的记录，以便
          {office}同步删除。生成后把文件交给{office}（U 盘或内网），由其在“报送情况 → 报送包”中接收。
        </Typography.Text>
      )}
      {!canSubmit && (
        <Typography.Text type="secondary">只读账户不能生成报送包，请由可修改数据的同事生成。</Typography.Text>
      )}
      {task.error && <ProblemList error={task.error} onClose={task.clearError} />}
    </Space>
  );
}
