// The import preview: one line per spreadsheet row with what will happen to it and every problem by column.
import { Table, Tag, Typography } from 'antd';
import type { LedgerDef } from '../../../../src-main/shared/ledgers/types';
import type { ImportRowPreview } from '../../../../src-main/shared/contract';
import { recordTitle } from '../../lib/ledgerView';

const ACTIONS: Record<string, { label: string; color: string }> = {
  create: { label: '新增', color: 'green' },
  update: { label: '更新', color: 'blue' },
  skip: { label: '跳过（重复）', color: 'default' },
  error: { label: '有错误', color: 'red' },
  invalid: { label: '有错误', color: 'red' },
};

export function ImportPreviewTable({ rows, def }: { rows: ImportRowPreview[]; def?: LedgerDef }) {
  return (
    <Table<ImportRowPreview>
      size="small"
      rowKey="rowNumber"
      // Rows with problems first: they are what the user has to fix in the file.
      dataSource={[...rows].sort((a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0))}
      pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ y: 480 }}
      data-testid="import-preview"
      rowClassName={(r) => (r.errors.length ? 'import-row-error' : '')}
      columns={[
        { title: '行号', dataIndex: 'rowNumber', width: 70 },
        {
          title: '记录',
          width: 280,
          ellipsis: true,
          render: (_, r) => (def && r.record ? recordTitle(def, r.record) : ''),
        },
        {
          title: '处理',
          width: 120,
          render: (_, r) => {
            const a = r.errors.length
              ? ACTIONS.error
              : (ACTIONS[r.action] ?? { label: r.action, color: 'default' });
            return <Tag color={a.color}>{a.label}</Tag>;
          },
        },
        {
          title: '问题（按列）',
          render: (_, r) =>
            r.errors.length ? (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {r.errors.map((e, i) => (
                  <li key={i}>
                    <Typography.Text type="danger">
                      {e.column ? `${e.column}列` : ''}
                      {e.header ? `“${e.header}”` : ''}：{e.message}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            ) : r.duplicate ? (
              <Typography.Text type="secondary">{r.duplicate.message}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">无</Typography.Text>
            ),
        },
      ]}
    />
  );
}
