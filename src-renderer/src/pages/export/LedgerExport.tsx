// 台账导出: any ledger to Excel with the same headers as its import template (filtered rows: from the ledger screen).
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ledgerList } from '../../../../src-main/shared/ledgers';
import type { LedgerKey } from '../../../../src-main/shared/ledgers/types';
import { call } from '../../api/client';
import { ProblemList } from '../../components/ProblemList';
import { useAppData } from '../../hooks/useAppData';
import { useFileTask } from '../../hooks/useFileTask';
import { canSeeLedger } from '../../lib/permissions';

export function LedgerExport() {
  const { viewer } = useAppData();
  const ledgers = ledgerList().filter((d) => canSeeLedger(viewer, d));
  const [ledger, setLedger] = useState<LedgerKey>(ledgers[0]?.key ?? 'meetings');
  const [withProtected, setWithProtected] = useState(false);
  const task = useFileTask();
  const def = ledgers.find((d) => d.key === ledger);
  const hasProtected = !!def?.fields.some((f) => f.confidential);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="ledger-export">
      <Card size="small">
        <Space wrap size={12}>
          <span>台账：</span>
          <Select
            style={{ width: 180 }}
            value={ledger}
            onChange={(k: LedgerKey) => {
              setLedger(k);
              setWithProtected(false);
            }}
            options={ledgers.map((d) => ({ value: d.key, label: d.label }))}
          />
          {hasProtected && (
            <Checkbox checked={withProtected} onChange={(e) => setWithProtected(e.target.checked)}>
              包含受保护字段（如反映人，导出将记入操作日志）
            </Checkbox>
          )}
          <Button
            type="primary"
            icon={<FileExcelOutlined />}
            loading={task.busy}
            onClick={() =>
              void task.run(`${def?.label ?? ''}台账`, () =>
                call('excel:export', { ledger, includeConfidential: withProtected || undefined }),
              )
            }
          >
            导出全部记录
          </Button>
        </Space>
      </Card>
      {task.error && <ProblemList error={task.error} onClose={task.clearError} />}
      <Typography.Text type="secondary">
        导出的表头与该台账的导入模板一致，修改后可直接再导入。只导出筛选出的记录：在台账页面设好筛选，点“导出
        Excel → 导出当前筛选结果”。
      </Typography.Text>
    </Space>
  );
}
