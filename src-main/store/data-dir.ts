// Where the data directory is: command line, environment, beside a portable exe, Electron's userData, or the same
// folder computed without Electron (so all three doors open the same data by default).
import os from 'node:os';
import path from 'node:path';

export const DATA_DIR_ENV = 'CAMPAIGN_DESK_DATA_DIR';
export const PORTABLE_DATA_FOLDER = 'campaign-desk-data';

export interface DataDirInputs {
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
  /** Folder of the portable exe; defaults to env PORTABLE_EXECUTABLE_DIR (set by electron-builder's portable target). */
  portableExeDir?: string;
  /** Electron's app.getPath('userData'), passed in by the Electron glue (this module never imports electron). */
  userDataDir?: string;
}

/** The value of `--data-dir DIR` or `--data-dir=DIR`, if given. */
function fromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir' && argv[i + 1] && !argv[i + 1].startsWith('--')) return argv[i + 1];
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || undefined;
  }
  return undefined;
}

/**
 * Priority: `--data-dir DIR`, env CAMPAIGN_DESK_DATA_DIR, `<portable exe dir>/campaign-desk-data`, Electron userData,
 * then defaultDataDir(). Always an absolute path (a relative one is taken from the current directory).
 */
export function resolveDataDir(inputs: DataDirInputs = {}): string {
  const env = inputs.env ?? process.env;
  const portable = inputs.portableExeDir ?? env.PORTABLE_EXECUTABLE_DIR;
  const chosen =
    fromArgv(inputs.argv ?? process.argv) ||
    env[DATA_DIR_ENV] ||
    (portable ? path.join(portable, PORTABLE_DATA_FOLDER) : undefined) ||
    inputs.userDataDir ||
    defaultDataDir({ env });
  return path.resolve(chosen);
}

/**
 * The folder Electron names the desktop app's userData after: package.json's productName (a test keeps the two
 * equal). Changing either moves every installed office's data, so they change together or not at all.
 */
export const APP_FOLDER_NAME = '教育整顿工作台';

/**
 * The desktop app's data directory exactly as Electron computes `app.getPath('userData')` (appData + productName),
 * so the CLI and web mode open the same data as the desktop app on the same PC: Windows `%APPDATA%\教育整顿工作台`,
 * Linux `$XDG_CONFIG_HOME/教育整顿工作台` (default `~/.config`), macOS `~/Library/Application Support/教育整顿工作台`.
 */
export function defaultDataDir(
  opts: { platform?: NodeJS.Platform; env?: Record<string, string | undefined>; homedir?: string } = {},
): string {
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  const home = opts.homedir ?? os.homedir();
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_FOLDER_NAME);
}
