// A free list of items edited as lines of text (agenda items, contents studied): paste-friendly, one item a line.
import { Input } from 'antd';
import { useState } from 'react';

interface Props {
  value?: string[] | null;
  onChange?: (v: string[]) => void;
  id?: string;
  placeholder?: string;
}

function split(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function TextListInput({ value, onChange, id, placeholder }: Props) {
  const items = Array.isArray(value) ? value : [];
  const [text, setText] = useState(() => items.join('\n'));
  // The typed text (with its blank trailing line) stays while it says the same as the value; a reset wins.
  const shown = split(text).join('\n') === items.join('\n') ? text : items.join('\n');
  return (
    <Input.TextArea
      id={id}
      value={shown}
      placeholder={placeholder ?? '每行一项'}
      autoSize={{ minRows: 2, maxRows: 8 }}
      onChange={(e) => {
        setText(e.target.value);
        onChange?.(split(e.target.value));
      }}
    />
  );
}
