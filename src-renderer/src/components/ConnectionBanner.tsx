// The banner when the page lost its line to the local service (a call went unanswered, or a screen's code could
// not be loaded): 「与本机服务的连接已断开」 with 重试, above whatever is on screen, never a blank window.
import { DisconnectOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { call } from '../api/client';
import { connectionOk, useConnection } from '../api/connection';

export const CONNECTION_LOST_TITLE = '与本机服务的连接已断开';

/** What 重试 does: code that failed to load needs the page loaded afresh; a silent service is asked again. */
export async function retryConnection(lost: 'service' | 'chunk'): Promise<void> {
  if (lost === 'chunk') {
    window.location.reload();
    return;
  }
  const r = await call('app:info', {});
  if (r.ok) connectionOk();
}

export function ConnectionLostAlert({ lost }: { lost: 'service' | 'chunk' }) {
  const [trying, setTrying] = useState(false);
  return (
    <Alert
      type="error"
      showIcon
      icon={<DisconnectOutlined />}
      banner
      title={CONNECTION_LOST_TITLE}
      description={
        lost === 'chunk'
          ? '这个页面的一部分没有载入（工作台服务可能已停止或重新启动）。已保存的数据都在本机磁盘上，没有丢失。请确认工作台仍在运行，然后点“重试”。'
          : '工作台服务没有响应（可能已停止或正在重新启动）。已保存的数据都在本机磁盘上，没有丢失；刚才的操作如未显示“已保存”，请在恢复后再做一次。'
      }
      action={
        <Button
          type="primary"
          danger
          loading={trying}
          onClick={() => {
            setTrying(true);
            void retryConnection(lost).finally(() => setTrying(false));
          }}
        >
          重试
        </Button>
      }
      data-testid="connection-lost"
    />
  );
}

/** Shown at the top of the window while the service is unreachable. */
export function ConnectionBanner() {
  const { lost } = useConnection();
  if (!lost) return null;
  return (
    <div style={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 2000 }}>
      <ConnectionLostAlert lost={lost} />
    </div>
  );
}
