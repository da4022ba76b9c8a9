// 统计表: the built-in Excel statistics workbook (progress, clue disposition 本期 and 累计, four forms, seven per-unit
// sheets) or a superior's template filled; the period is the one the report tab uses.
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { PeriodPicker } from '../../components/PeriodPicker';
import { ProblemList } from '../../components/ProblemList';
import { useFileTask } from '../../hooks/useFileTask';
import type { PeriodState } from '../../hooks/usePeriod';
import { TemplatePicker } from './TemplatePicker';

const SHEETS: { name: string; what: string }[] = [
  { name: '工作进展统计表', what: '各项指标的本期数和累计数' },
  { name: '线索处置统计表', what: '按线索来源分列处置方式和办理结果，本期、累计上下两张表' },
  { name: '四种形态统计表', what: '第一至第四种形态的人次和占比' },
  {
    name: '分单位·组织领导、学习教育、学习成果、建章立制、问题线索、检视整改、宣传舆情',
    what: '七张分单位表，每个单位一行，每项指标分本期、累计两列',
  },
];

export function StatsExport({ periodState }: { periodState: PeriodState }) {
  const { from, to } = periodState.period;
  const [templateId, setTemplateId] = useState<string | undefined>();
  const task = useFileTask();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="stats-export">
      <Card size="small">
        <Space wrap size={12}>
          <PeriodPicker state={periodState} monthPicker />
          <TemplatePicker kind="excel" value={templateId} onChange={setTemplateId} />
          <Button
            type="primary"
            icon={<FileExcelOutlined />}
            loading={task.busy}
            onClick={() => void task.run('统计表', () => call('excel:stats', { from, to, templateId }))}
          >
            导出 Excel 统计表
          </Button>
        </Space>
      </Card>
      {task.error && <ProblemList error={task.error} onClose={task.clearError} />}
      <Card size="small" title="说明">
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          不选模板时，导出内置统计表，共十个工作表，各表带标题、填报单位与截止日期、表头和制表人 /
          审核人，数字以数值保存，按 A4 打印：
        </Typography.Paragraph>
        <ul style={{ marginTop: 0, paddingLeft: 20 }} data-testid="stats-sheets">
          {SHEETS.map((s) => (
            <li key={s.name}>
              <Typography.Text strong>{s.name}</Typography.Text>
              <Typography.Text type="secondary">：{s.what}</Typography.Text>
            </li>
          ))}
        </ul>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          上级下发了自己的表格时，在“模板管理”中上传，在单元格里写上占位符（如 {'{{集中学习次数}}'}
          ），选中该模板导出即可按原格式填好；设为默认的模板会随“生成月报”一并填写。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          要同时得到工作情况报告，请用“工作情况报告”页上方的“生成月报”。
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
