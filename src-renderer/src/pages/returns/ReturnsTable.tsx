// 报送情况 by unit: one row per unit the task expects, one column per ledger it asks for (已报 / 未报 / 逾期, with
// what the last import brought on hover and the unit's records of the period now in the ledger), and the unit's
// overall state, which can be filtered to see only who still owes something.
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import type { ReturnStatus, UnitReturnStatus } from '../../../../src-main/shared/contract/returns';
import { LEDGERS } from '../../../../src-main/shared/ledgers';
import type { LedgerKey } from '../../../../src-main/shared/ledgers/types';
import { useAppData } from '../../hooks/useAppData';
import { formatStamp } from '../../lib/format';
import { canSeeLedger } from '../../lib/permissions';
import { STATE_LABEL, STATE_ORDER, STATE_TAG } from './returnStates';

type LedgerCell = UnitReturnStatus['ledgers'][number];

function ReturnCell({ cell, showCount }: { cell: LedgerCell; showCount: boolean }) {
  const { last } = cell;
  const tag = (
    <Tag color={STATE_TAG[cell.state]} style={{ marginInlineEnd: 6 }} data-state={cell.state}>
      {STATE_LABEL[cell.state]}
    </Tag>
  );
  return (
    <span data-testid={`return-cell-${cell.ledger}`} data-state={cell.state}>
      {last ? (
        <Tooltip
          title={
            <>
              <div>
                新增{last.created} 更新{last.updated}
                {last.skipped ? ` 跳过${last.skipped}` : ''}
              </div>
              <div>
                {formatStamp(last.at)} {last.by}导入
              </div>
              <div>{last.fileName}</div>
            </>
          }
        >
          {/* Focusable, so the details are reachable from the keyboard too. */}
          <span tabIndex={0} aria-label={`已报：新增${last.created} 更新${last.updated}`}>
            {tag}
          </span>
        </Tooltip>
      ) : (
        tag
      )}
      {/* Counts of a ledger this user may not read are not sent (问题线索): only whether it was returned. */}
      {showCount && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="return-records">
          {cell.records}条
        </Typography.Text>
      )}
    </span>
  );
}

export function ReturnsTable({ status, loading }: { status: ReturnStatus; loading: boolean }) {
  const { viewer } = useAppData();
  const ledgers = status.task.ledgers;
  const columns = useMemo<TableColumnsType<UnitReturnStatus>>(
    () => [
      {
        title: '单位',
        dataIndex: 'unitName',
        width: 200,
        fixed: 'left',
        render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
      },
      ...ledgers.map((key: LedgerKey) => {
        const def = LEDGERS[key];
        const showCount = !!def && canSeeLedger(viewer, def);
        return {
          key,
          title: (
            <Tooltip title={showCount ? '条数为该单位本期在台账中的记录数' : undefined}>
              {def?.label ?? key}
            </Tooltip>
          ),
          width: 150,
          render: (_: unknown, u: UnitReturnStatus) => {
            const cell = u.ledgers.find((l) => l.ledger === key);
            return cell ? <ReturnCell cell={cell} showCount={showCount} /> : null;
          },
        };
      }),
      {
        title: '状态',
        key: 'state',
        width: 100,
        filters: STATE_ORDER.map((s) => ({ text: STATE_LABEL[s], value: s })),
        onFilter: (v, u) => u.state === v,
        render: (_: unknown, u: UnitReturnStatus) => (
          <Tag color={STATE_TAG[u.state]} data-testid="unit-state" data-state={u.state}>
            {STATE_LABEL[u.state]}
          </Tag>
        ),
      },
    ],
    [ledgers, viewer],
  );
  return (
    <div data-testid="returns-table" data-loading={loading ? 'true' : undefined}>
      <Table<UnitReturnStatus>
        size="middle"
        rowKey="unit"
        columns={columns}
        dataSource={status.units}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
