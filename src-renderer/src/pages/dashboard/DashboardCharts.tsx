// The dashboard's three charts (loaded after the numbers, so the key figures show first).
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { Card, Col, Empty, Row } from 'antd';
import type { DashboardData } from '../../../../src-main/shared/contract';
import { perUnitOption, rectificationOption, studyOption } from './chartOptions';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

function Chart({ option, empty, height = 280 }: { option: object; empty: boolean; height?: number }) {
  if (empty)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="本期暂无数据"
        style={{ height, paddingTop: 60 }}
      />
    );
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge />;
}

export default function DashboardCharts({ data }: { data: DashboardData }) {
  const r = data.rectification;
  return (
    <Row gutter={[12, 12]} data-testid="dashboard-charts">
      <Col xs={24} xl={12}>
        <Card size="small" title="学习教育开展情况（按月）">
          <Chart
            option={studyOption(data.studyByMonth)}
            empty={!data.studyByMonth.some((m) => m.sessions || m.participants)}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="检视整改进度">
          <Chart option={rectificationOption(r)} empty={!r.total} />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title="各单位情况对比">
          <Chart
            option={perUnitOption(data.perUnit)}
            empty={!data.perUnit.some((u) => u.studies || u.writings || u.rectifications)}
            height={320}
          />
        </Card>
      </Col>
    </Row>
  );
}
