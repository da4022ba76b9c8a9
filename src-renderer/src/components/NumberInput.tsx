// A number field that shows exactly what was typed and hands the form a number when it reads as one (full-width
// digits, 1,200, "12 人") and the text itself otherwise — so a negative, fractional, too large or non-numeric entry
// is flagged by the form's check at the field, never clamped, rounded or silently dropped as InputNumber does on
// blur.
import { Input } from 'antd';
import { useEffect, useRef, useState } from 'react';

interface Props {
  value?: number | string | null;
  onChange?: (v: number | string | undefined) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
}

/** "１２", "1,200", "-3", "12 人", "2.5" → the number; '' → undefined; anything else → the text as typed. */
export function readNumber(text: string): number | string | undefined {
  const t = text
    .normalize('NFKC')
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .trim()
    .replace(/(\d)[,，](?=\d{3}(\D|$))/g, '$1');
  if (!t) return undefined;
  const m = /^([-+]?\d+(?:\.\d+)?)\s*[\u4e00-\u9fa5]{0,2}$/.exec(t);
  return m && !/[万千亿]/.test(t) ? Number(m[1]) : text.trim();
}

const show = (v: Props['value']) => (v === undefined || v === null ? '' : String(v));

export function NumberInput({ value, onChange, id, placeholder, disabled }: Props) {
  const [text, setText] = useState(show(value));
  const sent = useRef<Props['value']>(value);
  // A value set from outside (the form loaded or reset) replaces the text; our own echo does not.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(show(value));
    }
  }, [value]);
  return (
    <Input
      id={id}
      inputMode="decimal"
      value={text}
      disabled={disabled}
      placeholder={placeholder}
      allowClear
      onChange={(e) => {
        setText(e.target.value);
        const v = readNumber(e.target.value);
        sent.current = v;
        onChange?.(v);
      }}
    />
  );
}
