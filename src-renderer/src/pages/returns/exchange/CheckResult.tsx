// The check of the chosen 报送包, before anything is written: one package's report as it is, several summed up and
// each folded; which side stands for the records both sides changed (one choice for all packages); 确认合并.
import { Alert, Button, Card, Radio, Space, Typography } from 'antd';
import type { MergeReport } from '../../../../../src-main/shared/contract/exchange';
import { ManyReports } from './ManyReports';
import { MergeReportView } from './MergeReportView';
import { nothingToDo, totalsOf } from './mergeCounts';
import type { Side } from './mergeCounts';

interface Props {
  reports: MergeReport[];
  fileNames: string[];
  side: Side | undefined;
  onSide: (side: Side) => void;
  working: boolean;
  merging: boolean;
  onMerge: () => void;
  onCancel: () => void;
}

export function CheckResult({
  reports,
  fileNames,
  side,
  onSide,
  working,
  merging,
  onMerge,
  onCancel,
}: Props) {
  const many = reports.length > 1;
  const totals = totalsOf(reports);
  const conflicts = totals.conflicts;
  const idle = nothingToDo(totals);
  const ready = !idle && (!conflicts || !!side) && !working;

  return (
    <Card
      size="small"
      title={many ? `检查结果（尚未合并）：${reports.length} 个报送包` : '检查结果（尚未合并）'}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {many ? (
          <ManyReports reports={reports} fileNames={fileNames} />
        ) : (
          <MergeReportView report={reports[0]} fileName={fileNames[0]} />
        )}
        {idle && (
          <Alert
            type="success"
            showIcon
            title={
              many
                ? '这些报送包中的记录本机都已有，且没有新的修改：无需合并。'
                : '报送包中的记录本机都已有，且没有新的修改：无需合并。'
            }
            data-testid="exchange-nothing"
          />
        )}
        {conflicts > 0 && (
          <div data-testid="exchange-choice">
            <Typography.Text strong id="exchange-choice-label" style={{ display: 'block' }}>
              {many
                ? `这 ${conflicts} 条记录以哪一方为准？（对所有报送包中的冲突记录都适用）`
                : `这 ${conflicts} 条记录以哪一方为准？`}
            </Typography.Text>
            <Radio.Group
              aria-labelledby="exchange-choice-label"
              value={side}
              onChange={(e) => onSide(e.target.value as Side)}
              style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 4 }}
              options={[
                {
                  value: 'office',
                  label: '以本机为准：保留本机的修改，不采用下级单位对这些记录的修改',
                },
                { value: 'unit', label: '以下级单位为准：用报送包中的版本替换本机的修改' },
              ]}
            />
          </div>
        )}
        <Space wrap>
          <Button
            type="primary"
            disabled={!ready}
            loading={merging}
            onClick={onMerge}
            data-testid="exchange-merge"
          >
            {idle ? '无需合并' : many ? `确认合并 ${reports.length} 个报送包` : '确认合并'}
          </Button>
          <Button onClick={onCancel} disabled={working}>
            取消
          </Button>
          {conflicts > 0 && !side && (
            <Typography.Text type="secondary">请先选择冲突记录以哪一方为准。</Typography.Text>
          )}
          {many && !idle && (
            <Typography.Text type="secondary">
              这些报送包一起合并：任何一个不能合并，就都不合并。
            </Typography.Text>
          )}
        </Space>
      </Space>
    </Card>
  );
}
