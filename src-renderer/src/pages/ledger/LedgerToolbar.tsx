// Quick search and filters above a ledger table: group, unit, phase → date range, date range, status. Typing in
// the search box re-renders the box alone: the selects are memoized and keep their props while the text changes.
import { SearchOutlined } from '@ant-design/icons';
import { DatePicker, Input, Select, Space } from 'antd';
import type { InputRef } from 'antd';
import dayjs from 'dayjs';
import { memo, useState } from 'react';
import type { Ref } from 'react';
import type { LedgerDef } from '../../../../src-main/shared/ledgers/types';
import type { Settings } from '../../../../src-main/shared/settings';
import type { LedgerFilters } from '../../lib/ledgerFilter';

interface Props extends FilterProps {
  /** The quick search's text as typed (the query follows it after a short pause). */
  text: string;
  onText: (text: string) => void;
  searchRef: Ref<InputRef>;
}

interface FilterProps {
  def: LedgerDef;
  settings: Settings;
  filters: LedgerFilters;
  /** Merges the changed filters into the current ones. */
  onChange: (patch: Partial<LedgerFilters>) => void;
  statusOptions: string[];
}

export function LedgerToolbar({ text, onText, searchRef, ...filters }: Props) {
  return (
    <Space wrap size={8} data-testid="ledger-filters">
      <QuickSearch text={text} onText={onText} searchRef={searchRef} />
      <FilterSelects {...filters} />
    </Space>
  );
}

/**
 * The search box keeps what is typed itself and passes it on only outside an IME composition: the pinyin of a word
 * being composed (xuexi) is not a search, and asking main for it would flash 没有符合筛选条件的记录 on every letter.
 */
function QuickSearch({ text, onText, searchRef }: Pick<Props, 'text' | 'onText' | 'searchRef'>) {
  const [value, setValue] = useState(text);
  const [composing, setComposing] = useState(false);
  // The page changed the text itself (清除筛选): the box follows.
  const [seen, setSeen] = useState(text);
  if (seen !== text) {
    setSeen(text);
    if (!composing) setValue(text);
  }
  const send = (v: string) => {
    setSeen(v);
    onText(v);
  };
  return (
    <Input
      ref={searchRef}
      allowClear
      prefix={<SearchOutlined />}
      placeholder="搜索（按 / 键）"
      style={{ width: 220 }}
      value={value}
      onChange={(e) => {
        setValue(e.target.value);
        if (!composing) send(e.target.value);
      }}
      onCompositionStart={() => setComposing(true)}
      onCompositionEnd={(e) => {
        setComposing(false);
        send(e.currentTarget.value);
      }}
      aria-label="快速搜索"
      data-testid="quick-search"
    />
  );
}

const FilterSelects = memo(function FilterSelects({
  def,
  settings,
  filters: f,
  onChange: set,
  statusOptions,
}: FilterProps) {
  const statusLabel = def.fields.find((x) => x.key === def.statusField)?.label ?? '状态';
  return (
    <>
      <Select
        allowClear
        placeholder="工作组"
        style={{ width: 150 }}
        value={f.group}
        onChange={(v?: string) => set({ group: v })}
        options={settings.groups.map((g) => ({ value: g.key, label: g.name }))}
        data-testid="filter-group"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="单位"
        style={{ width: 180 }}
        value={f.unit}
        onChange={(v?: string) => set({ unit: v })}
        options={settings.units.map((u) => ({ value: u.id, label: u.name }))}
        data-testid="filter-unit"
      />
      <Select
        allowClear
        placeholder="环节"
        style={{ width: 120 }}
        value={f.phase}
        onChange={(v?: string) => {
          const p = settings.phases.find((x) => x.name === v);
          set({ phase: v, from: p?.start, to: p?.end });
        }}
        options={settings.phases.map((p) => ({ value: p.name, label: p.name }))}
        data-testid="filter-phase"
      />
      <DatePicker.RangePicker
        style={{ width: 240 }}
        placeholder={[`${def.dateLabel}起`, '止']}
        value={f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null}
        onChange={(v) =>
          set({ phase: undefined, from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })
        }
        data-testid="filter-dates"
      />
      {def.statusField && (
        <Select
          allowClear
          placeholder={statusLabel}
          style={{ width: 160 }}
          value={f.status}
          onChange={(v?: string) => set({ status: v })}
          options={statusOptions.map((s) => ({ value: s, label: s }))}
          data-testid="filter-status"
        />
      )}
    </>
  );
});
