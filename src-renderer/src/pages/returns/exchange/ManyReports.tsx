// The check of several 报送包 received together: first the sum over all of them, then one folded panel per package
// whose header says whose it is, for which period and what it would do. Packages with conflicts are open (a side
// must be chosen for them); with none, the first is, to show what a package's details look like.
import { Collapse, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MergeReport } from '../../../../../src-main/shared/contract/exchange';
import { periodText } from '../../../../../src-main/shared/period';
import { CountsLine, MergeReportView } from './MergeReportView';
import { countsOf, nothingToDo, totalsOf, unitCount } from './mergeCounts';

/** "2026年10月" when all packages are of one period, else the span from the earliest to the latest day. */
function periodsText(reports: MergeReport[]): string {
  const periods = new Set(reports.map((r) => `${r.from}~${r.to}`));
  const from = reports.reduce((d, r) => (r.from < d ? r.from : d), reports[0].from);
  const to = reports.reduce((d, r) => (r.to > d ? r.to : d), reports[0].to);
  return periods.size === 1 ? periodText(from, to) : `${from} 至 ${to} 之间的 ${periods.size} 个期间`;
}

export function ManyReports({ reports, fileNames }: { reports: MergeReport[]; fileNames: string[] }) {
  const withConflicts = reports.flatMap((r, i) => (r.conflicts.length ? [String(i)] : []));
  const [open, setOpen] = useState<string[]>(withConflicts.length ? withConflicts : ['0']);
  const totals = totalsOf(reports);
  const units = unitCount(reports);

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div data-testid="exchange-summary">
        <Typography.Text style={{ display: 'block', marginBottom: 4 }}>
          共 <Typography.Text strong>{reports.length}</Typography.Text> 个报送包
          {units < reports.length ? `（${units} 个单位）` : ''}，报送期间：{periodsText(reports)}
          {totals.conflicts > 0 && (
            <Typography.Text type="danger">
              ；其中 {withConflicts.length} 个报送包有两边都改过的记录
            </Typography.Text>
          )}
        </Typography.Text>
        <span>
          <Typography.Text type="secondary">合计：</Typography.Text>
          <CountsLine counts={totals} testId="exchange-total" />
        </span>
      </div>
      <Collapse
        size="small"
        activeKey={open}
        onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
        data-testid="exchange-packages"
        items={reports.map((r, i) => ({
          key: String(i),
          label: (
            <Space size={8} wrap style={{ rowGap: 0 }}>
              <Typography.Text strong>{r.unit.name}</Typography.Text>
              <Typography.Text type="secondary">{periodText(r.from, r.to)}</Typography.Text>
              {nothingToDo(countsOf(r)) && <Tag>无需合并</Tag>}
            </Space>
          ),
          extra: <CountsLine counts={countsOf(r)} small testId="exchange-package-counts" />,
          children: <MergeReportView report={r} fileName={fileNames[i]} />,
        }))}
      />
    </div>
  );
}
