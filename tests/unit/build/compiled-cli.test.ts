// The CLI and web mode as compiled JavaScript (scripts/build-node.mjs): built into a folder with no node_modules
// above it, run by plain Node with NODE_OPTIONS cleared, so neither tsx nor any package can be what runs them.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = path.resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  productName: string;
  version: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  bin: Record<string, string>;
};

let tmp: ReturnType<typeof makeTempDir>;
let app: string;
let out: string;

/** Plain Node: no loader flags, no NODE_OPTIONS, a HOME of our own; CAMPAIGN_DESK_* cleared. */
function node(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('CAMPAIGN_DESK_') && k !== 'XDG_CONFIG_HOME'),
  );
  const r = spawnSync(process.execPath, args, {
    cwd: tmp.dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...clean, NODE_OPTIONS: '', HOME: path.join(tmp.dir, 'home'), ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  tmp = makeTempDir('compiled-cli-');
  app = path.join(tmp.dir, 'app');
  out = path.join(app, 'out/node');
  mkdirSync(path.join(tmp.dir, 'home'), { recursive: true });
  mkdirSync(app, { recursive: true });
  copyFileSync('package.json', path.join(app, 'package.json')); // the app reads its version from it
  const b = spawnSync(process.execPath, ['scripts/build-node.mjs', '--outdir', out], { encoding: 'utf8' });
  expect(b.status, b.stderr).toBe(0);
});
afterAll(() => tmp.remove());

describe('compiled CLI', () => {
  it('is built where nothing can resolve tsx or any other package', () => {
    for (const f of ['cli.js', 'web.js']) expect(existsSync(path.join(out, f))).toBe(true);
    const req = createRequire(path.join(out, 'cli.js'));
    expect(() => req.resolve('tsx')).toThrow();
    expect(() => req.resolve('commander')).toThrow();
  });

  it('prints its Chinese help in plain Node', () => {
    const r = node([path.join(out, 'cli.js'), '--help']);
    expect(r.code, r.err).toBe(0);
    for (const c of ['verify', 'backup', 'restore', 'demo', 'report', 'stats']) expect(r.out).toContain(c);
    expect(r.out).toContain('用法：');
  });

  it('runs `verify` on a temporary data directory', () => {
    const data = path.join(tmp.dir, 'data');
    const r = node([path.join(out, 'cli.js'), '--data-dir', data, 'verify']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`检查通过：${data}`);
  });

  it('opens the desktop app’s data directory by default (Electron’s userData: ~/.config/<productName>)', () => {
    const r = node([path.join(out, 'cli.js'), 'verify']);
    expect(r.code, r.err).toBe(0);
    const expected = path.join(tmp.dir, 'home', '.config', pkg.productName);
    expect(r.out).toContain(`检查通过：${expected}`);
    expect(statSync(expected).isDirectory()).toBe(true);
  });

  it('loads only the command list at start-up: the app (exceljs, docx, zod…) waits in chunks', () => {
    // What `node cli.js --help` evaluates: the entry and the chunks it imports statically, transitively.
    const staticGraph = (file: string, seen = new Set<string>()): Set<string> => {
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/^import\s[^;]*?from\s*"(\.[^"]+)";?$/gm)) {
        const dep = path.resolve(path.dirname(file), m[1]);
        if (!seen.has(dep)) staticGraph(dep, seen);
      }
      return seen;
    };
    const loaded = [...staticGraph(path.join(out, 'cli.js'))];
    const text = loaded.map((f) => readFileSync(f, 'utf8')).join('\n');
    const size = loaded.reduce((n, f) => n + statSync(f).size, 0);
    expect(size).toBeLessThan(400_000);
    // Markers of exceljs, docx, jszip and zod: all in the program's files…
    const HEAVY = ['ExcelJS', 'patchDocument', 'JSZip', 'ZodError'];
    const all = readdirSync(out)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(out, f), 'utf8'))
      .join('\n');
    for (const heavy of HEAVY) expect(all).toContain(heavy);
    // …zod in what web mode loads at once, the Word and Excel libraries not (they load with the first such call)…
    const web = [...staticGraph(path.join(out, 'web.js'))].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(web).toContain('ZodError');
    for (const heavy of ['ExcelJS', 'patchDocument', 'JSZip']) expect(web).not.toContain(heavy);
    // …and none of them in what --help evaluates.
    for (const heavy of HEAVY) expect(text).not.toContain(heavy);
  });
});

describe('compiled web mode', () => {
  it('serves the app in plain Node and knows its own version (package.json found from the chunks)', async () => {
    const web = spawn(process.execPath, [path.join(out, 'web.js'), '--data-dir', path.join(tmp.dir, 'web')], {
      cwd: tmp.dir,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        web.stdout.on('data', (d: Buffer) => {
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(d.toString());
          if (m) resolve(m[0]);
        });
        web.on('exit', (c) => reject(new Error(`web mode exited ${c}`)));
      });
      const { origin, searchParams } = new URL(url);
      const r = await fetch(`${origin}/api/app:info`, {
        method: 'POST',
        headers: { authorization: `Bearer ${searchParams.get('token')}`, 'content-type': 'application/json' },
        body: '{}',
      });
      const info = (await r.json()) as { ok: boolean; data: { version: string; door: string } };
      expect(info).toMatchObject({ ok: true, data: { version: pkg.version, door: 'http' } });
    } finally {
      if (web.exitCode === null && web.signalCode === null) {
        web.kill('SIGTERM');
        await new Promise((r) => web.on('exit', r));
      }
    }
  });
});

describe('how the CLI is reached', () => {
  it('bin/campaign-desk.js runs the compiled CLI, and npm ci builds it (the prepare script)', () => {
    expect(pkg.bin['campaign-desk']).toBe('bin/campaign-desk.js');
    expect(readFileSync(pkg.bin['campaign-desk'], 'utf8')).toContain('out/node/cli.js');
    expect(pkg.scripts.prepare).toContain('scripts/build-node.mjs');
    expect(pkg.scripts.web).toBe('node scripts/web.mjs');
    expect(readFileSync('scripts/web.mjs', 'utf8')).toContain("'web.js'");
  });

  it('keeps tsx a development tool: no shipped program needs it', () => {
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.devDependencies.tsx).toBeDefined();
    for (const f of ['bin/campaign-desk.js', 'scripts/web.mjs', 'scripts/build-node.mjs'])
      expect(readFileSync(path.join(ROOT, f), 'utf8')).not.toMatch(/from 'tsx|run-ts/);
  });
});
