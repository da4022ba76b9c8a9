// 统计表: the Excel statistics workbook (progress, clue disposition, four forms, per unit) or a superior's template.
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { PeriodPicker } from '../../components/PeriodPicker';
import { ProblemList } from '../../components/ProblemList';
import { useFileTask } from '../../hooks/useFileTask';
import { usePeriod } from '../../hooks/usePeriod';
import { TemplatePicker } from './TemplatePicker';

export function StatsExport() {
  const periodState = usePeriod();
  const { from, to } = periodState.period;
  const [templateId, setTemplateId] = useState<string | undefined>();
  const task = useFileTask();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="stats-export">
      <Card size="small">
        <Space wrap size={12}>
          <PeriodPicker state={periodState} />
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
          不选模板时，导出内置的四张表：工作进展统计表（本期 /
          累计）、问题线索处置情况表、“四种形态”统计表、各单位情况统计表。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          上级下发了自己的表格时，在“模板管理”中上传，在单元格里写上占位符（如 {'{{集中学习次数}}'}
          ），选中该模板导出即可按原格式填好。
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
