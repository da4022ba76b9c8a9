// Where the data directory is: command line, environment, beside a portable exe, Electron's userData, or a default.
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

/** For plain Node (CLI, web mode outside Electron): %APPDATA%\campaign-desk on Windows, ~/.campaign-desk elsewhere. */
export function defaultDataDir(
  opts: { platform?: NodeJS.Platform; env?: Record<string, string | undefined>; homedir?: string } = {},
): string {
  const platform = opts.platform ?? process.platform;
  const env = opts.env ?? process.env;
  const home = opts.homedir ?? os.homedir();
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'campaign-desk');
  }
  return path.posix.join(home, '.campaign-desk');
}
