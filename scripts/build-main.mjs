// Bundles the Electron main process (ESM, entry src-main/electron/entry.ts: the desktop app, or the CLI with
// --cli) and the preload (one CommonJS file: a sandboxed preload cannot import ESM) with esbuild. The renderer is
// built separately by Vite; the plain-Node CLI and web mode by scripts/build-node.mjs.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron'],
};

await build({
  ...common,
  entryPoints: { main: 'src-main/electron/entry.ts' },
  outdir: 'out/main',
  format: 'esm',
  // Bundled CommonJS dependencies (exceljs, docx) still call require(): give them one.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});

await build({
  ...common,
  entryPoints: { preload: 'src-main/electron/preload.ts' },
  outdir: 'out/preload',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  platform: 'browser',
});
console.log('已构建 out/main/main.js 与 out/preload/preload.cjs');
