// 设置 → 数据与备份 (administrator): where the data lives; 立即备份, to another place too (the desktop: a folder such
// as a USB drive, chosen in the system dialog; web mode: a download the browser saves where the user says); the
// automatic backups with time and size; 恢复 from one of them or from a file (checked whole first, then confirmed
// with what would change); and 检查数据.
import {
  CloudUploadOutlined,
  DatabaseOutlined,
  DownloadOutlined,
  FolderOpenOutlined,
  HistoryOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { BackupInfo, RestorePreview, VerifyReport } from '../../../../src-main/shared/contract';
import type { AppError, Result } from '../../../../src-main/shared/result';
import { call, isDesktop } from '../../api/client';
import { readFileBase64, saveGeneratedFile } from '../../api/files';
import { useAppData } from '../../hooks/useAppData';
import { useChannel } from '../../hooks/useChannel';
import { formatBytes, formatStamp } from '../../lib/format';
import { OutcomeView, type Outcome } from './DataOutcome';
import { RestoreConfirm } from './RestoreConfirm';
import { VerifyCard } from './VerifyCard';

/** The web door takes at most 80 MB a request; base64 makes a file a third bigger. */
const MAX_UPLOAD_BYTES = 55 * 1024 * 1024;

export function DataSection() {
  const { message } = App.useApp();
  const { refreshInfo } = useAppData();
  const desktop = isDesktop();
  const list = useChannel('store:backups', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [checked, setChecked] = useState<VerifyReport | null>(null);
  /** Bumped by a restore: the findings of a check made before it describe data that is no longer there. */
  const [dataEpoch, setDataEpoch] = useState(0);

  const fail = (title: string, error: AppError) => setOutcome({ kind: 'error', title, error });

  /** Runs one action with its button spinning; the answer's failure goes into the outcome panel. */
  async function act<T>(key: string, title: string, run: () => Promise<Result<T>>): Promise<T | null> {
    setBusy(key);
    setOutcome(null);
    const r = await run();
    setBusy(null);
    if (r.ok) return r.data;
    fail(title, r.error);
    return null;
  }

  const backupNow = async () => {
    const r = await act('now', '备份没有完成', () => call('store:backup', {}));
    if (!r) return;
    setOutcome({ kind: 'backup', result: r });
    list.refresh();
  };

  const backupElsewhere = async () => {
    if (desktop) {
      const chosen = await act('elsewhere', '无法选择文件夹', () =>
        call('store:choosePath', { purpose: 'backupFolder' }),
      );
      if (!chosen?.path) return;
      const folder = chosen.path;
      const r = await act('elsewhere', '备份没有完成', () => call('store:backup', { folder }));
      if (r) setOutcome({ kind: 'backup', result: r });
      return;
    }
    const r = await act('elsewhere', '备份没有完成', () => call('store:download', {}));
    if (!r) return;
    const saved = await saveGeneratedFile({ fileName: r.fileName, dataBase64: r.dataBase64 });
    if (!saved.ok) return fail('备份文件没有保存', saved.error);
    setOutcome({ kind: 'download', fileName: r.fileName });
    list.refresh();
  };

  const download = async (b: BackupInfo) => {
    const r = await act(`dl:${b.file}`, '备份文件没有下载', () => call('store:download', { file: b.file }));
    if (!r) return;
    const saved = await saveGeneratedFile({ fileName: r.fileName, dataBase64: r.dataBase64 });
    if (!saved.ok) return fail('备份文件没有保存', saved.error);
    setOutcome({ kind: 'download', fileName: r.fileName });
  };

  /** The full check before the confirm dialog; a backup that would not restore is told here, nothing replaced. */
  const inspect = async (key: string, run: () => Promise<Result<RestorePreview>>) => {
    const hide = message.loading('正在完整检查备份…', 0);
    const r = await act(key, '不能用这个备份恢复', run);
    hide();
    if (r) setPreview(r);
    list.refresh(); // a backup found damaged is flagged in the list from now on
  };

  const restoreFromFile = async () => {
    const chosen = await act('file', '无法选择文件', () =>
      call('store:choosePath', { purpose: 'restoreFile' }),
    );
    if (!chosen?.path) return;
    const file = chosen.path;
    await inspect('file', () => call('store:inspect', { file }));
  };

  const upload = async (f: File) => {
    if (f.size > MAX_UPLOAD_BYTES) {
      fail('不能用这个文件恢复', {
        code: 'bad_file',
        message: `“${f.name}”有 ${formatBytes(f.size)}，超过网页版能上传的大小；请在桌面版中用「从文件恢复」。`,
      });
      return;
    }
    const dataBase64 = await readFileBase64(f);
    await inspect('file', () => call('store:upload', { fileName: f.name, dataBase64 }));
  };

  const confirmRestore = async () => {
    if (!preview) return;
    setRestoring(true);
    const r = await call('store:restore', { file: preview.file });
    setRestoring(false);
    setPreview(null);
    if (!r.ok) fail('没有恢复', r.error);
    else {
      setOutcome({ kind: 'restored', result: r.data });
      setDataEpoch((n) => n + 1);
    }
    list.refresh();
    refreshInfo(); // the banner tells everyone what was restored; with accounts, sign-in comes back
  };

  const checkedOk = new Set(checked?.backups.filter((b) => b.ok).map((b) => b.file));
  const info = list.data;

  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%', paddingTop: 4 }}
      data-testid="data-section"
    >
      <Card
        size="small"
        title={
          <Space>
            <DatabaseOutlined />
            数据位置
          </Space>
        }
      >
        <Descriptions size="small" column={1} styles={{ label: { width: 140 } }}>
          <Descriptions.Item label="数据目录">
            <Typography.Text copyable data-testid="data-dir">
              {info?.dataDir ?? '…'}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="自动备份文件夹">
            <Typography.Text copyable>{info?.backupDir ?? '…'}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="何时自动备份">
            每天第一次打开或当天第一次修改数据之后、数据格式升级前、导入和恢复前；保留最近 {info?.keep ?? 30}{' '}
            份。
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card
        size="small"
        title={
          <Space>
            <HistoryOutlined />
            备份与恢复
          </Space>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space wrap>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={busy === 'now'}
              onClick={() => void backupNow()}
              data-testid="backup-now"
            >
              立即备份
            </Button>
            <Button
              icon={desktop ? <FolderOpenOutlined /> : <DownloadOutlined />}
              loading={busy === 'elsewhere'}
              onClick={() => void backupElsewhere()}
              data-testid="backup-elsewhere"
            >
              {desktop ? '备份到其他位置（如 U 盘）…' : '下载备份文件'}
            </Button>
            {desktop ? (
              <Button
                icon={<UploadOutlined />}
                loading={busy === 'file'}
                onClick={() => void restoreFromFile()}
                data-testid="restore-from-file"
              >
                从文件恢复…
              </Button>
            ) : (
              <Upload accept=".json" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
                <Button icon={<UploadOutlined />} loading={busy === 'file'} data-testid="restore-from-file">
                  从文件恢复…
                </Button>
              </Upload>
            )}
          </Space>
          {outcome && <OutcomeView outcome={outcome} onClose={() => setOutcome(null)} />}
          {list.error && !info && (
            <Alert type="error" showIcon title={`备份列表读取失败：${list.error.message}`} />
          )}
          <Typography.Text strong>
            自动备份（最近 {info?.backups.length ?? 0} 份，最新的在前）
          </Typography.Text>
          <Table<BackupInfo>
            size="small"
            rowKey="file"
            loading={list.loading && !info}
            dataSource={info?.backups ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: '还没有备份：修改数据后会自动备份，也可以点「立即备份」。' }}
            data-testid="backup-list"
            columns={[
              { title: '备份时间', width: 150, render: (_, b) => formatStamp(b.createdAt) },
              { title: '原因', dataIndex: 'reason', ellipsis: true },
              { title: '大小', width: 90, align: 'right', render: (_, b) => formatBytes(b.size) },
              {
                title: '状态',
                width: 120,
                render: (_, b) =>
                  b.problem ? (
                    <Tooltip title={b.problem}>
                      <Tag color="error">已损坏</Tag>
                    </Tooltip>
                  ) : checkedOk.has(b.file) ? (
                    <Tag color="success">已检查，完好</Tag>
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ),
              },
              {
                title: '操作',
                width: desktop ? 90 : 150,
                render: (_, b) => (
                  <Space>
                    <Button
                      size="small"
                      danger
                      disabled={!!b.problem}
                      loading={busy === `inspect:${b.file}`}
                      onClick={() =>
                        void inspect(`inspect:${b.file}`, () => call('store:inspect', { file: b.file }))
                      }
                    >
                      恢复…
                    </Button>
                    {!desktop && (
                      <Button
                        size="small"
                        disabled={!!b.problem}
                        loading={busy === `dl:${b.file}`}
                        onClick={() => void download(b)}
                      >
                        下载
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      </Card>

      <VerifyCard
        key={dataEpoch}
        onChecked={(r) => {
          setChecked(r);
          list.refresh();
        }}
      />

      <RestoreConfirm
        preview={preview}
        restoring={restoring}
        onConfirm={() => void confirmRestore()}
        onCancel={() => setPreview(null)}
      />
    </Space>
  );
}
