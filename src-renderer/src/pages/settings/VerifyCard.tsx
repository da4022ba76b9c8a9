// 设置 → 数据与备份 → 检查数据: one button that reads everything back from disk (data files, 操作日志, accounts, the
// clue vault, every backup whole) and lists, per part, what was checked, what is wrong and what could not be checked.
import {
  CheckCircleFilled,
  CloseCircleFilled,
  InfoCircleFilled,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { VerifyReport, VerifySection } from '../../../../src-main/shared/contract';
import type { AppError } from '../../../../src-main/shared/result';
import { call } from '../../api/client';
import { formatStamp } from '../../lib/format';

function SectionRow({ s }: { s: VerifySection }) {
  const bad = s.problems.length > 0;
  const icon = bad ? (
    <CloseCircleFilled style={{ color: '#cf1322', fontSize: 18 }} />
  ) : (
    <CheckCircleFilled style={{ color: '#389e0d', fontSize: 18 }} />
  );
  return (
    <div
      style={{ display: 'flex', gap: 12, padding: '10px 4px', borderBottom: '1px solid #f0f0f0' }}
      data-testid={`verify-section-${s.key}`}
    >
      <div style={{ paddingTop: 2 }}>{icon}</div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Space size={12}>
          <Typography.Text strong>{s.title}</Typography.Text>
          <Typography.Text type={bad ? 'danger' : 'secondary'}>
            {bad ? `${s.problems.length} 个问题` : '正常'} · {s.checked}
          </Typography.Text>
        </Space>
        {(s.problems.length > 0 || s.notes.length > 0) && (
          <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
            {s.problems.map((p) => (
              <li key={p}>
                <Typography.Text type="danger">{p}</Typography.Text>
              </li>
            ))}
            {s.notes.map((n) => (
              <li key={n} style={{ listStyle: 'none', marginLeft: -18 }}>
                <InfoCircleFilled style={{ color: '#1677ff', marginRight: 6 }} />
                <Typography.Text type="secondary">{n}</Typography.Text>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

export function VerifyCard({ onChecked }: { onChecked: (r: VerifyReport) => void }) {
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const shown = useRef<HTMLDivElement>(null);
  // The findings are longer than the space under the button: bring them into view when they arrive.
  useEffect(() => {
    if (report) shown.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [report]);

  const run = async () => {
    setRunning(true);
    setError(null);
    const r = await call('store:verify', {});
    setRunning(false);
    if (!r.ok) return setError(r.error);
    setReport(r.data);
    onChecked(r.data);
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <SafetyCertificateOutlined />
          检查数据
        </Space>
      }
      data-testid="verify-card"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <Button type="primary" loading={running} onClick={() => void run()} data-testid="verify-run">
            {running ? '正在检查…' : '检查数据'}
          </Button>
          <Typography.Text type="secondary">
            从磁盘重新读取并核对数据文件、操作日志、账户数据、问题线索加密数据和每一份备份（逐份完整读取），并列出本次启动时的自动修复。
          </Typography.Text>
        </Space>
        {running && (
          <Spin
            description="正在检查：数据文件、操作日志、账户数据和每一份备份…"
            data-testid="verify-running"
          >
            <div style={{ height: 64 }} />
          </Spin>
        )}
        {error && !running && (
          <Alert type="error" showIcon title={`检查没有完成：${error.message}`} data-testid="verify-error" />
        )}
        {report && !running && (
          <div data-testid="verify-report" ref={shown} style={{ scrollMarginTop: 8 }}>
            <Alert
              type={report.ok ? 'success' : 'error'}
              showIcon
              title={
                report.ok
                  ? `检查通过（${formatStamp(report.checkedAt)}）`
                  : `发现 ${report.problems.length} 个问题（${formatStamp(report.checkedAt)}）`
              }
              description={
                report.ok
                  ? `全部 ${report.backups.length} 份备份都能用于恢复。`
                  : '请按下面各项的说明处理；数据文件损坏时，可从一份完好的备份恢复。'
              }
              data-testid="verify-summary"
            />
            <div style={{ marginTop: 4 }}>
              {report.sections.map((s) => (
                <SectionRow key={s.key} s={s} />
              ))}
            </div>
          </div>
        )}
      </Space>
    </Card>
  );
}
