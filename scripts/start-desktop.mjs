// `npm start`: builds and launches the desktop app. Where the Electron binary is missing (it is downloaded from
// outside the npm registry, so offline machines often lack it), says so once, clearly, and how to get it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const p = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
if (!bin) {
  console.error(
    [
      '未找到 Electron 程序文件，无法启动桌面版。',
      'Electron 的程序文件不在 npm 仓库中，需要单独获取，任选一种：',
      '  1. 联网：运行 node node_modules/electron/install.js；',
      '  2. 内网镜像：先设置 ELECTRON_MIRROR=http://内网镜像地址/electron/ ，再运行上面的命令；',
      '  3. 本地压缩包：把 electron-v<版本>-<平台>-<架构>.zip 放进一个文件夹，设置 electron_config_cache=该文件夹，再运行上面的命令。',
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
