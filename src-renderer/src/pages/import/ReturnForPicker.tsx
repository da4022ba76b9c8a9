// 作为报送导入: marks the file being imported as one unit's return for a 报送任务 (only tasks that ask for this
// ledger are offered). The import then checks every row is that unit's and records the return for 报送情况.
import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ReturnFor } from '../../../../src-main/shared/contract/returns';
import type { LedgerKey } from '../../../../src-main/shared/ledgers/types';
import { useAppData } from '../../hooks/useAppData';
import { useChannel } from '../../hooks/useChannel';

interface Props {
  ledger: LedgerKey;
  value: ReturnFor | null;
  onChange: (v: ReturnFor | null) => void;
}

export function ReturnForPicker({ ledger, value, onChange }: Props) {
  const { settings } = useAppData();
  const list = useChannel('returns:tasks', {});
  const tasks = (list.data?.tasks ?? []).filter((t) => t.ledgers.includes(ledger));
  // The task chosen before its unit is (the import is a return only once both are).
  const [taskId, setTaskId] = useState<string | undefined>(value?.taskId);
  const task = tasks.find((t) => t.id === (value?.taskId ?? taskId));
  const name = (id: string) => settings.units.find((u) => u.id === id)?.name ?? id;
  if (!tasks.length) return null;
  return (
    <Space wrap size={8} data-testid="import-return-for">
      <span>作为单位报送：</span>
      <Select
        allowClear
        placeholder="不作为报送（普通导入）"
        style={{ width: 240 }}
        value={task?.id}
        options={tasks.map((t) => ({ value: t.id, label: `${t.name}（${t.due} 截止）` }))}
        onChange={(id?: string) => {
          setTaskId(id);
          const t = tasks.find((x) => x.id === id);
          // The unit stays when the new task expects it too; otherwise it must be chosen again.
          const unit = t && value && t.units.includes(value.unit) ? value.unit : undefined;
          onChange(t && unit ? { taskId: t.id, unit } : null);
        }}
        data-testid="import-return-task"
      />
      {task && (
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="选择报送单位"
          style={{ width: 220 }}
          value={value?.unit}
          options={task.units.map((u) => ({ value: u, label: name(u) }))}
          onChange={(unit: string) => onChange({ taskId: task.id, unit })}
          data-testid="import-return-unit"
        />
      )}
      {task && !value && (
        <Typography.Text type="secondary">选择单位后，每一行都须是该单位的记录</Typography.Text>
      )}
    </Space>
  );
}
