// 工作情况报告: pick period and template, preview which placeholders get which values, then save the Word file.
import { EyeOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AppError } from '../../../../src-main/shared/result';
import type { ResultOf } from '../../../../src-main/shared/contract';
import { call } from '../../api/client';
import { PeriodPicker } from '../../components/PeriodPicker';
import { ProblemList } from '../../components/ProblemList';
import { useFileTask } from '../../hooks/useFileTask';
import { usePeriod } from '../../hooks/usePeriod';
import { TemplatePicker } from './TemplatePicker';

type Preview = ResultOf<'word:preview'>;

export function ReportExport() {
  const periodState = usePeriod();
  const { from, to } = periodState.period;
  const [templateId, setTemplateId] = useState<string | undefined>();
  const [preview, setPreview] = useState<{ key: string; rows: Preview } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<AppError | null>(null);
  const task = useFileTask();
  const key = `${from}|${to}|${templateId ?? ''}`;

  const loadPreview = async () => {
    setPreviewing(true);
    setPreviewError(null);
    const r = await call('word:preview', { from, to, templateId });
    setPreviewing(false);
    if (r.ok) setPreview({ key, rows: r.data });
    else setPreviewError(r.error);
  };

  const rows = preview?.key === key ? preview.rows : null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="report-export">
      <Card size="small">
        <Space wrap size={12}>
          <PeriodPicker state={periodState} />
          <TemplatePicker kind="word" value={templateId} onChange={setTemplateId} />
          <Button icon={<EyeOutlined />} loading={previewing} onClick={() => void loadPreview()}>
            预览填充内容
          </Button>
          <Button
            type="primary"
            icon={<FileWordOutlined />}
            loading={task.busy}
            onClick={() => void task.run('工作情况报告', () => call('word:report', { from, to, templateId }))}
          >
            导出 Word 报告
          </Button>
          <Button onClick={() => void task.run('报告模板', () => call('word:reportTemplate', {}))}>
            下载示例模板
          </Button>
        </Space>
      </Card>
      {task.error && <ProblemList error={task.error} onClose={task.clearError} />}
      {previewError && <ProblemList error={previewError} onClose={() => setPreviewError(null)} />}
      <Card
        size="small"
        title="占位符预览"
        extra={
          <Typography.Text type="secondary">
            {from} 至 {to}
          </Typography.Text>
        }
      >
        {rows ? (
          <Table
            size="small"
            rowKey={(r) => `${r.placeholder}|${r.unit ?? ''}`}
            dataSource={rows}
            pagination={false}
            scroll={{ y: 420 }}
            columns={[
              {
                title: '占位符',
                dataIndex: 'placeholder',
                width: 280,
                render: (p: string) => <Typography.Text code>{p}</Typography.Text>,
              },
              { title: '单位', dataIndex: 'unit', width: 160, render: (u?: string) => u ?? '' },
              { title: '将填入', dataIndex: 'value' },
            ]}
            locale={{ emptyText: '模板中没有占位符' }}
          />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              previewing ? '正在生成预览…' : '点击“预览填充内容”，查看模板中每个占位符将填入的数值'
            }
          />
        )}
      </Card>
    </Space>
  );
}
