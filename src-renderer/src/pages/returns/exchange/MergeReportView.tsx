// What a 报送包 would do to this installation's ledgers (the server's dry run), read before anything is written:
// whose package and for which period, then per ledger how many records are new, changed, deleted by the unit or
// already here unchanged, and every record both sides changed since the last merge (a conflict).
import { Descriptions, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Fragment } from 'react';
import type { MergeConflict, MergeReport } from '../../../../../src-main/shared/contract/exchange';
import { LEDGERS } from '../../../../../src-main/shared/ledgers';
import type { LedgerKey } from '../../../../../src-main/shared/ledgers/types';
import { formatStamp } from '../../../lib/format';
import { periodText } from '../../../../../src-main/shared/period';
import { countsOf } from './mergeCounts';
import type { Counts } from './mergeCounts';

type LedgerRow = MergeReport['byLedger'][number];
type Count = Exclude<keyof Counts, 'conflicts'>;

const label = (k: LedgerKey) => LEDGERS[k]?.label ?? k;

/** The four outcomes in the order a clerk reads them, with the colour a non-zero count gets. */
export const COUNTS: { key: Count; label: string; color: string }[] = [
  { key: 'added', label: '新增', color: '#389e0d' },
  { key: 'changed', label: '更新', color: '#0958d9' },
  { key: 'removed', label: '删除', color: '#d46b08' },
  { key: 'unchanged', label: '不变', color: 'rgba(0,0,0,.88)' },
];

/** A count coloured only when it is not zero, so the eye goes to what the merge changes (as 报送情况 does). */
function Num({ n, color }: { n: number; color: string }) {
  return <span style={{ color: n ? color : 'rgba(0,0,0,.35)', fontWeight: n ? 600 : 400 }}>{n}</span>;
}

/**
 * 新增 / 更新 / 删除 / 不变 (/ 冲突): large under a package's heading, small in a collapsed package's header. The test
 * ids name the line and each count (`${testId}-added`, …).
 */
export function CountsLine({
  counts,
  small,
  testId = 'exchange-counts',
}: {
  counts: Counts;
  small?: boolean;
  testId?: string;
}) {
  const countId = testId === 'exchange-counts' ? 'exchange-count' : testId;
  return (
    <Typography.Text
      style={small ? { fontSize: 13, whiteSpace: 'nowrap' } : { fontSize: 16 }}
      data-testid={testId}
    >
      {COUNTS.map((c, i) => (
        <Fragment key={c.key}>
          {i > 0 && <Typography.Text type="secondary"> / </Typography.Text>}
          <span data-testid={`${countId}-${c.key}`}>
            {c.label} <Num n={counts[c.key]} color={c.color} />
          </span>
        </Fragment>
      ))}
      {counts.conflicts > 0 && (
        <>
          <Typography.Text type="secondary"> / </Typography.Text>
          <span data-testid={`${countId}-conflicts`} style={{ color: '#cf1322', fontWeight: 600 }}>
            冲突 {counts.conflicts}
          </span>
        </>
      )}
    </Typography.Text>
  );
}

const ledgerColumns: TableColumnsType<LedgerRow> = [
  { title: '台账', dataIndex: 'ledger', render: (k: LedgerKey) => label(k) },
  ...COUNTS.map((c) => ({
    title: c.key === 'removed' ? '删除（移入回收站）' : c.label,
    dataIndex: c.key,
    align: 'right' as const,
    width: c.key === 'removed' ? 150 : 100,
    render: (n: number) => <Num n={n} color={c.color} />,
  })),
];

const conflictColumns: TableColumnsType<MergeConflict> = [
  { title: '台账', dataIndex: 'ledger', width: 120, render: (k: LedgerKey) => label(k) },
  { title: '记录', dataIndex: 'title', render: (t: string) => t || '（无标题）' },
  { title: '日期', dataIndex: 'date', width: 120 },
  {
    title: '两边的版本',
    key: 'revs',
    width: 240,
    render: (_: unknown, c: MergeConflict) => (
      <span>
        本机第{c.officeRev}版 / 下级单位第{c.unitRev}版
      </span>
    ),
  },
];

export function MergeReportView({ report, fileName }: { report: MergeReport; fileName?: string }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }} data-testid="exchange-report">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        styles={{ label: { width: 100 } }}
        data-testid="exchange-manifest"
      >
        <Descriptions.Item label="报送单位">
          <Typography.Text strong>{report.unit.name}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="报送期间">
          {periodText(report.from, report.to)}（{report.from} 至 {report.to}）
        </Descriptions.Item>
        <Descriptions.Item label="生成时间">{formatStamp(report.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="生成程序版本">{report.appVersion}</Descriptions.Item>
        {fileName && (
          <Descriptions.Item label="文件" span={2}>
            <Typography.Text type="secondary" style={{ wordBreak: 'break-all' }}>
              {fileName}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      <CountsLine counts={countsOf(report)} />
      <Table<LedgerRow>
        size="small"
        rowKey="ledger"
        columns={ledgerColumns}
        dataSource={report.byLedger}
        pagination={false}
        locale={{ emptyText: '报送包中没有该期间的记录' }}
        data-testid="exchange-ledgers"
        summary={(rows) =>
          rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              {COUNTS.map((c, i) => (
                <Table.Summary.Cell key={c.key} index={i + 1} align="right">
                  <Num n={report[c.key]} color={c.color} />
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : undefined
        }
      />
      {report.conflicts.length > 0 && (
        <div data-testid="exchange-conflicts">
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }}>
            冲突：以下 {report.conflicts.length} 条记录在本机和{report.unit.name}都改过
          </Typography.Text>
          <Table<MergeConflict>
            size="small"
            rowKey="id"
            columns={conflictColumns}
            dataSource={report.conflicts}
            pagination={report.conflicts.length > 10 ? { pageSize: 10, size: 'small' } : false}
          />
        </div>
      )}
    </div>
  );
}
