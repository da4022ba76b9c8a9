// Exports a ledger to Excel (all rows, or the rows the current filter shows) with its import-template headers.
import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useEffect } from 'react';
import type { LedgerDef } from '../../../../src-main/shared/ledgers/types';
import { call } from '../../api/client';
import { useFileTask } from '../../hooks/useFileTask';

interface Props {
  def: LedgerDef;
  /** Ids shown by the current filter; undefined when no filter is set. */
  filteredIds?: string[];
}

export function LedgerExportButton({ def, filteredIds }: Props) {
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

  const run = (ids: string[] | undefined, includeConfidential: boolean) =>
    task.run(`${def.label}台账`, () => call('excel:export', { ledger: def.key, ids, includeConfidential }));

  const items = [
    { key: 'all', label: '导出全部记录' },
    {
      key: 'filtered',
      label: `导出当前筛选结果${filteredIds ? `（${filteredIds.length} 条）` : ''}`,
      disabled: !filteredIds,
    },
    ...(hasProtected ? [{ key: 'withProtected', label: '导出全部（含受保护字段，将记录日志）' }] : []),
  ];
  return (
    <Dropdown
      menu={{
        items,
        onClick: ({ key }) => void run(key === 'filtered' ? filteredIds : undefined, key === 'withProtected'),
      }}
    >
      <Button icon={<FileExcelOutlined />} loading={task.busy}>
        导出 Excel <DownOutlined />
      </Button>
    </Dropdown>
  );
}
