// The last step before 恢复: the backup has been checked whole; this shows what it is, what the restore would change
// (per ledger: now → after) and what to know, and restores only on 确认恢复. Also the result panel after it.
import { Alert, Button, Descriptions, Modal, Table, Typography } from 'antd';
import type { DataChange, RestorePreview, RestoreResult } from '../../../../src-main/shared/contract';
import { formatBytes, formatStamp } from '../../lib/format';

const count = (n: number | null) => (n === null ? '—' : n);

function ChangesTable({ changes }: { changes: DataChange[] }) {
  if (!changes.length) {
    return <Typography.Text type="secondary">台账、设置和账户都与现在相同。</Typography.Text>;
  }
  return (
    <Table<DataChange>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={changes}
      data-testid="restore-changes"
      columns={[
        { title: '数据', dataIndex: 'label', width: 120 },
        { title: '现有', width: 70, align: 'right', render: (_, c) => count(c.current) },
        { title: '恢复后', width: 70, align: 'right', render: (_, c) => count(c.incoming) },
        {
          title: '说明',
          render: (_, c) =>
            c.current === null
              ? '恢复为备份时的内容'
              : [
                  c.added ? `找回 ${c.added}` : '',
                  c.removed ? `去掉 ${c.removed}（备份中没有）` : '',
                  c.changed ? `${c.changed} 回到备份时的内容` : '',
                ]
                  .filter(Boolean)
                  .join('，'),
        },
      ]}
    />
  );
}

interface ConfirmProps {
  preview: RestorePreview | null;
  restoring: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function RestoreConfirm({ preview, restoring, onConfirm, onCancel }: ConfirmProps) {
  return (
    <Modal
      open={!!preview}
      title="恢复备份前请确认"
      width={720}
      onCancel={restoring ? undefined : onCancel}
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onCancel} disabled={restoring}>
          取消
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger
          loading={restoring}
          onClick={onConfirm}
          data-testid="restore-confirm-ok"
        >
          确认恢复
        </Button>,
      ]}
      destroyOnHidden
    >
      {preview && (
        <div data-testid="restore-confirm">
          <Alert type="success" showIcon title="已完整检查该备份：能够恢复。" style={{ marginBottom: 12 }} />
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="备份时间">{formatStamp(preview.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="原因">{preview.reason || '—'}</Descriptions.Item>
            <Descriptions.Item label="文件" span={2}>
              <Typography.Text style={{ wordBreak: 'break-all' }}>{preview.fileName}</Typography.Text>（
              {formatBytes(preview.size)}）
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            恢复后的变化
          </Typography.Title>
          <ChangesTable changes={preview.changes} />
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title="请注意"
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            }
            data-testid="restore-warnings"
          />
        </div>
      )}
    </Modal>
  );
}

/** After a restore: where the data came from, what changed, where the data before it went. */
export function RestoreDone({ result, onClose }: { result: RestoreResult; onClose: () => void }) {
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose }}
      title={result.message}
      data-testid="restore-result"
      description={
        <>
          {result.changes.length ? (
            <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
              {result.changes.map((c) => (
                <li key={c.key}>{c.text}</li>
              ))}
            </ul>
          ) : (
            <div>台账、设置和账户都与恢复前相同。</div>
          )}
          {result.signedOut && <div>所有账户的登录已结束，请重新登录。</div>}
        </>
      }
    />
  );
}
