// Web mode: the service was restarted and printed a new address; this page's token is no longer accepted. Says
// what to do in plain Chinese (no error code): open the new address from the terminal. Nothing is lost.
import { Result, Typography } from 'antd';

export const STALE_TOKEN_TITLE = '访问地址已失效';

export function StaleTokenPage() {
  return (
    <Result
      status="warning"
      title={STALE_TOKEN_TITLE}
      subTitle="工作台服务已经重新启动（或这是上一次运行时的地址），这个页面的地址不能再使用。"
      data-testid="stale-token"
      extra={
        <div style={{ maxWidth: 560, margin: '0 auto', textAlign: 'left' }}>
          <Typography.Paragraph>
            请到运行工作台的终端（命令行）窗口，找到最新打印的那一行地址（以{' '}
            <Typography.Text code>http://127.0.0.1:</Typography.Text> 开头、带有{' '}
            <Typography.Text code>?token=</Typography.Text>），复制后在浏览器中打开。
          </Typography.Paragraph>
          <Typography.Paragraph>
            如果终端窗口已经关闭，请重新运行 <Typography.Text code>npm run web</Typography.Text>
            ，再打开它打印的地址。
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">数据保存在本机磁盘上，没有丢失。</Typography.Paragraph>
        </div>
      }
    />
  );
}
