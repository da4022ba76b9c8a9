// Web mode entry: `npm run web -- [--data-dir DIR] [--port N] [--demo]`, run as out/node/web.js (compiled by
// scripts/build-node.mjs). Prints exactly one line with the address to open; everything else goes to stderr.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../../app/create-app';
import { createFileLogger } from '../../app/logger';
import { describeStartupError } from '../../store/errors';
import { defaultDataDir, resolveDataDir } from '../../store/data-dir';
import { startWebServer } from './web-server';

/** out/renderer of the project this file belongs to: run from out/node/web.js or from its source alike. */
function rendererDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'out/renderer');
}

/** `--demo` alone: a sibling of the real data folder, so looking at the demo never touches the office's data. */
function demoDataDir(): string {
  const real = defaultDataDir();
  return path.join(path.dirname(real), `${path.basename(real)}-演示`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const explicitDir = values['data-dir'] ?? process.env.CAMPAIGN_DESK_DATA_DIR;
  // `--demo` alone uses a folder of its own, so looking at the demo never touches the office's real data.
  const dataDir = path.resolve(
    explicitDir ?? (values.demo ? demoDataDir() : resolveDataDir({ argv: [], env: process.env })),
  );
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口号无效：${values.port}`);

  const logger = createFileLogger(dataDir);
  const app = await createApp({ dataDir, owner: 'web', logger });
  if (values.demo) {
    // Counts alone (limit 0): whether the directory holds meetings, without reading them all out.
    const empty = (await app.call('ledgers:query', { ledger: 'meetings', limit: 0 }, internalCtx)) as {
      ok: boolean;
      data?: { count: number };
    };
    if (!explicitDir || (empty.ok && empty.data?.count === 0)) {
      const r = await app.call('demo:load', { replace: true }, internalCtx);
      if (!r.ok) throw new Error(r.error.message);
      process.stderr.write(`已载入演示数据（${(r.data as { records: number }).records} 条记录）。\n`);
    } else {
      process.stderr.write('该数据目录已有数据，未载入演示数据（避免覆盖）。\n');
    }
  }
  const server = await startWebServer({
    call: app.call,
    staticDir: rendererDir(),
    port,
    logger,
    contextFor: (session, fallback) => app.security.sessions.contextFor('http', session, fallback),
  });
  process.stderr.write(`数据目录：${dataDir}\n按 Ctrl+C 停止。\n`);
  process.stdout.write(`${server.url}\n`);

  const stop = async () => {
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

const internalCtx = { door: 'internal' as const, user: null, sessionId: 'web-startup' };

main().catch((e: unknown) => {
  process.stderr.write(`${describeStartupError(e)}\n`);
  process.exit(1);
});
