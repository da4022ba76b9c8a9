// One page of the ledger's rows in an antd Table: columns from the LedgerDef; the page, the sort and the total come
// from main ('ledgers:query'), so clicking a header or a page number asks main. A row opens its record.
import { Button, Empty, Popconfirm, Spin, Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { memo, useMemo, useState } from 'react';
import type { LedgerDef, LedgerRecord } from '../../../../src-main/shared/ledgers/types';
import { useElementHeight } from '../../hooks/useElementHeight';
import { cellText } from '../../lib/ledgerView';
import type { ColumnSpec, Lookups } from '../../lib/ledgerView';

export interface LedgerSort {
  key: string;
  order: 'ascend' | 'descend';
}

interface Props {
  def: LedgerDef;
  /** The page's rows, in the order main sorted them. */
  rows: LedgerRecord[];
  /** How many rows match: the pager's total. */
  total: number;
  page: number;
  pageSize: number;
  sort: LedgerSort | null;
  columns: ColumnSpec[];
  lookups: Lookups;
  /** A query is on its way: the rows stay, a spinner shows over them if it takes a moment. */
  loading: boolean;
  /** An answer has come (before it, the table shows only the spinner). */
  loaded: boolean;
  filtered: boolean;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: LedgerSort | null) => void;
  onOpen: (r: LedgerRecord) => void;
  onDelete: (r: LedgerRecord) => void;
  /** Whether this user may delete (and so change) a row; rows it may not change open read-only. */
  canChange: (r: LedgerRecord) => boolean;
  /** False for 只读: no 操作 column at all. */
  showActions: boolean;
  /** False when this user may add nothing here: the empty table offers no 新增. */
  canCreate: boolean;
  onNew: () => void;
  onClearFilters: () => void;
}

export const PAGE_SIZES = [20, 50, 100, 200];
/** Height of the table's header row and of the pager under it, taken from the box the table fills. */
const HEADER_PX = 40;
const PAGER_PX = 48;
/** A quick answer shows no spinner at all (no flicker per key); a slow one does, over the rows. */
const SPINNER_DELAY_MS = 200;

/** Memoized: typing in the search box re-renders the toolbar only, until the answer changes the rows. */
export const LedgerTable = memo(function LedgerTable(p: Props) {
  const { def, lookups, onOpen, onDelete, canChange, showActions, sort, onSort, onPage } = p;
  const [boxRef, height] = useElementHeight();
  const [confirming, setConfirming] = useState<string | null>(null);

  const columns = useMemo<TableColumnsType<LedgerRecord>>(() => {
    const cols: TableColumnsType<LedgerRecord> = p.columns.map((spec) => ({
      key: spec.key,
      dataIndex: spec.key,
      title: spec.label,
      width: spec.width,
      ellipsis: true,
      align: spec.numeric ? 'right' : 'left',
      sorter: true,
      sortOrder: sort?.key === spec.key ? sort.order : null,
      sortDirections: ['ascend', 'descend'],
      render: (_: unknown, r: LedgerRecord) => {
        const text = cellText(spec, r, lookups);
        if (spec.key !== def.titleField) return text;
        return (
          <Typography.Link
            onClick={(e) => {
              e.stopPropagation();
              onOpen(r);
            }}
          >
            {text || '（未命名）'}
          </Typography.Link>
        );
      },
    }));
    if (!showActions) return cols;
    const deleteButton = (id: string) => (
      <Button type="link" size="small" danger onClick={() => setConfirming(id)}>
        删除
      </Button>
    );
    cols.push({
      key: '_actions',
      title: '操作',
      width: 90,
      fixed: 'right',
      render: (_: unknown, r: LedgerRecord) =>
        canChange(r) ? (
          <span onClick={(e) => e.stopPropagation()}>
            {/* One Popconfirm, on the row being deleted: one per row made every page of rows slower to draw. */}
            {confirming === r.id ? (
              <Popconfirm
                open
                title="移到回收站？"
                okText="删除"
                cancelText="取消"
                onConfirm={() => onDelete(r)}
                onOpenChange={(open) => !open && setConfirming(null)}
              >
                {deleteButton(r.id)}
              </Popconfirm>
            ) : (
              deleteButton(r.id)
            )}
          </span>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12, paddingLeft: 8 }}>
            只读
          </Typography.Text>
        ),
    });
    return cols;
  }, [p.columns, def.titleField, lookups, onOpen, onDelete, canChange, showActions, sort, confirming]);

  const pagination = useMemo<TablePaginationConfig>(
    () => ({
      current: p.page,
      pageSize: p.pageSize,
      total: p.total,
      size: 'small',
      showSizeChanger: true,
      pageSizeOptions: PAGE_SIZES,
      showQuickJumper: p.total > p.pageSize * 10,
      hideOnSinglePage: false,
      showTotal: (total, [from, to]) => (total ? `第 ${from}–${to} 条，共 ${total} 条` : ''),
      onChange: onPage,
    }),
    [p.page, p.pageSize, p.total, onPage],
  );

  const scrollX = p.columns.reduce((s, c) => s + c.width, showActions ? 90 : 0);
  const { filtered, canCreate, onNew, onClearFilters, rows, loaded } = p;
  // The table element is kept while only `loading` changes: a query under way re-renders the spinner, not the rows.
  const table = useMemo(() => {
    const empty = filtered ? (
      <Empty description="没有符合筛选条件的记录">
        <Button onClick={onClearFilters}>清除筛选</Button>
      </Empty>
    ) : canCreate ? (
      <Empty description={`还没有${def.label}记录`}>
        <Button type="primary" onClick={onNew}>
          新增第一条（Ctrl+N）
        </Button>
      </Empty>
    ) : (
      <Empty description={`还没有${def.label}记录`} />
    );
    return (
      <Table<LedgerRecord>
        virtual
        size="small"
        rowKey="id"
        dataSource={rows}
        columns={columns}
        pagination={pagination}
        onChange={(_pg, _filters, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<LedgerRecord> | undefined;
          onSort(s?.order && s.columnKey ? { key: String(s.columnKey), order: s.order } : null);
        }}
        scroll={{ x: scrollX, y: Math.max(120, height - HEADER_PX - PAGER_PX) }}
        locale={{ emptyText: loaded ? empty : ' ' }}
        onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' } })}
        showSorterTooltip={false}
      />
    );
  }, [
    rows,
    columns,
    pagination,
    scrollX,
    height,
    loaded,
    filtered,
    canCreate,
    onNew,
    onClearFilters,
    def.label,
    onOpen,
    onSort,
  ]);

  return (
    <div
      ref={boxRef}
      style={{ flex: 1, minHeight: 0 }}
      data-testid="ledger-table"
      data-loading={p.loading ? 'true' : undefined}
    >
      <Spin spinning={p.loading} delay={loaded ? SPINNER_DELAY_MS : 0}>
        {table}
      </Spin>
    </div>
  );
});
