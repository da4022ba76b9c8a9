// A date (or month) field whose value is the plain 'YYYY-MM-DD' / 'YYYY-MM' string the contract uses, that takes
// the spellings clerks type — 2026.11.25, 2026/11/25, 20261125, 2026年11月25日 (the shared parser) — as well as
// the calendar. Text that is no date is kept as typed and handed to the form, whose check says so at the field:
// never silently replaced by the previous date or dropped.
import { CalendarOutlined } from '@ant-design/icons';
import { DatePicker, Input } from 'antd';
import dayjs from 'dayjs';
import { useRef } from 'react';
import type { FocusEvent, KeyboardEvent } from 'react';
import { parseDateInput, parseMonthInput } from '../../../src-main/shared/dates';

interface Props {
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  id?: string;
  placeholder?: string;
  picker?: 'date' | 'month';
  disabled?: boolean;
}

const FORMAT = { date: 'YYYY-MM-DD', month: 'YYYY-MM' } as const;
const WELL_FORMED = { date: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/ } as const;

export function DateInput({ value, onChange, id, placeholder, picker = 'date', disabled }: Props) {
  const fmt = FORMAT[picker];
  const holder = useRef<HTMLDivElement>(null);
  const parse = picker === 'month' ? parseMonthInput : parseDateInput;
  const hint = placeholder ?? (picker === 'month' ? '如 2026-11' : '如 2026-11-25 或 2026.11.25');

  /** What the person typed, read when they leave the field or press Enter. */
  const commit = (text: string) => {
    const t = text.trim();
    if (!t) {
      if (value) onChange?.(undefined);
      return;
    }
    const iso = parse(t);
    if (iso) {
      if (iso !== value) onChange?.(iso);
    } else if (t !== value) onChange?.(t); // kept as typed: the form's check flags it
  };
  const typed = () => holder.current?.querySelector('input')?.value ?? '';

  // A value that is not a date (typed, or an old record's) is shown as it is, to be corrected in place.
  if (value && !WELL_FORMED[picker].test(value)) {
    return (
      <Input
        id={id}
        defaultValue={value}
        key={value}
        disabled={disabled}
        placeholder={hint}
        suffix={<CalendarOutlined style={{ color: 'rgba(0,0,0,.25)' }} />}
        onBlur={(e: FocusEvent<HTMLInputElement>) => commit(e.target.value)}
        onPressEnter={(e: KeyboardEvent<HTMLInputElement>) => commit(e.currentTarget.value)}
        data-date-input={picker}
      />
    );
  }
  const day = value ? dayjs(value, fmt, true) : null;
  return (
    <div ref={holder} data-date-input={picker}>
      <DatePicker
        id={id}
        picker={picker}
        style={{ width: '100%' }}
        format={fmt}
        disabled={disabled}
        placeholder={hint}
        value={day?.isValid() ? day : null}
        onChange={(d) => onChange?.(d ? d.format(fmt) : undefined)}
        onBlur={() => commit(typed())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(typed());
        }}
      />
    </div>
  );
}
