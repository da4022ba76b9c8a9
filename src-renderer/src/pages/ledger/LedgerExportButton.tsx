// Exports a ledger to Excel (all rows, or every row the current search and filters match, on every page) with its
// import-template headers.
import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useEffect } from 'react';
import type { LedgerQueryArgs } from '../../../../src-main/shared/contract/core';
import type { LedgerDef } from '../../../../src-main/shared/ledgers/types';
import { call } from '../../api/client';
import { useFileTask } from '../../hooks/useFileTask';

interface Props {
  def: LedgerDef;
  /** The query the table shows and how many rows it matches; undefined when no search or filter is set. */
  filtered?: { count: number; query: LedgerQueryArgs };
}

export function LedgerExportButton({ def, filtered }: Props) {
  const { message } = App.useApp();
  const task = useFileTask();
  const hasProtected = def.fields.some((f) => f.confidential);
  const { error, clearError } = task;
  useEffect(() => {
    if (!error) return;
    // A save that failed (WPS holds the file, the disk is full) says why and what to do: long enough to read.
    void message.error({ content: error.message, duration: 10 });
    clearError();
  }, [error, clearError, message]);

  const run = (query: LedgerQueryArgs | undefined, includeConfidential: boolean) =>
    task.run(`${def.label}台账`, async () => {
      if (!query) return call('excel:export', { ledger: def.key, includeConfidential });
      // Every match, not only the page shown: main answers their ids in the table's order.
      const matched = await call('ledgers:query', { ...query, offset: 0, limit: 0, withIds: true });
      if (!matched.ok) return { ok: false, error: matched.error };
      return call('excel:export', { ledger: def.key, ids: matched.data.ids ?? [], includeConfidential });
    });

  const items = [
    { key: 'all', label: '导出全部记录' },
    {
      key: 'filtered',
      label: `导出当前筛选结果${filtered ? `（${filtered.count} 条）` : ''}`,
      disabled: !filtered,
    },
    ...(hasProtected ? [{ key: 'withProtected', label: '导出全部（含受保护字段，将记录日志）' }] : []),
  ];
  return (
    <Dropdown
      menu={{
        items,
        onClick: ({ key }) =>
          void run(key === 'filtered' ? filtered?.query : undefined, key === 'withProtected'),
      }}
    >
      <Button icon={<FileExcelOutlined />} loading={task.busy}>
        导出 Excel <DownOutlined />
      </Button>
    </Dropdown>
  );
}
