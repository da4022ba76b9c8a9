// Shows the recovery code once (after enabling accounts or generating a new one). It cannot be dismissed until the
// administrator ticks that it has been written down: the code is never shown again and nobody can look it up.
import { CopyOutlined, KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { copyText } from '../lib/clipboard';

interface Props {
  code: string;
  /** What the code came from, for the title: 启用账户 or 重新生成. */
  fresh?: 'setup' | 'regenerated';
  onDone: () => void;
}

function half(code: string, which: 0 | 1): string {
  const groups = code.split('-');
  const mid = Math.ceil(groups.length / 2);
  return (which === 0 ? groups.slice(0, mid) : groups.slice(mid)).join('-');
}

export function RecoveryCodeModal({ code, fresh = 'setup', onDone }: Props) {
  const { message } = App.useApp();
  const [saved, setSaved] = useState(false);
  return (
    <Modal
      open
      title={
        <Space>
          <KeyOutlined />
          {fresh === 'setup' ? '账户已启用：请抄写恢复码' : '新的恢复码'}
        </Space>
      }
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      width={560}
      footer={
        <Button type="primary" disabled={!saved} onClick={onDone} data-testid="recovery-done">
          完成
        </Button>
      }
      rootClassName="recovery-modal"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>
          恢复码只显示这一次。所有管理员都忘记密码时，凭它重置管理员密码并继续打开加密的问题线索；丢失后将无法找回线索数据。
        </Typography.Paragraph>
        <div
          style={{
            fontFamily: "'Consolas', 'DejaVu Sans Mono', 'Courier New', monospace",
            fontSize: 24,
            lineHeight: 1.6,
            letterSpacing: 2,
            textAlign: 'center',
            padding: '12px 8px',
            background: '#fffbe6',
            border: '1px dashed #d4b106',
            borderRadius: 4,
            userSelect: 'all',
          }}
          data-testid="recovery-code"
          data-code={code}
        >
          {/* Two lines of four groups: easier to copy by hand than one long line that wraps anywhere. */}
          <div>{half(code, 0)}-</div>
          <div>{half(code, 1)}</div>
        </div>
        <Space>
          <Button
            icon={<CopyOutlined />}
            onClick={() =>
              void copyText(code).then((ok) =>
                ok ? message.success('已复制到剪贴板') : message.error('复制失败，请手工抄写'),
              )
            }
          >
            复制
          </Button>
          <Typography.Text type="secondary">字母不区分大小写，短横线可省略。</Typography.Text>
        </Space>
        <Alert
          type="warning"
          showIcon
          title="请抄写在纸上，与本机分开、妥善保管（例如交机要室存放），不要保存在这台电脑里。"
        />
        <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} autoFocus>
          我已抄写并妥善保存
        </Checkbox>
      </Space>
    </Modal>
  );
}
