// `npm run web`: builds the renderer (Vite) and the compiled web mode (out/node/web.js, esbuild) when missing or
// older than their sources, then runs web mode (the same app, served on 127.0.0.1 only) in this same process.
// Arguments pass through: --data-dir DIR --port N --demo.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureNodeBuild, NODE_OUT } from './build-node.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out/renderer/index.html');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The program running now (the renderer build, then web mode): Ctrl+C or SIGTERM is passed on to it. */
let current = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => (current ? current.kill(sig) : process.exit(1)));
}
const run = (args) =>
  new Promise((resolve) => {
    current = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    current.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const stale =
  !existsSync(built) ||
  statSync(built).mtimeMs <
    Math.max(newest(path.join(root, 'src-renderer')), newest(path.join(root, 'src-main/shared')));
if (stale) {
  console.error('正在构建界面（首次运行或界面代码有更新）…');
  const code = await run([path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error']);
  if (code !== 0) process.exit(code);
}

await ensureNodeBuild();
// Web mode runs in this process (a second node process cost a third of the time to the first answer). Its own
// Ctrl+C handling closes the store; the forwarding above must not exit first.
for (const sig of ['SIGINT', 'SIGTERM']) process.removeAllListeners(sig);
await import(pathToFileURL(path.join(NODE_OUT, 'web.js')).href);
