// Renders its children only once the screen has painted: the first frame shows what matters at a glance (the key
// numbers), and the parts whose code comes in its own chunk (tables, charts) start loading after it instead of
// holding the browser's main thread while the first frame waits.
import { Suspense, useEffect, useState } from 'react';
import type { ReactNode } from 'react';

export function AfterFirstPaint({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    // A frame, then a task: the callback runs after that frame is on screen.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
