// Bundles the Electron main process (ESM, entry src-main/electron/entry.ts: the desktop app, or the CLI with
// --cli) and the preload (one CommonJS file: a sandboxed preload cannot import ESM) with esbuild. The renderer is
// built separately by Vite; the plain-Node CLI and web mode by scripts/build-node.mjs.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron'],
};

export const MAIN_BUILD = {
  ...common,
  entryPoints: { main: 'src-main/electron/entry.ts' },
  outdir: 'out/main',
  format: 'esm',
  // Bundled CommonJS dependencies (exceljs, docx) still call require(): give them one.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
};

/** The preload lists channel names only (shared/contract/channel-names.ts): a few KB, no zod, no schemas. */
export const PRELOAD_BUILD = {
  ...common,
  entryPoints: { preload: 'src-main/electron/preload.ts' },
  outdir: 'out/preload',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'browser',
};

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await build(MAIN_BUILD);
  await build(PRELOAD_BUILD);
  console.log('已构建 out/main/main.js 与 out/preload/preload.cjs');
}
