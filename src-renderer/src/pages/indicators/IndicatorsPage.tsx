// 指标与占位符: every indicator with its meaning, unit and values for the period, and its placeholder to copy.
import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { IndicatorValue } from '../../../../src-main/shared/indicators';
import { ErrorState } from '../../components/ErrorState';
import { PeriodPicker } from '../../components/PeriodPicker';
import { useChannel } from '../../hooks/useChannel';
import { usePeriod } from '../../hooks/usePeriod';
import { copyText } from '../../lib/clipboard';
import { formatIndicator } from '../../lib/format';
import { PlaceholderGuide } from './PlaceholderGuide';

/** Numbers line up on the right; names and lists read from the left. */
function valueStyle(v: unknown) {
  return {
    display: 'block',
    textAlign: typeof v === 'number' ? 'right' : 'left',
    fontVariantNumeric: 'tabular-nums',
  } as const;
}

export function IndicatorsPage() {
  const { message } = App.useApp();
  const periodState = usePeriod();
  const { from, to } = periodState.period;
  const stats = useChannel('stats:compute', { from, to });
  const [q, setQ] = useState('');
  const rows = useMemo(() => {
    const all = stats.data?.indicators ?? [];
    const t = q.trim();
    return t ? all.filter((i) => i.name.includes(t) || i.meaning.includes(t) || i.category.includes(t)) : all;
  }, [stats.data, q]);

  const copy = async (text: string) => {
    if (await copyText(text)) void message.success(`已复制 ${text}`);
    else void message.error('复制失败，请手动选中复制');
  };

  if (stats.error && !stats.data)
    return <ErrorState title="指标加载失败" error={stats.error} onRetry={stats.refresh} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="indicators-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          指标与占位符
        </Typography.Title>
        <PeriodPicker state={periodState} />
      </Space>
      <PlaceholderGuide />
      <Input.Search
        allowClear
        placeholder="查找指标（名称、含义或类别）"
        style={{ maxWidth: 360 }}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <Table<IndicatorValue>
        size="small"
        rowKey="name"
        loading={stats.loading}
        dataSource={rows}
        pagination={false}
        sticky
        locale={{ emptyText: stats.loading ? '正在统计…' : '没有找到指标' }}
        columns={[
          {
            title: '类别',
            dataIndex: 'category',
            width: 100,
            filters: [...new Set((stats.data?.indicators ?? []).map((i) => i.category))].map((c) => ({
              text: c,
              value: c,
            })),
            onFilter: (v, r) => r.category === v,
          },
          {
            title: '指标名称',
            dataIndex: 'name',
            width: 200,
            render: (n: string, r) => (
              <Space size={4}>
                <Typography.Text strong>{n}</Typography.Text>
                {r.fromConfidential && <Tag color="red">涉密统计</Tag>}
              </Space>
            ),
          },
          { title: '含义', dataIndex: 'meaning' },
          { title: '单位', dataIndex: 'unit', width: 60 },
          {
            title: '本期',
            width: 140,
            render: (_, r) => (
              <span data-testid="ind-period" style={valueStyle(r.period)}>
                {formatIndicator(r.period, r.unit)}
              </span>
            ),
          },
          {
            title: '累计',
            width: 140,
            align: 'right',
            render: (_, r) => (
              <span data-testid="ind-cumulative">{formatIndicator(r.cumulative, r.unit)}</span>
            ),
          },
          {
            title: '复制占位符',
            width: 220,
            render: (_, r) => (
              <Space size={4}>
                <Tooltip title="本期数值">
                  <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(`{{${r.name}}}`)}>
                    本期
                  </Button>
                </Tooltip>
                <Tooltip title="累计数值">
                  <Button
                    size="small"
                    icon={<CopyOutlined />}
                    onClick={() => void copy(`{{${r.name}|累计}}`)}
                  >
                    累计
                  </Button>
                </Tooltip>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
