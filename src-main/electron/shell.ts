// Opening generated documents from the desktop (打开文件夹 / 打开文件 after 「生成月报」). The page names a path, but
// main opens it only when it lies under the folder the last package was written to or under the output folder the
// settings name — never an arbitrary path — and opens only folders and office documents, never a program.
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

/** The folders the page may open things under: the last package's folder and the configured output folder. */
export interface OutputFolders {
  remember(folder: string): void;
  roots(): string[];
}

export function createOutputFolders(configuredRoot: () => string | null): OutputFolders {
  let last: string | null = null;
  return {
    remember: (folder) => {
      last = folder;
    },
    roots: () => [last, configuredRoot()].filter((r): r is string => !!r),
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
  if (!inside) return fail('forbidden', '只能打开输出文件夹中由本应用生成的文件');
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
      // openPath answers with an error message, or '' when the system opened it.
      const problem = await shell.openPath(p);
      return problem ? fail('internal', `无法打开：${problem}`) : { ok: true, data: null };
    }),
  );
}
