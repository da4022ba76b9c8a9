// 接收报送包 (office): a unit's package is first checked without writing (the server's dry run) and what it would
// do shown; only then 确认合并 writes it, all or nothing. Records both sides changed are merged only once the office
// has chosen whose copy stands. Refusals (tampered, unknown unit, newer program, records not the unit's) are the
// server's own words.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Radio, Result, Space, Spin, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { MergeReport } from '../../../../../src-main/shared/contract/exchange';
import type { AppError } from '../../../../../src-main/shared/result';
import { call } from '../../../api/client';
import { ProblemList } from '../../../components/ProblemList';
import { MergeReportView } from './MergeReportView';
import { readPackageFile } from './packageFile';
import type { ChosenFile } from './packageFile';

type Side = 'office' | 'unit';

/** The conflict refusal carries the report of what stood in the way (details.report), to choose a side from. */
function reportOf(error: AppError): MergeReport | null {
  const r = error.details?.report as MergeReport | undefined;
  return r && Array.isArray(r.conflicts) ? r : null;
}

function doneText(r: MergeReport, side: Side | undefined): string {
  const parts = [`新增 ${r.added} 条`, `更新 ${r.changed} 条`];
  if (r.removed) parts.push(`移入回收站 ${r.removed} 条`);
  parts.push(`不变 ${r.unchanged} 条`);
  const conflicts = r.conflicts.length
    ? `；${r.conflicts.length} 条两边都改过的记录以${side === 'unit' ? '下级单位' : '本机'}为准`
    : '';
  return `${parts.join('，')}${conflicts}。合并前已自动备份，可在“设置 → 数据与备份”中恢复。`;
}

export function ReceivePackage({
  canReceive,
  nothingIssued,
}: {
  canReceive: boolean;
  nothingIssued: boolean;
}) {
  const { message } = App.useApp();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [report, setReport] = useState<MergeReport | null>(null);
  const [side, setSide] = useState<Side | undefined>();
  const [working, setWorking] = useState<'check' | 'merge' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<MergeReport | null>(null);
  // What the last step brought (the check, a refusal, the result) is scrolled to: it appears below the drop zone,
  // or replaces a long report whose 确认合并 was far down the page.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [report, error, done]);

  const reset = () => {
    setFile(null);
    setReport(null);
    setSide(undefined);
    setError(null);
    setDone(null);
  };

  const check = async (f: ChosenFile) => {
    setWorking('check');
    const r = await call('exchange:receive', { dataBase64: f.dataBase64, dryRun: true });
    setWorking(null);
    if (r.ok) setReport(r.data);
    else setError(r.error);
  };

  const choose = async (raw: File) => {
    reset();
    const read = await readPackageFile(raw, '报送包');
    if (!read.ok) return setError(read.error);
    setFile(read.file);
    await check(read.file);
  };

  const merge = async () => {
    if (!file || !report) return;
    setWorking('merge');
    setError(null);
    const r = await call('exchange:receive', {
      dataBase64: file.dataBase64,
      ...(report.conflicts.length ? { conflicts: side } : {}),
    });
    setWorking(null);
    if (r.ok) {
      setDone(r.data);
      void message.success(`已合并${r.data.unit.name}的报送包`);
      return;
    }
    setError(r.error);
    // Records changed here meanwhile: the check is out of date, so show the one the refusal came with (or check
    // again) and have the side chosen again for the list as it is now.
    const fresh = reportOf(r.error);
    if (fresh) {
      setReport(fresh);
      setSide(undefined);
    } else if (r.error.code === 'conflict') {
      setSide(undefined);
      await check(file);
    }
  };

  if (done) {
    return (
      <div ref={outcome} style={{ scrollMargin: 16 }}>
        <Result
          status="success"
          title={`已合并${done.unit.name}的报送包（${done.from} 至 ${done.to}）`}
          subTitle={doneText(done, side)}
          extra={
            <Button type="primary" onClick={reset} autoFocus data-testid="exchange-next">
              接收下一个报送包
            </Button>
          }
          data-testid="exchange-done"
        />
      </div>
    );
  }

  if (!canReceive)
    return <Alert type="info" showIcon title="只读账户不能接收报送包，请由可修改数据的同事接收。" />;

  const conflicts = report?.conflicts.length ?? 0;
  const nothingToDo = !!report && !conflicts && report.added + report.changed + report.removed === 0;
  const ready = !!report && !nothingToDo && (!conflicts || !!side) && !working;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {nothingIssued && (
        <Alert
          type="info"
          showIcon
          title="还没有为任何单位签发单位配置包：只有签发过配置包的单位生成的报送包才能接收，请先在下面签发。"
        />
      )}
      <Spin
        spinning={!!working}
        tip={working === 'merge' ? '正在备份并合并，请稍候…' : '正在检查报送包（签名、单位和每条记录）…'}
      >
        <div data-testid="exchange-receive-upload">
          <Upload.Dragger
            accept=".json"
            showUploadList={false}
            disabled={!!working}
            beforeUpload={(f) => {
              void choose(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {file
                ? `已选择：${file.fileName}（点击或拖入可更换）`
                : '点击或把下级单位的报送包（.json）拖到这里'}
            </p>
            <p className="ant-upload-hint">先检查、列出将要新增和更新的记录，确认后才合并到本机台账。</p>
          </Upload.Dragger>
        </div>
      </Spin>
      {(error || report) && (
        <div ref={outcome} style={{ display: 'flex', flexDirection: 'column', gap: 12, scrollMargin: 16 }}>
          {error && <ProblemList error={error} onClose={() => setError(null)} />}
          {report && (
            <Card size="small" title="检查结果（尚未合并）">
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                <MergeReportView report={report} fileName={file?.fileName} />
                {nothingToDo && (
                  <Alert
                    type="success"
                    showIcon
                    title="报送包中的记录本机都已有，且没有新的修改：无需合并。"
                    data-testid="exchange-nothing"
                  />
                )}
                {conflicts > 0 && (
                  <div data-testid="exchange-choice">
                    <Typography.Text strong id="exchange-choice-label" style={{ display: 'block' }}>
                      这 {conflicts} 条记录以哪一方为准？
                    </Typography.Text>
                    <Radio.Group
                      aria-labelledby="exchange-choice-label"
                      value={side}
                      onChange={(e) => setSide(e.target.value as Side)}
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
                    loading={working === 'merge'}
                    onClick={() => void merge()}
                    data-testid="exchange-merge"
                  >
                    {nothingToDo ? '无需合并' : '确认合并'}
                  </Button>
                  <Button onClick={reset} disabled={!!working}>
                    取消
                  </Button>
                  {conflicts > 0 && !side && (
                    <Typography.Text type="secondary">请先选择冲突记录以哪一方为准。</Typography.Text>
                  )}
                </Space>
              </Space>
            </Card>
          )}
        </div>
      )}
    </Space>
  );
}
