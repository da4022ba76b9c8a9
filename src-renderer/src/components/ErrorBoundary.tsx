// The last line under every screen: a render error or a screen whose code could not be loaded shows a designed
// state with 重试, never a blank window. A failed code chunk means the local service stopped or restarted (React
// caches a failed lazy import, so 重试 reloads the page); any other error offers to draw the screen again.
import { Alert, Button, Result, Space } from 'antd';
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { isChunkLoadError, useConnection } from '../api/connection';
import { ConnectionLostAlert } from './ConnectionBanner';

/**
 * A screen whose code did not load. While the banner at the top already says the service is gone (and offers 重试
 * there), this only says what is missing; otherwise (or once the service answers again) it is the banner itself,
 * in the screen's place, whose 重试 loads the page afresh.
 */
function ChunkFailed() {
  const { lost } = useConnection();
  if (lost === 'service')
    return (
      <Alert
        type="warning"
        showIcon
        title="这个页面没有载入。请先点上方的“重试”恢复连接。"
        data-testid="screen-not-loaded"
      />
    );
  return <ConnectionLostAlert lost="chunk" />;
}

interface Props {
  children: ReactNode;
}

interface State {
  error: unknown;
  chunk: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, chunk: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, chunk: isChunkLoadError(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // For whoever opens the developer tools; the person sees the designed state below.
    console.warn('界面出错', error, info.componentStack);
  }

  private retry = () => this.setState({ error: null, chunk: false });

  override render() {
    if (!this.state.error) return this.props.children;
    if (this.state.chunk) {
      return (
        <div data-testid="error-boundary">
          <ChunkFailed />
        </div>
      );
    }
    return (
      <Result
        status="error"
        title="界面出现错误"
        subTitle="这个页面没能显示出来。已保存的数据都在本机磁盘上，没有丢失。请点“重试”；如仍出错，请重新载入。"
        data-testid="error-boundary"
        extra={
          <Space>
            <Button type="primary" onClick={this.retry}>
              重试
            </Button>
            <Button
              onClick={() => {
                window.location.hash = '#/';
                window.location.reload();
              }}
            >
              重新载入，回到首页
            </Button>
          </Space>
        }
      />
    );
  }
}
