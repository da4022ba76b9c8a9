// Opening generated documents from the desktop (打开文件夹 / 打开文件 after 「生成月报」, 打开文件 / 在文件夹中显示
// after a save). The page names a path, but main opens it only when it lies under the folder the last package was
// written to or under the output folder the settings name, or is exactly a file the person just saved through the
// save dialog — never an arbitrary path — and opens only folders and office documents, never a program.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, Shell } from 'electron';
import type { Call } from '../router/router';
import type { Result } from '../shared/result';
import { isTrustedSender } from './ipc';

export const SHOW_ITEM_CHANNEL = 'shell:showItemInFolder';
export const OPEN_PATH_CHANNEL = 'shell:openPath';

/** What 打开文件 may hand to the system: the documents the app writes (and what WPS saves them as). */
const OPENABLE = new Set(['.docx', '.xlsx', '.doc', '.xls', '.wps', '.et', '.pdf']);

/** True when `target` is `root` itself or lies inside it (no "..", not another drive). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  if (rel === '') return true;
  return !path.isAbsolute(rel) && rel.split(path.sep)[0] !== '..';
}

/**
 * What the page may open: anything under the last package's folder and the configured output folder, and the
 * files saved through the save dialog in this run (each exactly, not its folder: the person chose that place).
 */
export interface OutputFolders {
  remember(folder: string): void;
  roots(): string[];
  rememberFile(file: string): void;
  files(): string[];
}

/** Saved files remembered; older ones drop off (the page offers opening only right after a save). */
const SAVED_FILES_KEPT = 50;

export function createOutputFolders(configuredRoot: () => string | null): OutputFolders {
  let last: string | null = null;
  let saved: string[] = [];
  return {
    remember: (folder) => {
      last = folder;
    },
    roots: () => [last, configuredRoot()].filter((r): r is string => !!r),
    rememberFile: (file) => {
      if (!path.isAbsolute(file)) return;
      saved = [file, ...saved.filter((f) => f !== file)].slice(0, SAVED_FILES_KEPT);
    },
    files: () => [...saved],
  };
}

/** Wraps the router's call so a successful 「生成月报」 makes its folder one the page may open. */
export function rememberPackages(call: Call, folders: OutputFolders): Call {
  return async (channel, args, ctx) => {
    const r = await call(channel, args, ctx);
    if (channel === 'report:monthly' && r.ok) {
      const folder = (r.data as { folder?: unknown } | null)?.folder;
      if (typeof folder === 'string' && path.isAbsolute(folder)) folders.remember(folder);
    }
    return r;
  };
}

const fail = (
  code: 'validation' | 'not_found' | 'forbidden' | 'internal',
  message: string,
): Result<never> => ({
  ok: false,
  error: { code, message },
});
const refused = fail('forbidden', '拒绝来自非本应用页面的请求');

/**
 * The real path of `target` when the page may open it: an absolute path that exists and lies, after resolving links,
 * under one of the allowed folders; for opening, a folder or an office document. Otherwise the refusal to send back.
 */
export async function checkOpenable(
  target: unknown,
  folders: OutputFolders,
  forOpening: boolean,
): Promise<{ path: string } | Result<never>> {
  if (typeof target !== 'string' || !target || !path.isAbsolute(target) || target.includes('\0')) {
    return fail('validation', '文件路径无效');
  }
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    return fail('not_found', `文件不存在（可能已被移动或删除）：${target}`);
  }
  let inside = false;
  for (const root of folders.roots()) {
    const realRoot = await realpath(root).catch(() => null);
    if (realRoot && isInside(realRoot, real)) {
      inside = true;
      break;
    }
  }
  for (const file of inside ? [] : folders.files()) {
    if ((await realpath(file).catch(() => null)) === real) {
      inside = true;
      break;
    }
  }
  if (!inside) return fail('forbidden', '只能打开输出文件夹中由本应用生成的文件，或刚刚保存的文件');
  if (forOpening) {
    const isDir = (await stat(real)).isDirectory();
    if (!isDir && !OPENABLE.has(path.extname(real).toLowerCase())) {
      return fail('forbidden', '只能打开 Word、Excel 文档或文件夹');
    }
  }
  return { path: real };
}

export function registerShell(
  ipcMain: Pick<IpcMain, 'handle'>,
  shell: Pick<Shell, 'showItemInFolder' | 'openPath'>,
  folders: OutputFolders,
) {
  const guarded =
    (forOpening: boolean, act: (p: string) => Promise<Result<null>>) =>
    async (event: IpcMainInvokeEvent, target: unknown): Promise<Result<null>> => {
      if (!isTrustedSender(event)) return refused;
      const checked = await checkOpenable(target, folders, forOpening);
      if ('ok' in checked) return checked;
      return act(checked.path);
    };
  ipcMain.handle(
    SHOW_ITEM_CHANNEL,
    guarded(false, async (p) => {
      shell.showItemInFolder(p);
      return { ok: true, data: null };
    }),
  );
  ipcMain.handle(
    OPEN_PATH_CHANNEL,
    guarded(true, async (p) => {
      // openPath answers with the system's own message (English on many systems), or '' when it opened it.
      const problem = await shell.openPath(p);
      if (!problem) return { ok: true, data: null };
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `无法打开“${p}”：系统没有找到能打开这类文件的程序，或该程序启动失败。请确认已安装 WPS 或 Office，或在文件夹中找到该文件后用 WPS 打开。`,
          details: { system: problem },
        },
      };
    }),
  );
}
