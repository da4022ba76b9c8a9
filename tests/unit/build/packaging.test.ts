// electron-builder.yml exercised for real, with a stand-in Electron (the real one cannot be downloaded here):
// a file carrying Electron's fuse sentinel, given as `electronDist` (an unpacked Electron). Each run goes as far
// as it can without a real binary or a downloaded tool, and the test pins what was produced and where it stopped.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const ROOT = path.resolve('.');
const BUILDER = path.join(ROOT, 'node_modules/electron-builder/cli.js');
const asar = createRequire(import.meta.url)('@electron/asar') as {
  listPackage(file: string, opts: object): string[];
  extractFile(file: string, name: string): Buffer;
};

// @electron/fuses looks for this sentinel, then a version byte, a length byte and one byte per fuse ('0'/'1').
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's own defaults: runAsNode, cookie encryption, NODE_OPTIONS, --inspect, asar integrity,
// only-load-from-asar, browser V8 snapshot, file:// privileges.
const ELECTRON_DEFAULT_FUSES = '10110001';
const CONFIGURED_FUSES = '01001100';

function standInElectron(file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  const wire = Buffer.from([1, ELECTRON_DEFAULT_FUSES.length, ...Buffer.from(ELECTRON_DEFAULT_FUSES)]);
  const body = Buffer.concat([Buffer.from('#!/bin/sh\n# stand-in Electron\n'), Buffer.from(SENTINEL), wire]);
  writeFileSync(file, Buffer.concat([body, Buffer.from('\n')]), { mode: 0o755 });
}
const fusesOf = (file: string) => {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  return bytes.subarray(at + 2, at + 2 + bytes[at + 1]).toString();
};

let tmp: ReturnType<typeof makeTempDir>;
let mirror: http.Server;
let mirrorUrl = '';
const requested: string[] = [];

/** A copy of the project as electron-builder sees it: the config, package.json, and small built files. */
function project(name: string, editPackage: (p: Record<string, unknown>) => void = () => {}) {
  const dir = path.join(tmp.dir, name);
  const files: Record<string, string> = {
    'out/main/main.js': 'export {};\n',
    'out/main/main.js.map': '{}',
    'out/preload/preload.cjs': '"use strict";\n',
    'out/renderer/index.html': '<!doctype html>\n',
    'out/node/cli.js': '// the plain-Node CLI: not for the installer\n',
  };
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), text);
  }
  for (const f of [
    'electron-builder.yml',
    'package-lock.json',
    'assets/icon.png',
    'bin/campaign-desk-cli.cmd',
  ]) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    copyFileSync(f, path.join(dir, f));
  }
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>;
  editPackage(pkg);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs electron-builder; stops it once it reports its first error (it lingers ~30 s after one). */
function builder(
  dir: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BUILDER, ...args, '--publish', 'never'], {
      cwd: dir,
      env: {
        // electron-builder keeps quiet under vitest (it looks for VITEST): give it a plain environment.
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST'))),
        ELECTRON_BUILDER_CACHE: path.join(tmp.dir, 'builder-cache'),
        ELECTRON_BUILDER_BINARIES_MIRROR: mirrorUrl,
        ELECTRON_BUILDER_BINARIES_ALLOW_HTTP: 'true',
        ELECTRON_MIRROR: mirrorUrl,
        ELECTRON_CACHE: path.join(tmp.dir, 'electron-cache'),
        ...env,
      },
    });
    let log = '';
    let killer: NodeJS.Timeout | undefined;
    const take = (d: Buffer) => {
      log += d.toString();
      if (!killer && log.includes('⨯')) killer = setTimeout(() => child.kill('SIGKILL'), 500);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, log });
    });
  });
}

beforeAll(async () => {
  tmp = makeTempDir('packaging-');
  standInElectron(path.join(tmp.dir, 'electron-linux/electron'));
  standInElectron(path.join(tmp.dir, 'electron-win/electron.exe'));
  // A binaries mirror that has nothing: it shows which download comes first, and that an http mirror is used.
  mirror = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    res.writeHead(404, { connection: 'close' }).end();
  });
  await new Promise<void>((r) => mirror.listen(0, '127.0.0.1', r));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((r) => mirror.close(r));
  tmp.remove();
});

describe('electron-builder with a stand-in Electron', () => {
  it('packs the Linux app completely: only the bundles in app.asar, the fuses flipped as configured', async () => {
    const dir = project('linux');
    const out = path.join(tmp.dir, 'release-linux');
    const electronDist = path.join(tmp.dir, 'electron-linux');
    const r = await builder(dir, [
      '--linux',
      '--x64',
      '--dir',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${out}`,
    ]);
    expect(r.code, r.log).toBe(0);
    expect(r.log).toContain('using custom unpacked Electron distribution');
    expect(r.log).toContain('skipped dependencies rebuild');
    const exe = path.join(out, 'linux-unpacked/campaign-desk');
    expect(existsSync(exe)).toBe(true);
    expect(fusesOf(path.join(electronDist, 'electron'))).toBe(ELECTRON_DEFAULT_FUSES);
    expect(fusesOf(exe)).toBe(CONFIGURED_FUSES);

    const archive = path.join(out, 'linux-unpacked/resources/app.asar');
    const listed = asar.listPackage(archive, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const f of [
      '/package.json',
      '/out/main/main.js',
      '/out/preload/preload.cjs',
      '/out/renderer/index.html',
    ])
      expect(listed).toContain(f);
    expect(
      listed.filter((f) => f.endsWith('.map') || f.includes('node_modules') || f.startsWith('/out/node')),
    ).toEqual([]);
    const inside = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as Record<
      string,
      unknown
    >;
    expect(inside).toMatchObject({ main: 'out/main/main.js', productName: '教育整顿工作台' });
    expect(inside.desktopName).toBe('campaign-desk.desktop');
  });

  it('deb: without a homepage it stops at its metadata check, before any download', async () => {
    requested.length = 0;
    const dir = project('deb-no-homepage', (p) => delete p.homepage);
    const r = await builder(dir, [
      '--linux',
      'deb',
      '--x64',
      `-c.electronDist=${path.join(tmp.dir, 'electron-linux')}`,
      `-c.directories.output=${path.join(tmp.dir, 'release-deb-1')}`,
    ]);
    expect(r.code).not.toBe(0);
    expect(r.log).toContain('Please specify project homepage');
    expect(requested).toEqual([]);
  });

  it('deb: with package.json’s homepage and author it passes the checks and stops at the first tool, fpm', async () => {
    requested.length = 0;
    const dir = project('deb');
    const r = await builder(dir, [
      '--linux',
      'deb',
      '--x64',
      `-c.electronDist=${path.join(tmp.dir, 'electron-linux')}`,
      `-c.directories.output=${path.join(tmp.dir, 'release-deb-2')}`,
    ]);
    expect(r.code).not.toBe(0);
    expect(r.log).toContain('target=deb');
    expect(r.log).not.toContain('Please specify');
    // The binaries mirror was asked for fpm first (its path: release/file).
    expect(requested[0]).toMatch(/^\/fpm@[\d.]+\/fpm-[\d.]+-ruby-[\d.]+-linux-amd64\.7z$/);
    expect(r.log).toContain(`Response code 404 (Not Found) for ${mirrorUrl}fpm@`);
  });

  it('refuses a plain-http tools mirror on another host unless ELECTRON_BUILDER_BINARIES_ALLOW_HTTP=true', async () => {
    const dir = project('deb-http');
    const r = await builder(
      dir,
      [
        '--linux',
        'deb',
        '--x64',
        `-c.electronDist=${path.join(tmp.dir, 'electron-linux')}`,
        `-c.directories.output=${path.join(tmp.dir, 'release-deb-3')}`,
      ],
      {
        ELECTRON_BUILDER_BINARIES_MIRROR: 'http://192.0.2.1/mirror/',
        ELECTRON_BUILDER_BINARIES_ALLOW_HTTP: undefined,
      },
    );
    expect(r.code).not.toBe(0);
    expect(r.log).toContain('ELECTRON_BUILDER_BINARIES_MIRROR must use https://');
    expect(r.log).toContain('ELECTRON_BUILDER_BINARIES_ALLOW_HTTP=true');
  });

  it('Windows: packs campaign-desk.exe and app.asar, then stops where the real electron.exe is needed', async () => {
    const dir = project('win');
    const out = path.join(tmp.dir, 'release-win');
    const r = await builder(dir, [
      '--win',
      '--x64',
      '--dir',
      `-c.electronDist=${path.join(tmp.dir, 'electron-win')}`,
      `-c.directories.output=${out}`,
    ]);
    expect(r.code).not.toBe(0);
    expect(existsSync(path.join(out, 'win-unpacked/campaign-desk.exe'))).toBe(true);
    expect(existsSync(path.join(out, 'win-unpacked/resources/app.asar'))).toBe(true);
    // Embedding the asar's hash into the exe's resources needs a real Windows executable.
    expect(r.log).toContain('addWinAsarIntegrity');
  });
});
