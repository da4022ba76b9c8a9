// One form field generated from a FieldDef: the right control for its type, its label, help and messages. Dates
// take the spellings clerks type, numbers keep what was typed: whatever is wrong is shown by the shared check.
import { Form, Input, Switch } from 'antd';
import type { FieldDef } from '../../../../src-main/shared/ledgers/types';
import type { Settings } from '../../../../src-main/shared/settings';
import { DateInput } from '../../components/DateInput';
import { NumberInput } from '../../components/NumberInput';
import { KeepSelect } from './inputs/KeepSelect';
import type { KeepOption } from './inputs/KeepSelect';
import { TextListInput } from './inputs/TextListInput';

export interface FieldInputProps {
  field: FieldDef;
  settings: Settings;
  /** Options for link / links fields: records of the target ledger. */
  linkOptions?: KeepOption[];
}

function control(f: FieldDef, settings: Settings, linkOptions: KeepOption[] = []) {
  const choices = (settings.choiceLists[f.choiceList ?? ''] ?? []).map((c) => ({ value: c, label: c }));
  const units = settings.units.filter((u) => u.active !== false).map((u) => ({ value: u.id, label: u.name }));
  switch (f.type) {
    case 'text':
      return <Input allowClear maxLength={f.maxLength} placeholder={`请输入${f.label}`} />;
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={f.maxLength} />;
    case 'date':
      return <DateInput />;
    case 'month':
      return <DateInput picker="month" />;
    case 'int':
    case 'decimal':
      return <NumberInput placeholder={f.type === 'int' ? '整数' : '数字'} />;
    case 'bool':
      return <Switch checkedChildren="是" unCheckedChildren="否" />;
    case 'choice':
      return <KeepSelect options={choices} />;
    case 'multiChoice':
      return <KeepSelect options={choices} multiple />;
    case 'textList':
      return <TextListInput />;
    case 'unit':
      return <KeepSelect options={units} />;
    case 'units':
      return <KeepSelect options={units} multiple />;
    case 'group':
      return <KeepSelect options={settings.groups.map((g) => ({ value: g.key, label: g.name }))} />;
    case 'link':
      return <KeepSelect options={linkOptions} />;
    case 'links':
      return <KeepSelect options={linkOptions} multiple />;
  }
}

/** Whether a field fits half a row (short controls) or needs the full width. */
export function isWide(f: FieldDef): boolean {
  return (
    ['textarea', 'textList', 'units', 'links', 'multiChoice'].includes(f.type) ||
    (f.type === 'text' && (f.maxLength ?? 200) > 60)
  );
}

export function FieldInput({ field: f, settings, linkOptions }: FieldInputProps) {
  return (
    <Form.Item
      name={f.key}
      label={f.label}
      required={f.required}
      extra={f.help}
      valuePropName={f.type === 'bool' ? 'checked' : 'value'}
    >
      {control(f, settings, linkOptions)}
    </Form.Item>
  );
}
