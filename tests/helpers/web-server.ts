// Starts the real app in web mode in-process for e2e tests: a real store in the given data directory, the real
// router, the loopback HTTP door serving the built renderer (run `vite build` first; `npm run test:e2e` does), or
// `staticDir` (the renderer bench serves a copy with a blank page beside it).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src-main/app/create-app';
import { startWebServer as startDoor } from '../../src-main/doors/http/web-server';
import { silentLogger } from '../../src-main/app/logger';

const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));

export type WebServer = Awaited<ReturnType<typeof startWebServer>>;

export async function startWebServer(opts: {
  dataDir: string;
  demo?: boolean;
  now?: () => Date;
  staticDir?: string;
}) {
  const staticDir = opts.staticDir ?? RENDERER_DIR;
  if (!existsSync(`${staticDir}/index.html`)) throw new Error('界面尚未构建：请先运行 npx vite build');
  // Packages a test makes go inside its own data directory, never into the documents folder of whoever runs it.
  const app = await createApp({
    dataDir: opts.dataDir,
    owner: 'test',
    logger: silentLogger,
    now: opts.now,
    documentsDir: join(opts.dataDir, 'documents'),
  });
  if (opts.demo) {
    const r = await app.call(
      'demo:load',
      { replace: true },
      { door: 'internal', user: null, sessionId: 'e2e' },
    );
    if (!r.ok) throw new Error(r.error.message);
  }
  const door = await startDoor({
    call: app.call,
    staticDir,
    contextFor: (session, fallback) => app.security.sessions.contextFor('http', session, fallback),
  });
  return {
    url: door.url,
    token: door.token,
    port: door.port,
    app,
    async close() {
      await door.close();
      await app.close();
    },
  };
}
