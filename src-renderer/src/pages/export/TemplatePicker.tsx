// Chooses a user template (Word report or Excel statistics) or the built-in one; marks the default.
import { Select } from 'antd';
import { useChannel } from '../../hooks/useChannel';

interface Props {
  kind: 'word' | 'excel';
  value?: string;
  onChange: (id: string | undefined) => void;
}

export function TemplatePicker({ kind, value, onChange }: Props) {
  const q = useChannel(kind === 'word' ? 'word:templates:list' : 'excel:templates:list', {});
  const templates = q.data?.templates ?? [];
  return (
    <Select
      allowClear
      style={{ width: 260 }}
      loading={q.loading}
      value={value}
      onChange={(v?: string) => onChange(v)}
      placeholder={templates.some((t) => t.isDefault) ? '使用默认模板' : '使用内置格式'}
      options={templates.map((t) => ({ value: t.id, label: `${t.name}${t.isDefault ? '（默认）' : ''}` }))}
      notFoundContent={q.error ? '模板列表不可用' : '还没有上传模板'}
      data-testid={`${kind}-template-picker`}
    />
  );
}
