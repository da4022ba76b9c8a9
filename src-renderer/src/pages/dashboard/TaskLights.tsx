// Task lights per working group (green on track, yellow due within 3 days, red overdue); overdue list one click away.
import { Badge, Button, Card, Empty, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import type { DashboardData } from '../../../../src-main/shared/contract';

type Lights = DashboardData['taskLights'];
type Overdue = DashboardData['overdueTasks'];

export function TaskLights({
  lights,
  overdue,
  unitName,
}: {
  lights: Lights;
  overdue: Overdue;
  unitName: (id: string) => string;
}) {
  const [group, setGroup] = useState<string | null>(null);
  const shown = group === 'all' ? overdue : overdue.filter((t) => t.group === group);
  const light = (color: string, n: number, onClick?: () => void) => (
    <Button type="text" size="small" disabled={!n || !onClick} onClick={onClick} style={{ padding: '0 4px' }}>
      <Badge color={color} text={<span style={{ fontVariantNumeric: 'tabular-nums' }}>{n}</span>} />
    </Button>
  );
  return (
    <Card
      size="small"
      title="任务进度（按工作组）"
      extra={
        <Button
          type="link"
          danger={overdue.length > 0}
          onClick={() => setGroup('all')}
          disabled={!overdue.length}
          data-testid="overdue-all"
        >
          逾期任务 {overdue.length} 项
        </Button>
      }
      data-testid="task-lights"
    >
      {lights.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有任务记录" />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="group"
          dataSource={lights}
          columns={[
            { title: '工作组', dataIndex: 'groupName' },
            { title: '正常', width: 70, render: (_, r) => light('green', r.green) },
            { title: '临期', width: 70, render: (_, r) => light('gold', r.yellow) },
            { title: '逾期', width: 70, render: (_, r) => light('red', r.red, () => setGroup(r.group)) },
          ]}
        />
      )}
      <Modal open={group !== null} title="逾期任务" footer={null} width={720} onCancel={() => setGroup(null)}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={shown}
          locale={{ emptyText: '没有逾期任务' }}
          columns={[
            { title: '任务内容', dataIndex: 'content', ellipsis: true },
            { title: '截止日期', dataIndex: 'deadline', width: 110 },
            { title: '责任单位', dataIndex: 'unit', width: 160, render: (u: string) => unitName(u) },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          在
          <Typography.Link href="#/ledger/tasks" onClick={() => setGroup(null)}>
            “任务”台账
          </Typography.Link>
          中可更新进度或销号。
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
