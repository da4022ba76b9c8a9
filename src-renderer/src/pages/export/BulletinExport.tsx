// 简报: choose a record of the bulletins ledger and save it as a Word bulletin with the red masthead.
import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Space, Table } from 'antd';
import { useState } from 'react';
import { LEDGERS } from '../../../../src-main/shared/ledgers';
import type { LedgerRecord } from '../../../../src-main/shared/ledgers/types';
import { call } from '../../api/client';
import { ProblemList } from '../../components/ProblemList';
import { useChannel } from '../../hooks/useChannel';
import { useFileTask } from '../../hooks/useFileTask';
import { recordTitle } from '../../lib/ledgerView';

export function BulletinExport() {
  const def = LEDGERS.bulletins;
  const list = useChannel('ledgers:list', def ? { ledger: 'bulletins' } : null);
  const [selected, setSelected] = useState<string | undefined>();
  const [blankMasthead, setBlank] = useState(false);
  const [withKeyNumbers, setKeyNumbers] = useState(false);
  const task = useFileTask();

  if (!def)
    return (
      <Alert
        type="info"
        showIcon
        title="简报台账尚未启用"
        description="简报台账加入后，可在这里把简报记录导出为带红头的 Word 简报。"
      />
    );
  const records = [...(list.data?.records ?? [])].sort((a, b) => (a.date < b.date ? 1 : -1));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="bulletin-export">
      <Card size="small">
        <Space wrap size={16}>
          <Checkbox checked={blankMasthead} onChange={(e) => setBlank(e.target.checked)}>
            空白报头（套印红头纸）
          </Checkbox>
          <Checkbox checked={withKeyNumbers} onChange={(e) => setKeyNumbers(e.target.checked)}>
            附本期主要数据
          </Checkbox>
          <Button
            type="primary"
            icon={<FileWordOutlined />}
            disabled={!selected}
            loading={task.busy}
            onClick={() =>
              selected &&
              void task.run('简报', () =>
                call('word:bulletin', { id: selected, blankMasthead, withKeyNumbers }),
              )
            }
          >
            导出 Word 简报
          </Button>
        </Space>
      </Card>
      {task.error && <ProblemList error={task.error} onClose={task.clearError} />}
      {list.error && <ProblemList error={list.error} />}
      <Table<LedgerRecord>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={records}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: selected ? [selected] : [],
          onChange: (keys) => setSelected(String(keys[0])),
        }}
        onRow={(r) => ({ onClick: () => setSelected(r.id) })}
        locale={{ emptyText: '还没有简报记录，请先在“简报”台账中录入' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '标题', render: (_, r) => recordTitle(def, r) },
        ]}
      />
    </Space>
  );
}
