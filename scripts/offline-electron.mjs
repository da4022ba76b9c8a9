// Electron without the internet. The Electron program is a download from GitHub, not from the npm registry, so an
// offline machine gets it as zips carried over from elsewhere. This script
//   - lists the exact zips this project's Electron version needs per installer target, with their SHA-256;
//   - with a folder: checks the zips found there against the checksums shipped in the electron package, and puts
//     this machine's zip into Electron's download cache, at the path Electron's own installer looks it up
//     (@electron/get: <cache>/<sha256 of the download folder's URL>/<zip>), then runs that installer, so that
//     `npm start` works offline.
//
//   node scripts/offline-electron.mjs [文件夹] [--no-install]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON_DIR = path.join(ROOT, 'node_modules/electron');

/** The installer targets of electron-builder.yml and the Electron zip each one needs. */
export const TARGETS = [
  { label: 'Windows x64（NSIS 安装程序、便携版）', platform: 'win32', arch: 'x64' },
  { label: 'Linux x64（deb、AppImage）', platform: 'linux', arch: 'x64' },
  { label: 'Linux arm64（deb、AppImage）', platform: 'linux', arch: 'arm64' },
];

export function electronVersion() {
  return JSON.parse(readFileSync(path.join(ELECTRON_DIR, 'package.json'), 'utf8')).version;
}

export const zipName = (version, platform, arch) => `electron-v${version}-${platform}-${arch}.zip`;

/** Where @electron/get (used by Electron's installer and by electron-builder) keeps its downloads by default. */
export function defaultCacheRoot(platform = process.platform, env = process.env, home = os.homedir()) {
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron');
}

/**
 * The cache file @electron/get reads for a zip: a folder named by the SHA-256 of the URL of the folder the zip is
 * downloaded from (GitHub's release folder, or ELECTRON_MIRROR's when set), then the zip's own name.
 */
export function cachePath(
  cacheRoot,
  version,
  file,
  mirror = 'https://github.com/electron/electron/releases/download/',
) {
  const folderUrl = `${mirror}v${version}`;
  return path.join(cacheRoot, createHash('sha256').update(folderUrl).digest('hex'), file);
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

function main(args) {
  const version = electronVersion();
  const sums = JSON.parse(readFileSync(path.join(ELECTRON_DIR, 'checksums.json'), 'utf8'));
  const folder = args.find((a) => !a.startsWith('--'));
  console.log(`本项目的 Electron 版本：${version}。打包各目标需要的压缩包（来自 GitHub 发布页或内网镜像）：`);
  let bad = 0;
  for (const t of TARGETS) {
    const name = zipName(version, t.platform, t.arch);
    let state = '';
    if (folder) {
      const file = path.join(folder, name);
      if (!existsSync(file)) state = '  —— 文件夹中没有';
      else if (sha256(file) === sums[name]) state = '  —— 已核对';
      else {
        state = '  —— 校验值不符（文件损坏或版本不对）';
        bad++;
      }
    }
    console.log(`  ${t.label}：${name}\n    SHA-256 ${sums[name]}${state}`);
  }
  if (!folder) {
    console.log('\n把这些文件放进一个文件夹后再运行：node scripts/offline-electron.mjs 该文件夹');
    return 0;
  }
  if (bad) return 1;
  // This machine's zip goes where Electron's installer looks, so `npm start` can install it offline.
  const own = zipName(version, process.platform, process.arch);
  const src = path.join(folder, own);
  if (!existsSync(src) || sha256(src) !== sums[own]) {
    console.log(
      `\n本机（${process.platform}-${process.arch}）需要的 ${own} 不在文件夹中或校验不符，未放入缓存。`,
    );
    return 0;
  }
  const cacheRoot = process.env.electron_config_cache || defaultCacheRoot();
  const dest = cachePath(cacheRoot, version, own, process.env.ELECTRON_MIRROR || undefined);
  mkdirSync(path.dirname(dest), { recursive: true });
  copyFileSync(src, dest);
  console.log(`\n已放入 Electron 下载缓存：${dest}`);
  if (args.includes('--no-install')) return 0;
  const r = spawnSync(process.execPath, [path.join(ELECTRON_DIR, 'install.js')], {
    stdio: 'inherit',
    env: { ...process.env, electron_config_cache: cacheRoot, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  if (r.status === 0) console.log('Electron 已安装：现在可以运行 npm start。');
  return r.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exit(main(process.argv.slice(2)));
}
