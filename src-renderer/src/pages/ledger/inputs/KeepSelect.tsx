// A Select that keeps showing a stored value no longer on its list (marked 已停用), so old records read right.
import { Select } from 'antd';

export interface KeepOption {
  value: string;
  label: string;
}

interface Props {
  value?: string | string[] | null;
  onChange?: (v: string | string[] | undefined) => void;
  options: KeepOption[];
  multiple?: boolean;
  placeholder?: string;
  id?: string;
  disabled?: boolean;
}

export function KeepSelect({ value, onChange, options, multiple, placeholder, id, disabled }: Props) {
  const known = new Set(options.map((o) => o.value));
  const current = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const missing = current
    .filter((v) => !known.has(v))
    .map((v) => ({ value: v, label: `${v}（已不在列表中）` }));
  return (
    <Select
      id={id}
      disabled={disabled}
      mode={multiple ? 'multiple' : undefined}
      value={value ?? undefined}
      onChange={(v: string | string[] | undefined) => onChange?.(v)}
      options={[...options, ...missing]}
      placeholder={placeholder ?? (multiple ? '可多选' : '请选择')}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%' }}
    />
  );
}
