// Renders its children only once the screen has painted: the first frame shows what matters at a glance (the key
// numbers), and the parts whose code comes in its own chunk (tables, charts) start loading after it instead of
// holding the browser's main thread while the first frame waits.
import { Suspense, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { afterPaint } from '../lib/afterPaint';

export function AfterFirstPaint({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterPaint(() => setPainted(true)), []);
  return painted ? <Suspense fallback={fallback}>{children}</Suspense> : fallback;
}
