// Renderer entry: Chinese locale for antd and dayjs, the antd App context (message, modal), then the app. A code
// chunk that fails to load outside any screen (no error boundary to catch it) raises the connection banner too;
// a screen's own chunk is reported in the screen's place by its boundary. antd's styles come from its prebuilt
// stylesheet (zeroRuntime): computing every component's CSS in the page at first render was a good part of the
// time to a usable dashboard; the theme's tokens still apply, as CSS variables.
// First: boot.ts starts the first screen's calls before the rest of the script (antd, the screens) is evaluated.
import { bootCalls } from './boot';
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

/**
 * The app is drawn once the first screen's data is in (index.html's 正在启动 line shows meanwhile): drawing the
 * loading state first and the screen a moment later cost a whole extra render of the shell. A slow service waits
 * no longer than this, and the screens show their own loading state.
 */
const BOOT_WAIT_MS = 1000;

const root = document.getElementById('root');
if (root) {
  // Not a top-level await: that makes the bundler split the entry into a waterfall of small chunks.
  void Promise.race([bootCalls, new Promise((r) => setTimeout(r, BOOT_WAIT_MS))]).then(() =>
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
    ),
  );
}
