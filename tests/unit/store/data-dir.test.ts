// Where the data directory is: --data-dir, then the environment, then beside a portable exe, then userData.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../src-main/store/index';

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
  it('uses %APPDATA%\\campaign-desk on Windows and ~/.campaign-desk elsewhere', () => {
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\张三\\AppData\\Roaming' } })).toBe(
      'C:\\Users\\张三\\AppData\\Roaming\\campaign-desk',
    );
    expect(defaultDataDir({ platform: 'linux', env: {}, homedir: '/home/zhang' })).toBe(
      '/home/zhang/.campaign-desk',
    );
    expect(defaultDataDir({ platform: 'darwin', env: {} })).toBe(path.join(os.homedir(), '.campaign-desk'));
  });
});
