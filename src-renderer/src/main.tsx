// Renderer entry: Chinese locale for antd and dayjs, the antd App context (message, modal), then the app. A code
// chunk that fails to load outside any screen (no error boundary to catch it) raises the connection banner too;
// a screen's own chunk is reported in the screen's place by its boundary. antd's styles come from its prebuilt
// stylesheet (zeroRuntime): computing every component's CSS in the page at first render was a good part of the
// time to a usable dashboard; the theme's tokens still apply, as CSS variables.
import { App as AntApp, ConfigProvider } from 'antd';
import 'antd/dist/antd.css';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectionLost, isChunkLoadError } from './api/connection';

dayjs.locale('zh-cn');

window.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  if (isChunkLoadError(e.reason)) connectionLost('chunk');
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        theme={{ zeroRuntime: true, token: { borderRadius: 4, fontSize: 14 } }}
        button={{ autoInsertSpace: false }}
      >
        <AntApp style={{ height: '100%' }}>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
