// 工作情况报告: 「生成月报」 first (the package a leader signs), then 本期文字 the report uses for the chosen period,
// then the single Word report with a template of choice and a preview of what its placeholders get.
import { EyeOutlined, FileWordOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../../../src-main/shared/result';
import type { ResultOf } from '../../../../src-main/shared/contract';
import { call } from '../../api/client';
import { ProblemList } from '../../components/ProblemList';
import { useAppData } from '../../hooks/useAppData';
import { useFileTask } from '../../hooks/useFileTask';
import type { PeriodChoice, PeriodState } from '../../hooks/usePeriod';
import { nextOrder } from '../../lib/order';
import { canWriteAnything } from '../../lib/permissions';
import { periodText } from '../../../../src-main/shared/period';
import { MonthlyPackageCard } from './MonthlyPackageCard';
import { ReportNotesCard } from './ReportNotesCard';
import type { ReportNotesHandle } from './ReportNotesCard';
import { TemplatePicker } from './TemplatePicker';

type Preview = ResultOf<'word:preview'>;

interface Props {
  periodState: PeriodState;
  /** Whether this tab is the one shown (keyboard shortcuts only then). */
  active: boolean;
}

export function ReportExport({ periodState, active }: Props) {
  const { viewer } = useAppData();
  const { modal } = App.useApp();
  const { from, to } = periodState.period;
  const [templateId, setTemplateId] = useState<string | undefined>();
  const [preview, setPreview] = useState<{ key: string; rows: Preview } | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [previewError, setPreviewError] = useState<AppError | null>(null);
  const [notesSavedAt, setNotesSavedAt] = useState<{ from: string; to: string; at: number } | null>(null);
  const notesDirty = useRef(false);
  const notes = useRef<ReportNotesHandle>(null);
  const task = useFileTask();
  const key = `${from}|${to}|${templateId ?? ''}`;

  // Switching the period with unsaved 本期文字 asks first; the pickers are controlled, so 继续编辑 leaves them as they were.
  const guarded = useMemo<PeriodState>(
    () => ({
      ...periodState,
      choose: (c: PeriodChoice) => {
        if (!notesDirty.current) return periodState.choose(c);
        modal.confirm({
          title: '本期文字尚未保存',
          content: `切换期间将放弃对“${periodText(from, to)}”本期文字的修改。`,
          okText: '放弃修改并切换',
          okButtonProps: { danger: true },
          cancelText: '继续编辑',
          autoFocusButton: 'cancel',
          onOk: () => {
            notes.current?.discard();
            periodState.choose(c);
          },
        });
      },
    }),
    [periodState, modal, from, to],
  );
  const onDirtyChange = useCallback((d: boolean) => {
    notesDirty.current = d;
  }, []);

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
      <MonthlyPackageCard
        periodState={guarded}
        notesSavedAt={notesSavedAt}
        onEditNotes={() => notes.current?.focus()}
      />
      <ReportNotesCard
        ref={notes}
        from={from}
        to={to}
        canEdit={canWriteAnything(viewer)}
        active={active}
        onDirtyChange={onDirtyChange}
        onSaved={(info) => setNotesSavedAt({ from: info.from, to: info.to, at: nextOrder() })}
      />
      <Card
        size="small"
        title="单独导出 Word 报告"
        extra={<Typography.Text type="secondary">期间：{periodText(from, to)}（在上方选择）</Typography.Text>}
      >
        <Space wrap size={12}>
          <TemplatePicker kind="word" value={templateId} onChange={setTemplateId} />
          <Button icon={<EyeOutlined />} loading={previewing} onClick={() => void loadPreview()}>
            预览填充内容
          </Button>
          <Button
            type="primary"
            icon={<FileWordOutlined />}
            loading={task.busy}
            onClick={() =>
              void task.run('工作情况报告', (allowIncomplete) =>
                call('word:report', {
                  from,
                  to,
                  templateId,
                  ...(allowIncomplete ? { allowIncomplete } : {}),
                }),
              )
            }
          >
            导出 Word 报告
          </Button>
          <Button onClick={() => void task.run('报告模板', () => call('word:reportTemplate', {}))}>
            下载示例模板
          </Button>
        </Space>
      </Card>
      {task.error && <ProblemList error={task.error} onClose={task.clearError} />}
      {task.warning && (
        <div data-testid="report-warnings">
          <ProblemList error={task.warning} warning onClose={task.clearWarning} />
        </div>
      )}
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
