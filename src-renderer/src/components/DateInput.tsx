// A date picker whose value is the plain 'YYYY-MM-DD' string the contract uses (no Dayjs in form state).
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface Props {
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  id?: string;
  placeholder?: string;
}

export function DateInput({ value, onChange, id, placeholder }: Props) {
  return (
    <DatePicker
      id={id}
      style={{ width: '100%' }}
      placeholder={placeholder ?? '选择日期'}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
    />
  );
}
