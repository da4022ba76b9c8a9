// Chooses which of a ledger's columns the table shows; the choice is kept per ledger in localStorage.
import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Popover, Space } from 'antd';
import type { ColumnSpec } from '../../lib/ledgerView';

interface Props {
  all: ColumnSpec[];
  visible: string[];
  onChange: (keys: string[]) => void;
}

export function defaultVisible(all: ColumnSpec[]): string[] {
  return all.filter((c) => !c.defaultHidden).map((c) => c.key);
}

export function ColumnChooser({ all, visible, onChange }: Props) {
  const content = (
    <div style={{ maxHeight: 360, overflow: 'auto', minWidth: 180 }} data-testid="column-chooser">
      <Checkbox.Group
        value={visible}
        onChange={(v) => onChange(all.filter((c) => v.includes(c.key)).map((c) => c.key))}
      >
        <Space orientation="vertical" size={4}>
          {all.map((c) => (
            <Checkbox key={c.key} value={c.key}>
              {c.label}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      <Divider style={{ margin: '8px 0' }} />
      <Space>
        <Button size="small" onClick={() => onChange(all.map((c) => c.key))}>
          全部
        </Button>
        <Button size="small" onClick={() => onChange(defaultVisible(all))}>
          恢复默认
        </Button>
      </Space>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" title="显示的列">
      <Button icon={<SettingOutlined />}>列</Button>
    </Popover>
  );
}
