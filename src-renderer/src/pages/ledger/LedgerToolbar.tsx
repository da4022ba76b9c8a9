// Quick search and filters above a ledger table: group, unit, phase → date range, date range, status.
import { SearchOutlined } from '@ant-design/icons';
import { DatePicker, Input, Select, Space } from 'antd';
import type { InputRef } from 'antd';
import dayjs from 'dayjs';
import type { Ref } from 'react';
import type { LedgerDef } from '../../../../src-main/shared/ledgers/types';
import type { Settings } from '../../../../src-main/shared/settings';
import type { LedgerFilters } from '../../lib/ledgerFilter';

interface Props {
  def: LedgerDef;
  settings: Settings;
  filters: LedgerFilters;
  onChange: (f: LedgerFilters) => void;
  statusOptions: string[];
  searchRef: Ref<InputRef>;
}

export function LedgerToolbar({ def, settings, filters: f, onChange, statusOptions, searchRef }: Props) {
  const set = (patch: Partial<LedgerFilters>) => onChange({ ...f, ...patch });
  const statusLabel = def.fields.find((x) => x.key === def.statusField)?.label ?? '状态';
  return (
    <Space wrap size={8} data-testid="ledger-filters">
      <Input
        ref={searchRef}
        allowClear
        prefix={<SearchOutlined />}
        placeholder="搜索（按 / 键）"
        style={{ width: 220 }}
        value={f.q}
        onChange={(e) => set({ q: e.target.value })}
        aria-label="快速搜索"
        data-testid="quick-search"
      />
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
    </Space>
  );
}
