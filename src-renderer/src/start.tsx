// Draws the dashboard's first frame from the boot calls' answers with React and the shell's own styles (first-frame/),
// and only then loads the rest of the app (antd and every screen, app-root.tsx), which takes over the same root.
// Evaluating antd and rendering its first screen takes the main thread for a good while; the office sees its numbers
// and menu in the meantime. When the app does not open on the dashboard, the app is loaded at once.
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { opensOnDashboard } from './boot';
import type { BootAnswers } from './boot';
import { AppLoadFailed, FirstFrame, firstFrameOf } from './first-frame/FirstFrame';
import { afterPaint } from './lib/afterPaint';

// Not opening on the dashboard: there is no first frame to draw, so the app's code is fetched now, while the first
// calls are still out (loadApp imports the same module and reports a failure to load it).
if (!opensOnDashboard()) import('./app-root').catch(() => undefined);

function loadApp(root: Root) {
  import('./app-root').then(
    (m) => m.renderApp(root),
    () => root.render(<AppLoadFailed />),
  );
}

export function start(rootElement: HTMLElement, answers: BootAnswers | undefined): void {
  const root = createRoot(rootElement);
  const first = answers && firstFrameOf(answers);
  if (!first) return loadApp(root);
  root.render(<FirstFrame {...first} />);
  afterPaint(() => loadApp(root));
}
