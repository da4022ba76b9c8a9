// A generic ledger screen, driven only by the LedgerDef: search, filters, a page of the table from main, the form
// drawer, delete/undo. Searching, filtering, sorting and paging run in main ('ledgers:query'): a ledger of 50,000
// records sends one page, never the whole ledger.
import { LockOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { LedgerQueryArgs } from '../../../../src-main/shared/contract/core';
import type { FieldDef, LedgerDef, LedgerRecord } from '../../../../src-main/shared/ledgers/types';
import { call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { useAppData } from '../../hooks/useAppData';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useHotkeys } from '../../hooks/useHotkeys';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { useLinkTargets } from '../../hooks/useLinkTargets';
import { useLocalStorageState } from '../../hooks/useLocalStorageState';
import { EMPTY_FILTERS, queryFilter } from '../../lib/ledgerFilter';
import type { LedgerFilters } from '../../lib/ledgerFilter';
import { columnSpecs, makeLookups, recordTitle } from '../../lib/ledgerView';
import { canCreateIn, canWriteAnything, canWriteRecord } from '../../lib/permissions';
import { CluesNeedAdmin } from './CluesNeedAdmin';
import { ColumnChooser, defaultVisible } from './ColumnChooser';
import { LedgerExportButton } from './LedgerExportButton';
import { LedgerTable, PAGE_SIZES } from './LedgerTable';
import type { LedgerSort } from './LedgerTable';
import { LedgerToolbar } from './LedgerToolbar';
import { RecordDrawer } from './RecordDrawer';

/**
 * Search waits this long after the last key, so fast typing asks main once: the answer (a query of a few ms at
 * 50,000 records) and the new rows fit well inside the 100 ms budget from the key.
 */
const SEARCH_DEBOUNCE_MS = 25;
const DEFAULT_PAGE_SIZE = 50;

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
  const links = useLinkTargets(def);
  const lookups = useMemo(() => makeLookups(settings, links), [settings, links]);

  const [text, setText] = useState('');
  const [filters, setFilters] = useState<LedgerFilters>(EMPTY_FILTERS);
  const onFilters = useCallback(
    (patch: Partial<LedgerFilters>) => setFilters((f) => ({ ...f, ...patch })),
    [],
  );
  const q = useDebouncedValue(text, SEARCH_DEBOUNCE_MS).trim();
  const [sort, setSort] = useState<LedgerSort | null>(null);
  const [storedSize, setPageSize] = useLocalStorageState('campaign-desk.ledgerPageSize', DEFAULT_PAGE_SIZE);
  const pageSize = PAGE_SIZES.includes(storedSize) ? storedSize : DEFAULT_PAGE_SIZE;
  const filter = queryFilter(filters);
  // A new search, filter, sort or page size starts again at page 1.
  const startKey = JSON.stringify([q, filter ?? null, sort, pageSize]);
  const [pager, setPager] = useState({ startKey, page: 1 });
  // Adjusted while rendering (not in an effect), so the first query of a new search already asks for page 1.
  if (pager.startKey !== startKey) setPager({ startKey, page: 1 });
  const page = pager.startKey === startKey ? pager.page : 1;
  const args: LedgerQueryArgs = {
    ledger: def.key,
    offset: (page - 1) * pageSize,
    limit: pageSize,
    ...(q ? { q } : {}),
    ...(filter ? { filter } : {}),
    ...(sort ? { sort } : {}),
  };
  const query = useLedgerQuery(args);
  const { data, answered, refresh } = query;
  // The page main answered (it moves back when the matches end before the asked page, e.g. after a delete).
  const shownPage = data && answered && !query.loading ? Math.floor(data.offset / pageSize) + 1 : page;

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
  // Keyed by content: every answer brings a new array, and new options would re-render the toolbar's selects.
  const statuses = (data?.statuses ?? []).join('\u0001');
  const statusOptions = useMemo(() => {
    const listed = settings.choiceLists[statusField?.choiceList ?? ''] ?? [];
    return [...new Set<string>([...listed, ...(statuses ? statuses.split('\u0001') : [])])];
  }, [settings, statusField, statuses]);

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

  const remove = useCallback(
    async (r: LedgerRecord) => {
      const res = await call('ledgers:remove', { ledger: def.key, id: r.id });
      if (!res.ok) {
        void message.error(res.error.message);
        return;
      }
      setEditing(null);
      refresh();
      const key = `removed-${r.id}`;
      const undo = async () => {
        message.destroy(key);
        const back = await call('ledgers:restore', { ledger: def.key, id: r.id });
        if (back.ok) {
          refresh();
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
    [def, refresh, message],
  );

  const onDeleteRow = useCallback((r: LedgerRecord) => void remove(r), [remove]);
  const onNew = useCallback(() => setEditing('new'), []);
  const onClearFilters = useCallback(() => {
    setFilters(EMPTY_FILTERS);
    setText('');
  }, []);
  // Stable, so the table does not re-render when the query changes: a new page size starts at page 1 by itself.
  const onPage = useCallback(
    (next: number, size: number) => {
      setPageSize(size);
      setPager((p) => ({ ...p, page: next }));
    },
    [setPageSize],
  );

  if (query.error?.code === 'needs_admin') return <CluesNeedAdmin mode="locked" onReady={refresh} />;
  if (query.error?.code === 'forbidden' && !data) {
    return <ErrorState status="403" title={`无权查看${def.label}台账`} error={query.error} />;
  }
  if (query.error && !data)
    return <ErrorState title={`${def.label}台账加载失败`} error={query.error} onRetry={refresh} />;

  // Told from the query the rows answer, so the count and the rows change in the same commit.
  const filtered = !!answered && !!(answered.q || answered.filter);
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
          {data && (
            <Typography.Text type="secondary" data-testid="row-count">
              {filtered ? `筛选出 ${data.total} 条 / 共 ${data.count} 条` : `共 ${data.count} 条`}
            </Typography.Text>
          )}
        </Space>
        <Space>
          <Tooltip title="重新载入">
            <Button icon={<ReloadOutlined />} onClick={refresh} loading={query.loading && !!data} />
          </Tooltip>
          <ColumnChooser all={allColumns} visible={columns.map((c) => c.key)} onChange={setChosen} />
          <LedgerExportButton
            def={def}
            filtered={filtered && data && answered ? { count: data.total, query: answered } : undefined}
          />
          {canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增（Ctrl+N）
            </Button>
          )}
        </Space>
      </div>
      {demoReadOnly && <CluesNeedAdmin mode="demo" onReady={refresh} />}
      <LedgerToolbar
        text={text}
        onText={setText}
        def={def}
        settings={settings}
        filters={filters}
        onChange={onFilters}
        statusOptions={statusOptions}
        searchRef={searchRef}
      />
      {query.error && (
        <Alert
          type="error"
          showIcon
          title={`${def.label}台账加载失败：${query.error.message}`}
          action={
            <Button size="small" onClick={refresh}>
              重试
            </Button>
          }
          data-testid="ledger-query-error"
        />
      )}
      <LedgerTable
        def={def}
        rows={data?.records ?? []}
        total={data?.total ?? 0}
        page={shownPage}
        pageSize={pageSize}
        sort={sort}
        columns={columns}
        lookups={lookups}
        loading={query.loading}
        loaded={!!data}
        filtered={filtered}
        onPage={onPage}
        onSort={setSort}
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
          onSaved={() => {
            refresh();
            setEditing(null);
          }}
          onReloaded={(r) => {
            refresh();
            setEditing(r);
          }}
          onDelete={(r) => void remove(r)}
        />
      )}
    </div>
  );
}
