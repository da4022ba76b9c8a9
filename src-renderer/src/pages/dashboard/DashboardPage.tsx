// 首页: the chosen period's key numbers with 累计, task lights per group and the charts; 「生成月报」 one click away.
import { FileDoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { lazy, useMemo } from 'react';
import { AfterFirstPaint } from '../../components/AfterFirstPaint';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PeriodPicker } from '../../components/PeriodPicker';
import { useAppData } from '../../hooks/useAppData';
import { useChannel } from '../../hooks/useChannel';
import { usePeriod } from '../../hooks/usePeriod';
import { makeLookups } from '../../lib/ledgerView';
import { MONTHLY_FOCUS_HASH } from '../../lib/links';
import { DashboardHeading } from './DashboardHeading';
import { KeyNumbers } from './KeyNumbers';

const DashboardCharts = lazy(() => import('./DashboardCharts'));
// Its tables (antd Table, with the select, tree and pagination it brings) come in their own chunk, fetched once the
// key numbers are on screen: the numbers need none of that code.
const TaskLights = lazy(() => import('./TaskLights').then((m) => ({ default: m.TaskLights })));

export function DashboardPage() {
  const { settings } = useAppData();
  const periodState = usePeriod();
  const { from, to } = periodState.period;
  const dash = useChannel('stats:dashboard', { from, to });
  const lookups = useMemo(() => makeLookups(settings), [settings]);

  return (
    <div className="cd-stack" data-testid="dashboard">
      <DashboardHeading
        to={to}
        tools={
          <Space>
            <PeriodPicker state={periodState} />
            <Button
              icon={<ReloadOutlined />}
              onClick={dash.refresh}
              loading={dash.loading && !!dash.data}
              aria-label="刷新"
            />
            <Button
              type="primary"
              icon={<FileDoneOutlined />}
              onClick={() => {
                window.location.hash = MONTHLY_FOCUS_HASH;
              }}
              data-testid="dashboard-monthly"
            >
              生成月报
            </Button>
          </Space>
        }
      />
      {dash.error && !dash.data ? (
        <ErrorState title="统计数据加载失败" error={dash.error} onRetry={dash.refresh} />
      ) : !dash.data ? (
        <LoadingState tip="正在统计…" />
      ) : (
        <>
          <KeyNumbers indicators={dash.data.indicators} names={dash.data.keyNumbers} />
          <AfterFirstPaint
            fallback={
              <Card size="small" title="任务进度（按工作组）">
                <LoadingState tip="正在载入…" />
              </Card>
            }
          >
            <TaskLights
              lights={dash.data.taskLights}
              overdue={dash.data.overdueTasks}
              unitName={lookups.unitName}
            />
          </AfterFirstPaint>
          <AfterFirstPaint fallback={<LoadingState tip="正在绘制图表…" />}>
            <DashboardCharts data={dash.data} />
          </AfterFirstPaint>
        </>
      )}
    </div>
  );
}
