// Bundles the two plain-Node programs with esbuild: the CLI (out/node/cli.js) and web mode (out/node/web.js), so
// they run as JavaScript with no TypeScript loader. Code splitting keeps start-up light: the app (store, services,
// zod…) sits in chunks a command imports only when it runs, so `campaign-desk --help` loads commander and the
// command list; docx and exceljs load only when a Word or Excel channel is first called. Runs by itself on
// `npm ci` (the `prepare` script), on `npm run build`, and on demand from bin/campaign-desk.js and scripts/web.mjs
// when a source file is newer than the build.
//
//   node scripts/build-node.mjs [--outdir DIR] [--if-available]
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NODE_OUT = path.join(ROOT, 'out/node');
export const ENTRIES = { cli: 'src-main/doors/cli/run.ts', web: 'src-main/doors/http/main.ts' };

function newestMtime(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const name of readdirSync(p)) t = Math.max(t, newestMtime(path.join(p, name)));
  return t;
}

/** True when an entry is missing or any source (code, this script, the installed packages) is newer than it. */
export function nodeBuildIsStale(outdir = NODE_OUT) {
  const built = Math.min(
    ...Object.keys(ENTRIES).map((name) => {
      const file = path.join(outdir, `${name}.js`);
      return existsSync(file) ? statSync(file).mtimeMs : 0;
    }),
  );
  if (!built) return true;
  const sources = [
    path.join(ROOT, 'src-main'),
    path.join(ROOT, 'package.json'),
    path.join(ROOT, 'node_modules/.package-lock.json'),
    fileURLToPath(import.meta.url),
  ];
  return sources.some((s) => newestMtime(s) > built);
}

/**
 * esbuild's options for the two programs. Code splitting keeps start-up light: what a program imports with
 * import() (Word, Excel, the monthly package: see src-main/app/lazy-handlers.ts) lands in chunks loaded on first use.
 */
export function nodeBuildOptions(outdir = NODE_OUT) {
  return {
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir,
    entryNames: '[name]',
    // Chunks sit beside the entries: the app finds its package.json two folders up (create-app.ts), as in src-main/app.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    // Bundled CommonJS dependencies (exceljs, docx, jszip) still call require(): give each file one.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  };
}

/**
 * Builds into `outdir`. Safe when several processes build at once (tests spawn many CLIs): chunks have content
 * hashes and are written before the entries, and each entry is renamed into place, so a reader sees either the
 * old program or the new one, never half of one.
 */
export async function buildNode({ outdir = NODE_OUT, clean = false } = {}) {
  const { build } = await import('esbuild');
  const started = new Date();
  const result = await build(nodeBuildOptions(outdir));
  const entryPaths = new Set(Object.keys(ENTRIES).map((n) => path.join(outdir, `${n}.js`)));
  const chunks = result.outputFiles.filter((f) => !entryPaths.has(f.path));
  const entries = result.outputFiles.filter((f) => entryPaths.has(f.path));
  for (const f of chunks) {
    if (existsSync(f.path)) continue; // same name, same content hash
    mkdirSync(path.dirname(f.path), { recursive: true });
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    renameSync(tmp, f.path);
  }
  for (const f of entries) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents);
    // Stamped with the start of the build: a source saved while esbuild ran still counts as newer.
    utimesSync(tmp, started, started);
    renameSync(tmp, f.path);
  }
  if (clean) {
    // Chunks of earlier builds (content-hashed names) and the old chunks/ folder.
    const keep = new Set(result.outputFiles.map((f) => f.path));
    rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });
    for (const name of readdirSync(outdir)) {
      const p = path.join(outdir, name);
      if (name.endsWith('.js') && !keep.has(p)) rmSync(p, { force: true });
    }
  }
  return result.outputFiles.map((f) => path.relative(outdir, f.path));
}

/** Rebuilds when stale; used before running a program from a source checkout. */
export async function ensureNodeBuild() {
  if (!nodeBuildIsStale()) return false;
  await buildNode();
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--outdir');
  const outdir = at >= 0 ? path.resolve(args[at + 1]) : NODE_OUT;
  try {
    await import('esbuild');
  } catch {
    // `npm ci --omit=dev` has no esbuild: a prebuilt out/node (if any) is used as it is.
    if (args.includes('--if-available')) process.exit(0);
    throw new Error('需要 esbuild（开发依赖）才能构建：请先运行 npm ci');
  }
  const files = await buildNode({ outdir, clean: true });
  const entries = Object.keys(ENTRIES).map((n) => `${n}.js`);
  const shown = path.relative(ROOT, outdir) || outdir;
  const chunkCount = files.filter((f) => !entries.includes(f)).length;
  console.log(`已构建 ${shown}：${entries.join('、')}（另有 ${chunkCount} 个按需加载的分块）`);
}
