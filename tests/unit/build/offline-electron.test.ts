// The README's offline Electron, checked against the Electron package actually installed: the zips each target
// needs, the download cache path Electron's installer really reads, and `npm start` saying what to do (without
// starting a download) when the binary is missing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import * as offline from '../../../scripts/offline-electron.mjs';
import { makeTempDir } from '../../helpers/temp-dir';

const o = offline as {
  TARGETS: { platform: string; arch: string }[];
  electronVersion(): string;
  zipName(v: string, platform: string, arch: string): string;
  cachePath(root: string, v: string, file: string, mirror?: string): string;
  defaultCacheRoot(platform?: string, env?: Record<string, string>, home?: string): string;
};
const version = o.electronVersion();
const checksums = JSON.parse(readFileSync('node_modules/electron/checksums.json', 'utf8')) as Record<
  string,
  string
>;
// The very @electron/get that node_modules/electron/install.js uses.
const electronGet = createRequire(path.resolve('node_modules/electron/install.js'))('@electron/get') as {
  downloadArtifact(o: Record<string, unknown>): Promise<string>;
};

let tmp: ReturnType<typeof makeTempDir>;
beforeAll(() => (tmp = makeTempDir('offline-electron-')));
afterAll(() => tmp.remove());

describe('offline Electron', () => {
  it('names, per target, zips that this Electron version publishes, and the README lists them', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(o.TARGETS.map((t) => `${t.platform}-${t.arch}`)).toEqual([
      'win32-x64',
      'linux-x64',
      'linux-arm64',
    ]);
    for (const t of o.TARGETS) {
      const name = o.zipName(version, t.platform, t.arch);
      expect(checksums[name], name).toMatch(/^[0-9a-f]{64}$/);
      expect(readme).toContain(name);
    }
  });

  it('puts a zip exactly where Electron’s installer looks in its cache (no network: a cache hit)', async () => {
    const fake = Buffer.from('PK stand-in zip');
    const name = o.zipName(version, 'linux', 'x64');
    const checks = { [name]: createHash('sha256').update(fake).digest('hex') };
    for (const mirror of [undefined, 'https://mirror.example/electron/']) {
      const root = path.join(tmp.dir, `cache-${mirror ? 'mirror' : 'github'}`);
      const file = o.cachePath(root, version, name, mirror);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, fake);
      const found = await electronGet.downloadArtifact({
        version,
        artifactName: 'electron',
        platform: 'linux',
        arch: 'x64',
        cacheRoot: root,
        checksums: checks,
        ...(mirror ? { mirrorOptions: { mirror } } : {}),
      });
      expect(found).toBe(file);
    }
  });

  it('knows the default cache folders of @electron/get', () => {
    expect(o.defaultCacheRoot('linux', {}, '/home/zhang')).toBe('/home/zhang/.cache/electron');
    expect(o.defaultCacheRoot('linux', { XDG_CACHE_HOME: '/c' }, '/home/zhang')).toBe('/c/electron');
    expect(o.defaultCacheRoot('win32', { LOCALAPPDATA: 'L' }, 'H')).toBe(path.join('L', 'electron', 'Cache'));
  });

  it('refuses a zip whose checksum does not match, naming the missing ones', () => {
    const folder = path.join(tmp.dir, 'zips');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, o.zipName(version, 'linux', 'x64')), 'not electron');
    const r = spawnSync(process.execPath, ['scripts/offline-electron.mjs', folder, '--no-install'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('校验值不符');
    expect(r.stdout).toContain(`${o.zipName(version, 'win32', 'x64')}`);
    expect(r.stdout).toContain('文件夹中没有');
  });

  it('`npm start` without the binary explains how to get it, and starts no download', () => {
    const r = spawnSync(process.execPath, ['scripts/start-desktop.mjs'], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(tmp.dir, 'no-electron-here') },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('未找到 Electron 程序文件');
    expect(r.stderr).toContain('scripts/offline-electron.mjs');
    expect(r.stdout + r.stderr).not.toContain('Downloading Electron');
  });
});
