// Where the data directory is: --data-dir, then the environment, then beside a portable exe, then userData; and the
// default of the CLI and web mode, which is the desktop app's own folder.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FOLDER_NAME, defaultDataDir, resolveDataDir } from '../../../src-main/store/data-dir';

describe('resolveDataDir', () => {
  const all = {
    argv: ['node', 'app', '--data-dir', '/d/arg'],
    env: { CAMPAIGN_DESK_DATA_DIR: '/d/env', PORTABLE_EXECUTABLE_DIR: '/d/portable-env' },
    portableExeDir: '/d/portable',
    userDataDir: '/d/userData',
  };

  it('follows the priority --data-dir, environment, portable exe folder, userData', () => {
    expect(resolveDataDir(all)).toBe(path.resolve('/d/arg'));
    expect(resolveDataDir({ ...all, argv: ['node', 'app', '--data-dir=/d/eq'] })).toBe(path.resolve('/d/eq'));
    expect(resolveDataDir({ ...all, argv: [] })).toBe(path.resolve('/d/env'));
    expect(resolveDataDir({ ...all, argv: [], env: {} })).toBe(
      path.resolve('/d/portable/campaign-desk-data'),
    );
    expect(resolveDataDir({ argv: [], env: { PORTABLE_EXECUTABLE_DIR: '/d/pe' }, userDataDir: '/u' })).toBe(
      path.resolve('/d/pe/campaign-desk-data'),
    );
    expect(resolveDataDir({ argv: [], env: {}, userDataDir: '/d/userData' })).toBe(
      path.resolve('/d/userData'),
    );
    expect(resolveDataDir({ argv: [], env: {} })).toBe(path.resolve(defaultDataDir({ env: {} })));
  });

  it('makes a relative --data-dir absolute against the current folder', () => {
    expect(resolveDataDir({ argv: ['--data-dir', 'rel/data'], env: {} })).toBe(path.resolve('rel/data'));
  });

  it('ignores a --data-dir without a value', () => {
    expect(resolveDataDir({ argv: ['--data-dir', '--verbose'], env: {}, userDataDir: '/u' })).toBe(
      path.resolve('/u'),
    );
  });
});

describe('defaultDataDir', () => {
  it("is the desktop app's folder: %APPDATA%, $XDG_CONFIG_HOME (~/.config) or Application Support + 教育整顿工作台", () => {
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\张三\\AppData\\Roaming' } })).toBe(
      'C:\\Users\\张三\\AppData\\Roaming\\教育整顿工作台',
    );
    expect(defaultDataDir({ platform: 'win32', env: {}, homedir: 'C:\\Users\\张三' })).toBe(
      'C:\\Users\\张三\\AppData\\Roaming\\教育整顿工作台',
    );
    expect(defaultDataDir({ platform: 'linux', env: {}, homedir: '/home/zhang' })).toBe(
      '/home/zhang/.config/教育整顿工作台',
    );
    expect(
      defaultDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, homedir: '/home/zhang' }),
    ).toBe('/cfg/教育整顿工作台');
    expect(defaultDataDir({ platform: 'darwin', env: {}, homedir: '/Users/zhang' })).toBe(
      '/Users/zhang/Library/Application Support/教育整顿工作台',
    );
  });

  it('names the folder after package.json productName, as Electron names userData', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { productName: string };
    expect(APP_FOLDER_NAME).toBe(pkg.productName);
  });

  /**
   * Electron's app.getPath('userData') is appData + app name (productName): appData is %APPDATA% on Windows,
   * $XDG_CONFIG_HOME or ~/.config on Linux, ~/Library/Application Support on macOS (Electron's app.getPath docs).
   */
  function electronUserData(platform: NodeJS.Platform, env: Record<string, string>, home: string) {
    const p = platform === 'win32' ? path.win32 : path.posix;
    const appData =
      platform === 'win32'
        ? env.APPDATA
        : platform === 'darwin'
          ? p.join(home, 'Library', 'Application Support')
          : env.XDG_CONFIG_HOME || p.join(home, '.config');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { productName: string };
    return p.join(appData, pkg.productName);
  }

  it("equals the desktop's data directory (resolveDataDir with a mocked userData) on every platform", () => {
    const cases: [NodeJS.Platform, Record<string, string>, string][] = [
      ['win32', { APPDATA: 'C:\\Users\\张三\\AppData\\Roaming' }, 'C:\\Users\\张三'],
      ['linux', {}, '/home/zhang'],
      ['linux', { XDG_CONFIG_HOME: '/home/zhang/cfg' }, '/home/zhang'],
      ['darwin', {}, '/Users/zhang'],
    ];
    for (const [platform, env, home] of cases)
      expect(defaultDataDir({ platform, env, homedir: home })).toBe(electronUserData(platform, env, home));
    // On this machine, as each door calls it: the desktop passes userData, the CLI and web mode pass nothing.
    const env = { APPDATA: 'C:\\Users\\张三\\AppData\\Roaming' };
    const desktop = resolveDataDir({
      argv: [],
      env,
      userDataDir: electronUserData(process.platform, env, os.homedir()),
    });
    expect(resolveDataDir({ argv: [], env })).toBe(desktop);
  });

  it('is what the CLI and web mode use when no directory is given', () => {
    const env = { HOME: '/home/zhang' };
    expect(resolveDataDir({ argv: [], env })).toBe(path.resolve(defaultDataDir({ env })));
  });
});
