// Renders its children only once the screen has painted: the first frame shows what matters at a glance (the key
// numbers), and the parts whose code comes in its own chunk (tables, charts) start loading after it instead of
// holding the browser's main thread while the first frame waits.
import { Suspense, useEffect, useState } from 'react';
import type { ReactNode } from 'react';

const HIDDEN_WAIT_MS = 500;

export function AfterFirstPaint({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // A frame, then a task: the callback runs after that frame is on screen. A hidden window or tab gets no frames
    // (Electron's before it is shown, a background tab): the timer lets the parts load there all the same.
    let timer = 0;
    const done = () => setPainted(true);
    const frame = requestAnimationFrame(() => {
      clearTimeout(timer);
      timer = window.setTimeout(done, 0);
    });
    timer = window.setTimeout(done, HIDDEN_WAIT_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
