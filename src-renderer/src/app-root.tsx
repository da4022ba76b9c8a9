// The full app, loaded by main.tsx once the first frame is on screen: Chinese locale for antd and dayjs, the antd
// App context (message, modal), then the app, rendered into the root the first frame used. antd's styles come from
// its prebuilt stylesheet (zeroRuntime): computing every component's CSS in the page at first render was a good part
// of the time to a usable dashboard; the theme's tokens still apply, as CSS variables.
import { App as AntApp, ConfigProvider } from 'antd';
import 'antd/dist/antd.css';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import type { Root } from 'react-dom/client';
import { App } from './App';

dayjs.locale('zh-cn');

export function renderApp(root: Root): void {
  root.render(
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        theme={{
          zeroRuntime: true,
          token: { borderRadius: 4, fontSize: 14, fontFamily: 'var(--cd-font)' },
        }}
        button={{ autoInsertSpace: false }}
      >
        <AntApp style={{ height: '100%' }}>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
