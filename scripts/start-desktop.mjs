// `npm start`: builds and launches the desktop app. Where the Electron binary is missing (it is downloaded from
// outside the npm registry, so offline machines often lack it), says so once, clearly, and how to get it.
// Since Electron 42 nothing downloads it at install time, and `require('electron')` would start a download by
// itself: so the binary is looked up here without requiring the package.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules/electron');

/** What node_modules/electron/index.js would return, without its download-if-missing. */
function electronBinary() {
  let rel = null;
  try {
    rel = readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    // not installed yet
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const bin = override
    ? path.join(override, rel || 'electron')
    : rel
      ? path.join(electronDir, 'dist', rel)
      : null;
  return bin && existsSync(bin) ? bin : null;
}

const bin = electronBinary();
if (!bin) {
  console.error(
    [
      '未找到 Electron 程序文件，无法启动桌面版。',
      'Electron 的程序文件不在 npm 仓库中，需要单独获取，任选一种：',
      '  1. 联网：运行 node node_modules/electron/install.js；',
      '  2. 内网镜像：先设置 ELECTRON_MIRROR=https://内网镜像地址/electron/ ，再运行上面的命令；',
      '  3. 本地压缩包：把 electron-v<版本>-<平台>-<架构>.zip 放进一个文件夹，运行 node scripts/offline-electron.mjs 该文件夹',
      '     （不带文件夹运行时列出所需的文件名与校验值）；',
      '  4. 已解压的 Electron：设置 ELECTRON_OVERRIDE_DIST_PATH=解压后的文件夹。',
      '在此之前，可以用 npm run web 在浏览器中运行同一个应用（加 -- --demo 查看演示数据）。',
    ].join('\n'),
  );
  process.exit(1);
}

for (const step of [['run', 'build']]) {
  const r = spawnSync('npm', step, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
