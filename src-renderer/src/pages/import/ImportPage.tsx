// 导入: choose a ledger, get its template, upload a filled file, preview every problem, then commit all or none.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Radio, Result, Select, Space, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ledgerList } from '../../../../src-main/shared/ledgers';
import type { ReturnFor } from '../../../../src-main/shared/contract/returns';
import type { LedgerKey } from '../../../../src-main/shared/ledgers/types';
import type { AppError } from '../../../../src-main/shared/result';
import { readFileBase64 } from '../../api/files';
import type { ImportPreview, ResultOf } from '../../../../src-main/shared/contract';
import { call } from '../../api/client';
import { ProblemList } from '../../components/ProblemList';
import { useAppData } from '../../hooks/useAppData';
import { useFileTask } from '../../hooks/useFileTask';
import { canCreateIn } from '../../lib/permissions';
import { ImportPreviewTable } from './ImportPreviewTable';
import { ImportSummaryView } from './ImportSummaryView';
import { ReturnForPicker } from './ReturnForPicker';

type Upload = { fileName: string; dataBase64: string };

export function ImportPage() {
  const { message } = App.useApp();
  const { viewer, settings } = useAppData();
  // Only ledgers this user may add to (the server checks each row's working group again).
  const ledgers = ledgerList().filter((d) => canCreateIn(viewer, d, settings.groups));
  const [ledger, setLedger] = useState<LedgerKey>(ledgers[0]?.key ?? 'meetings');
  const [file, setFile] = useState<Upload | null>(null);
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip');
  const [returnFor, setReturnFor] = useState<ReturnFor | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<ResultOf<'excel:importCommit'> | null>(null);
  const [working, setWorking] = useState<'preview' | 'commit' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const template = useFileTask();

  const reset = (keepLedger = true) => {
    setFile(null);
    setPreview(null);
    setDone(null);
    setError(null);
    if (!keepLedger) setLedger(ledgers[0]?.key ?? 'meetings');
  };

  const runPreview = async (f: Upload, dup = onDuplicate, asReturn = returnFor) => {
    setWorking('preview');
    setError(null);
    const r = await call('excel:importPreview', {
      ledger,
      ...f,
      onDuplicate: dup,
      ...(asReturn ? { returnFor: asReturn } : {}),
    });
    setWorking(null);
    if (r.ok) setPreview(r.data);
    else setError(r.error);
  };

  const commit = async () => {
    if (!file) return;
    setWorking('commit');
    const r = await call('excel:importCommit', {
      ledger,
      ...file,
      onDuplicate,
      ...(returnFor ? { returnFor } : {}),
    });
    setWorking(null);
    if (r.ok) {
      setDone(r.data);
      void message.success('导入完成');
    } else setError(r.error);
  };

  const errors = preview ? preview.summary.errorCount + preview.missingRequired.length : 0;
  const step = done ? 3 : preview ? 2 : file ? 1 : 0;
  const label = ledgers.find((d) => d.key === ledger)?.label ?? ledger;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        导入
      </Typography.Title>
      <Steps
        current={step}
        items={[{ title: '选择台账' }, { title: '上传文件' }, { title: '检查预览' }, { title: '完成' }]}
      />
      <Card size="small">
        <Space wrap size={12}>
          <span>台账：</span>
          <Select
            style={{ width: 180 }}
            value={ledger}
            onChange={(k: LedgerKey) => {
              setLedger(k);
              setReturnFor(null);
              reset();
            }}
            options={ledgers.map((d) => ({ value: d.key, label: d.label }))}
            data-testid="import-ledger"
          />
          <Button
            icon={<DownloadOutlined />}
            loading={template.busy}
            onClick={() =>
              void template.run(returnFor ? `${label}报送表` : `${label}导入模板`, () =>
                call('excel:importTemplate', { ledger, ...(returnFor ? { returnFor } : {}) }),
              )
            }
          >
            {returnFor ? `下载该单位的${label}报送表` : `下载${label}导入模板`}
          </Button>
          <span>遇到重复记录：</span>
          <Radio.Group
            value={onDuplicate}
            onChange={(e) => {
              const v = e.target.value as 'skip' | 'update';
              setOnDuplicate(v);
              if (file) void runPreview(file, v);
            }}
            options={[
              { value: 'skip', label: '跳过' },
              { value: 'update', label: '更新已有记录' },
            ]}
          />
          <ReturnForPicker
            key={ledger}
            ledger={ledger}
            value={returnFor}
            onChange={(v) => {
              setReturnFor(v);
              if (file) void runPreview(file, onDuplicate, v);
            }}
          />
        </Space>
      </Card>
      {template.error && <ProblemList error={template.error} onClose={template.clearError} />}
      {done ? (
        <Result
          status="success"
          title={`已导入${label}台账`}
          subTitle={`新增 ${done.created} 条，更新 ${done.updated} 条，跳过 ${done.skipped} 条${done.removed ? `，移入回收站 ${done.removed} 条` : ''}。${returnFor ? '已记为该单位的报送，可在“报送情况”中查看。' : ''}`}
          extra={<Button onClick={() => reset()}>继续导入</Button>}
        />
      ) : (
        <Spin spinning={!!working} tip={working === 'commit' ? '正在导入，请稍候…' : '正在读取和检查文件…'}>
          <Upload.Dragger
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              void readFileBase64(f).then((dataBase64) => {
                const u = { fileName: f.name, dataBase64 };
                setFile(u);
                setPreview(null);
                void runPreview(u);
              });
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {file ? `已选择：${file.fileName}（点击或拖入可更换）` : '点击或把 Excel 文件（.xlsx）拖到这里'}
            </p>
            <p className="ant-upload-hint">请使用上面下载的导入模板填写；表头与台账字段一致即可识别。</p>
          </Upload.Dragger>
        </Spin>
      )}
      {error && <ProblemList error={error} onClose={() => setError(null)} />}
      {preview && !done && (
        <Card
          size="small"
          title="检查结果"
          extra={
            <Button
              type="primary"
              disabled={errors > 0 || !!working}
              loading={working === 'commit'}
              onClick={() => void commit()}
            >
              {preview.summary.canCommit ? '确认导入（全部或全不）' : `有 ${errors} 处问题，修正后才能导入`}
            </Button>
          }
        >
          <ImportSummaryView preview={preview} />
          <ImportPreviewTable rows={preview.rows} def={ledgers.find((d) => d.key === ledger)} />
        </Card>
      )}
    </Space>
  );
}
