// Web mode entry: `npm run web -- [--data-dir DIR] [--port N] [--demo]`. Prints exactly one line with the
// address to open; everything else goes to stderr.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../../app/create-app';
import { createFileLogger } from '../../app/logger';
import { defaultDataDir, resolveDataDir, StoreLockedError } from '../../store';
import { startWebServer } from './web-server';

const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

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
    explicitDir ??
      (values.demo ? path.join(defaultDataDir(), 'demo') : resolveDataDir({ argv: [], env: process.env })),
  );
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口号无效：${values.port}`);

  const logger = createFileLogger(dataDir);
  const app = await createApp({ dataDir, owner: 'web', logger });
  if (values.demo) {
    const empty = (await app.call('ledgers:list', { ledger: 'meetings' }, internalCtx)) as {
      ok: boolean;
      data?: { records: unknown[] };
    };
    if (!explicitDir || (empty.ok && empty.data?.records.length === 0)) {
      const r = await app.call('demo:load', { replace: true }, internalCtx);
      if (!r.ok) throw new Error(r.error.message);
      process.stderr.write(`已载入演示数据（${(r.data as { records: number }).records} 条记录）。\n`);
    } else {
      process.stderr.write('该数据目录已有数据，未载入演示数据（避免覆盖）。\n');
    }
  }
  const server = await startWebServer({
    call: app.call,
    staticDir: RENDERER_DIR,
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
  if (e instanceof StoreLockedError) process.stderr.write(`${e.message}\n`);
  else process.stderr.write(`启动失败：${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
