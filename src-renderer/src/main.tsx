// Renderer entry, kept tiny: it starts the first calls (boot.ts) and asks for React and the first frame (start.tsx)
// at the same moment, so the calls' round trips overlap the loading and evaluation of React instead of waiting for
// it. The shell's stylesheet is here so that it is in the page's head. A code chunk that fails to load outside any
// screen (no error boundary to catch it) raises the connection banner; a screen's own chunk is reported in the
// screen's place by its boundary; the app's own chunk, in place of everything (start.tsx).
import { bootCalls } from './boot';
import './layout/shell.css';
import { connectionLost, isChunkLoadError } from './api/connection';

window.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
  if (isChunkLoadError(e.reason)) connectionLost('chunk');
});

/**
 * The first frame waits for the first answers (index.html's 正在启动 line shows meanwhile), no longer than this: a
 * slow service gets the app, whose screens show their own loading state.
 */
const BOOT_WAIT_MS = 1000;

const rootElement = document.getElementById('root');
if (rootElement) {
  const answers = Promise.race([bootCalls, new Promise<undefined>((r) => setTimeout(r, BOOT_WAIT_MS))]);
  // Not a top-level await: that makes the bundler split the entry into a waterfall of small chunks.
  Promise.all([import('./start'), answers]).then(
    ([m, a]) => m.start(rootElement, a),
    () => {
      // Not even React could be loaded (the service stopped a moment after serving the page): plain text, no script.
      rootElement.textContent = '工作台界面未能载入：程序文件未能读取，或本机服务已停止。请重新启动工作台。';
    },
  );
}
