// 回收站: records moved out of every ledger, restorable (by whoever may change the record) or purged for good
// (administrators).
import { App, Button, Empty, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { LEDGERS } from '../../../../src-main/shared/ledgers';
import type { RecycledItem } from '../../../../src-main/shared/contract';
import { call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { useAppData } from '../../hooks/useAppData';
import { useChannel } from '../../hooks/useChannel';
import { formatStamp } from '../../lib/format';
import { recordTitle } from '../../lib/ledgerView';
import { canWriteRecord, isAdmin } from '../../lib/permissions';

export function RecyclePage() {
  const { message } = App.useApp();
  const { viewer } = useAppData();
  const admin = isAdmin(viewer);
  const bin = useChannel('recycle:list', {});
  const [ledger, setLedger] = useState<string | undefined>();
  const { setData } = bin;
  const items = useMemo(
    () => (bin.data?.items ?? []).filter((i) => !ledger || i.ledger === ledger),
    [bin.data, ledger],
  );

  const drop = (it: RecycledItem) =>
    setData(
      (old) =>
        old && { items: old.items.filter((x) => !(x.ledger === it.ledger && x.record.id === it.record.id)) },
    );

  const restore = async (it: RecycledItem) => {
    const r = await call('ledgers:restore', { ledger: it.ledger, id: it.record.id });
    if (!r.ok) return void message.error(r.error.message);
    drop(it);
    void message.success(`已恢复到“${LEDGERS[it.ledger]?.label ?? it.ledger}”台账`);
  };
  const purge = async (it: RecycledItem) => {
    const r = await call('ledgers:purge', { ledger: it.ledger, id: it.record.id });
    if (!r.ok) return void message.error(r.error.message);
    drop(it);
    void message.success('已彻底删除');
  };

  if (bin.error && !bin.data)
    return <ErrorState title="回收站加载失败" error={bin.error} onRetry={bin.refresh} />;
  const ledgersPresent = [...new Set((bin.data?.items ?? []).map((i) => i.ledger))];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="recycle-page">
      <Space align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          回收站
        </Typography.Title>
        <Select
          allowClear
          placeholder="全部台账"
          style={{ width: 180 }}
          value={ledger}
          onChange={setLedger}
          options={ledgersPresent.map((k) => ({ value: k, label: LEDGERS[k]?.label ?? k }))}
        />
      </Space>
      <Typography.Text type="secondary">删除的记录先放在这里，可以恢复；彻底删除后无法找回。</Typography.Text>
      <Table<RecycledItem>
        size="small"
        rowKey={(i) => `${i.ledger}:${i.record.id}`}
        loading={bin.loading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="回收站是空的" /> }}
        columns={[
          { title: '台账', width: 110, render: (_, i) => LEDGERS[i.ledger]?.label ?? i.ledger },
          {
            title: '记录',
            ellipsis: true,
            render: (_, i) => {
              const def = LEDGERS[i.ledger];
              return def ? recordTitle(def, i.record) : i.record.id;
            },
          },
          { title: '日期', width: 110, render: (_, i) => i.record.date },
          { title: '删除人', width: 110, render: (_, i) => i.record.deletedBy ?? '—' },
          { title: '删除时间', width: 150, render: (_, i) => formatStamp(i.record.deletedAt) },
          {
            title: '操作',
            width: 180,
            render: (_, i) => (
              <Space>
                {canWriteRecord(viewer, LEDGERS[i.ledger] ?? { confidential: false }, i.record.group) ? (
                  <Button size="small" type="primary" ghost onClick={() => void restore(i)}>
                    恢复
                  </Button>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    只读
                  </Typography.Text>
                )}
                {admin && (
                  <Popconfirm
                    title="彻底删除后无法找回，确定吗？"
                    okText="彻底删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => void purge(i)}
                  >
                    <Button size="small" danger>
                      彻底删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
