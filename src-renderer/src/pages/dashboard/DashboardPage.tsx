// 首页: the chosen period's key numbers with 累计, task lights per group and the charts; 「生成月报」 one click away.
import { FileDoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Typography } from 'antd';
import { lazy, useMemo } from 'react';
import { chineseMonthDay } from '../../../../src-main/shared/dates';
import { AfterFirstPaint } from '../../components/AfterFirstPaint';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PeriodPicker } from '../../components/PeriodPicker';
import { useAppData } from '../../hooks/useAppData';
import { useChannel } from '../../hooks/useChannel';
import { usePeriod } from '../../hooks/usePeriod';
import { makeLookups } from '../../lib/ledgerView';
import { MONTHLY_FOCUS_HASH } from '../../lib/links';
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
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="dashboard">
      <Row justify="space-between" align="middle" gutter={12}>
        <Col>
          <Space align="baseline">
            <Typography.Title level={4} style={{ margin: 0 }}>
              工作概览
            </Typography.Title>
            <Typography.Text type="secondary">累计数截至{chineseMonthDay(to)}</Typography.Text>
          </Space>
        </Col>
        <Col>
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
        </Col>
      </Row>
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
    </Space>
  );
}
