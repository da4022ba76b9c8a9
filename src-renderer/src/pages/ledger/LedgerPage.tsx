// A generic ledger screen, driven only by the LedgerDef: search, filters, virtual table, form drawer, delete/undo.
import { LockOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { FieldDef, LedgerDef, LedgerRecord } from '../../../../src-main/shared/ledgers/types';
import { call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { useAppData } from '../../hooks/useAppData';
import { useChannel } from '../../hooks/useChannel';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useHotkeys } from '../../hooks/useHotkeys';
import { useLinkTargets } from '../../hooks/useLinkTargets';
import { useLocalStorageState } from '../../hooks/useLocalStorageState';
import { EMPTY_FILTERS, filterRows, hasFilters } from '../../lib/ledgerFilter';
import type { LedgerFilters } from '../../lib/ledgerFilter';
import { columnSpecs, makeLookups, recordTitle, searchText } from '../../lib/ledgerView';
import { canCreateIn, canWriteAnything, canWriteRecord } from '../../lib/permissions';
import { CluesNeedAdmin } from './CluesNeedAdmin';
import { ColumnChooser, defaultVisible } from './ColumnChooser';
import { LedgerExportButton } from './LedgerExportButton';
import { LedgerTable } from './LedgerTable';
import { LedgerToolbar } from './LedgerToolbar';
import { RecordDrawer } from './RecordDrawer';

/** Search waits this long after the last key, so fast typing filters once (well inside the 100 ms budget). */
const SEARCH_DEBOUNCE_MS = 25;

export function LedgerPage({ def }: { def: LedgerDef }) {
  const { settings, viewer } = useAppData();
  // A confidential ledger that opened without accounts is the demo's (read-only until the administrator exists).
  const demoReadOnly = !!def.confidential && !viewer.accountsEnabled;
  const canCreate = !demoReadOnly && canCreateIn(viewer, def, settings.groups);
  const canChange = useCallback(
    (r: LedgerRecord) => !demoReadOnly && canWriteRecord(viewer, def, r.group),
    [viewer, def, demoReadOnly],
  );
  const { message } = App.useApp();
  const list = useChannel('ledgers:list', { ledger: def.key });
  const { setData } = list;
  const links = useLinkTargets(def);
  const lookups = useMemo(() => makeLookups(settings, links), [settings, links]);
  // Newest first, sorted once per load (the table sorts again only when a column header is clicked).
  const records = useMemo(
    () => [...(list.data?.records ?? [])].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    [list.data],
  );
  const texts = useMemo(() => records.map((r) => searchText(def, r, lookups)), [records, def, lookups]);

  const [filters, setFilters] = useState<LedgerFilters>(EMPTY_FILTERS);
  const q = useDebouncedValue(filters.q, SEARCH_DEBOUNCE_MS);
  const rows = useMemo(
    () => filterRows(records, texts, { ...filters, q }, def.statusField),
    [records, texts, filters, q, def.statusField],
  );

  const allColumns = useMemo(() => columnSpecs(def), [def]);
  const [chosen, setChosen] = useLocalStorageState(
    `campaign-desk.columns.${def.key}`,
    defaultVisible(allColumns),
  );
  const columns = useMemo(() => {
    const keep = allColumns.filter((c) => chosen.includes(c.key));
    return keep.length ? keep : allColumns.filter((c) => !c.defaultHidden);
  }, [allColumns, chosen]);

  const statusField = def.fields.find((f) => f.key === def.statusField);
  const statusOptions = useMemo(() => {
    const listed = settings.choiceLists[statusField?.choiceList ?? ''] ?? [];
    const seen = new Set<string>(listed);
    for (const r of records) {
      const v = statusField ? r[statusField.key] : undefined;
      for (const s of Array.isArray(v) ? v : v == null || v === '' ? [] : [v]) seen.add(String(s));
    }
    return [...seen];
  }, [settings, statusField, records]);

  const [editing, setEditing] = useState<LedgerRecord | 'new' | null>(null);
  const searchRef = useRef<InputRef>(null);
  useHotkeys(
    {
      'mod+n': () => canCreate && setEditing('new'),
      '/': () => searchRef.current?.focus(),
    },
    editing === null,
  );

  const linkOptions = useCallback(
    (f: FieldDef) =>
      [...(links.get(f.linkTo ?? '') ?? new Map<string, string>())].map(([value, label]) => ({
        value,
        label,
      })),
    [links],
  );

  const upsert = (r: LedgerRecord) =>
    setData((old) => {
      const recs = old?.records ?? [];
      const i = recs.findIndex((x) => x.id === r.id);
      return { records: i < 0 ? [r, ...recs] : recs.map((x) => (x.id === r.id ? r : x)) };
    });

  const remove = useCallback(
    async (r: LedgerRecord) => {
      const res = await call('ledgers:remove', { ledger: def.key, id: r.id });
      if (!res.ok) {
        void message.error(res.error.message);
        return;
      }
      setEditing(null);
      setData((old) => ({ records: (old?.records ?? []).filter((x) => x.id !== r.id) }));
      const key = `removed-${r.id}`;
      const undo = async () => {
        message.destroy(key);
        const back = await call('ledgers:restore', { ledger: def.key, id: r.id });
        if (back.ok) {
          setData((old) => ({ records: [back.data, ...(old?.records ?? [])] }));
          void message.success('已撤销删除');
        } else void message.error(back.error.message);
      };
      void message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <span data-testid="undo-message">
            已将“{recordTitle(def, r)}”移到回收站。
            <Typography.Link onClick={() => void undo()}>撤销</Typography.Link>
          </span>
        ),
      });
    },
    [def, setData, message],
  );

  const onDeleteRow = useCallback((r: LedgerRecord) => void remove(r), [remove]);
  const onNew = useCallback(() => setEditing('new'), []);
  const onClearFilters = useCallback(() => setFilters(EMPTY_FILTERS), []);

  if (list.error?.code === 'needs_admin') return <CluesNeedAdmin mode="locked" onReady={list.refresh} />;
  if (list.error?.code === 'forbidden') {
    return <ErrorState status="403" title={`无权查看${def.label}台账`} error={list.error} />;
  }
  if (list.error && !list.data)
    return <ErrorState title={`${def.label}台账加载失败`} error={list.error} onRetry={list.refresh} />;

  // Counted with the debounced query, so the count and the rows change in the same commit.
  const filtered = hasFilters({ ...filters, q });
  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 12 }}
      data-testid={`ledger-page-${def.key}`}
    >
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {def.label}台账
          </Typography.Title>
          {def.confidential && (
            <Tag icon={<LockOutlined />} color="red">
              涉密
            </Tag>
          )}
          <Typography.Text type="secondary" data-testid="row-count">
            {filtered ? `筛选出 ${rows.length} 条 / 共 ${records.length} 条` : `共 ${records.length} 条`}
          </Typography.Text>
        </Space>
        <Space>
          <Tooltip title="重新载入">
            <Button icon={<ReloadOutlined />} onClick={list.refresh} loading={list.loading && !!list.data} />
          </Tooltip>
          <ColumnChooser all={allColumns} visible={columns.map((c) => c.key)} onChange={setChosen} />
          <LedgerExportButton def={def} filteredIds={filtered ? rows.map((r) => r.id) : undefined} />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增（Ctrl+N）
            </Button>
          )}
        </Space>
      </div>
      {demoReadOnly && <CluesNeedAdmin mode="demo" onReady={list.refresh} />}
      <LedgerToolbar
        def={def}
        settings={settings}
        filters={filters}
        onChange={setFilters}
        statusOptions={statusOptions}
        searchRef={searchRef}
      />
      <LedgerTable
        def={def}
        rows={rows}
        columns={columns}
        lookups={lookups}
        loading={list.loading}
        filtered={filtered}
        onOpen={setEditing}
        onDelete={onDeleteRow}
        canChange={canChange}
        showActions={!demoReadOnly && canWriteAnything(viewer)}
        canCreate={canCreate}
        onNew={onNew}
        onClearFilters={onClearFilters}
      />
      {editing && (
        <RecordDrawer
          key={editing === 'new' ? 'new' : `${editing.id}:${editing.rev}`}
          def={def}
          record={editing === 'new' ? null : editing}
          readOnly={editing !== 'new' && !canChange(editing)}
          linkOptions={linkOptions}
          onClose={() => setEditing(null)}
          onSaved={(r) => {
            upsert(r);
            setEditing(null);
          }}
          onReloaded={(r) => {
            upsert(r);
            setEditing(r);
          }}
          onDelete={(r) => void remove(r)}
        />
      )}
    </div>
  );
}
