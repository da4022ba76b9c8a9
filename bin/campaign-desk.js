#!/usr/bin/env node
// The campaign-desk command line: checks, backups, demo data, indicators and exports on a data directory.
// Runs the compiled CLI (out/node/cli.js, built on `npm ci` by the `prepare` script). In a source checkout it is
// rebuilt first when a source file is newer than the build (esbuild, about half a second), so an edit is never
// run stale; a copy without sources just runs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out/node/cli.js');

if (existsSync(path.join(root, 'src-main')) && existsSync(path.join(root, 'node_modules/esbuild'))) {
  const { ensureNodeBuild } = await import('../scripts/build-node.mjs');
  await ensureNodeBuild();
} else if (!existsSync(cli)) {
  console.error(
    '未找到已构建的命令行程序 out/node/cli.js：请在项目目录运行 npm ci（或 npm run build:node）。',
  );
  process.exit(1);
}
await import(pathToFileURL(cli).href);
