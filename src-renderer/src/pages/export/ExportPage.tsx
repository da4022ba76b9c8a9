// 导出: the progress report (with 「生成月报」), bulletins, statistics workbook and template management, one tab each.
// The report and the workbook share one period, remembered apart from the dashboard's: 上月 unless chosen otherwise.
import { Tabs, Typography } from 'antd';
import { usePeriod } from '../../hooks/usePeriod';
import { BulletinExport } from './BulletinExport';
import { LedgerExport } from './LedgerExport';
import { ReportExport } from './ReportExport';
import { StatsExport } from './StatsExport';
import { TemplatesManager } from './TemplatesManager';

const TABS = ['report', 'bulletin', 'stats', 'ledgers', 'templates'] as const;

export function ExportPage({ tab }: { tab?: string }) {
  const active = TABS.includes(tab as (typeof TABS)[number]) ? tab! : 'report';
  const periodState = usePeriod('export');
  return (
    <div data-testid="export-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        导出
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(k) => {
          window.location.hash = `/export/${k}`;
        }}
        items={[
          {
            key: 'report',
            label: '工作情况报告',
            children: <ReportExport periodState={periodState} active={active === 'report'} />,
          },
          { key: 'bulletin', label: '简报', children: <BulletinExport /> },
          { key: 'stats', label: '统计表', children: <StatsExport periodState={periodState} /> },
          { key: 'ledgers', label: '台账导出', children: <LedgerExport /> },
          { key: 'templates', label: '模板管理', children: <TemplatesManager /> },
        ]}
      />
    </div>
  );
}
