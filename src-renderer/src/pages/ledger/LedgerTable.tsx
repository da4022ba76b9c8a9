// The ledger's rows in a virtual antd Table: columns from the LedgerDef, sortable, a row opens its record.
import { Button, Empty, Popconfirm, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { memo, useMemo } from 'react';
import type { LedgerDef, LedgerRecord } from '../../../../src-main/shared/ledgers/types';
import { useElementHeight } from '../../hooks/useElementHeight';
import { cellText, str } from '../../lib/ledgerView';
import type { ColumnSpec, Lookups } from '../../lib/ledgerView';

interface Props {
  def: LedgerDef;
  rows: LedgerRecord[];
  columns: ColumnSpec[];
  lookups: Lookups;
  loading: boolean;
  filtered: boolean;
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

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** Numbers and dates compare raw (cheap on 10,000 rows); names and lists by their shown text in Chinese order. */
function sorterFor(spec: ColumnSpec, lookups: Lookups) {
  const t = spec.field.type;
  if (spec.numeric)
    return (a: LedgerRecord, b: LedgerRecord) =>
      Number(a[spec.key] ?? -Infinity) - Number(b[spec.key] ?? -Infinity);
  if (t === 'date' || t === 'month' || spec.key === 'createdAt' || spec.key === 'updatedAt') {
    return (a: LedgerRecord, b: LedgerRecord) => {
      const x = str(a[spec.key]);
      const y = str(b[spec.key]);
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }
  return (a: LedgerRecord, b: LedgerRecord) =>
    collator.compare(cellText(spec, a, lookups), cellText(spec, b, lookups));
}

/** Memoized: typing in the search box re-renders the toolbar only, until the debounced query changes the rows. */
export const LedgerTable = memo(function LedgerTable(p: Props) {
  const { def, lookups, onOpen, onDelete, canChange, showActions } = p;
  const [boxRef, height] = useElementHeight();

  const columns = useMemo<TableColumnsType<LedgerRecord>>(() => {
    const cols: TableColumnsType<LedgerRecord> = p.columns.map((spec) => ({
      key: spec.key,
      dataIndex: spec.key,
      title: spec.label,
      width: spec.width,
      ellipsis: true,
      align: spec.numeric ? 'right' : 'left',
      sorter: sorterFor(spec, lookups),
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
    cols.push({
      key: '_actions',
      title: '操作',
      width: 90,
      fixed: 'right',
      render: (_: unknown, r: LedgerRecord) =>
        canChange(r) ? (
          <span onClick={(e) => e.stopPropagation()}>
            <Popconfirm title="移到回收站？" okText="删除" cancelText="取消" onConfirm={() => onDelete(r)}>
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          </span>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12, paddingLeft: 8 }}>
            只读
          </Typography.Text>
        ),
    });
    return cols;
  }, [p.columns, def.titleField, lookups, onOpen, onDelete, canChange, showActions]);

  const scrollX = p.columns.reduce((s, c) => s + c.width, showActions ? 90 : 0);
  const empty = p.filtered ? (
    <Empty description="没有符合筛选条件的记录">
      <Button onClick={p.onClearFilters}>清除筛选</Button>
    </Empty>
  ) : p.canCreate ? (
    <Empty description={`还没有${def.label}记录`}>
      <Button type="primary" onClick={p.onNew}>
        新增第一条（Ctrl+N）
      </Button>
    </Empty>
  ) : (
    <Empty description={`还没有${def.label}记录`} />
  );

  return (
    <div ref={boxRef} style={{ flex: 1, minHeight: 0 }} data-testid="ledger-table">
      <Table<LedgerRecord>
        virtual
        size="small"
        rowKey="id"
        dataSource={p.rows}
        columns={columns}
        loading={p.loading && !p.rows.length}
        pagination={false}
        scroll={{ x: scrollX, y: height - 40 }}
        locale={{ emptyText: p.loading ? ' ' : empty }}
        onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' } })}
        showSorterTooltip={false}
      />
    </div>
  );
});
