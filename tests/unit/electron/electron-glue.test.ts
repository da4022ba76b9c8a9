// The Electron edge, with a mocked `electron` module (the binary cannot be downloaded here): every contract
// channel registered, foreign senders refused, the preload exposing exactly the contract, the window hardened,
// saving through the dialog (type filters, Chinese answers for a held file, a full disk, a read-only folder, never
// a throw), opening what was just saved, and a crashed or hung page offered a reload.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import { CHANNELS } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/result';
import { isTrustedSender, registerIpc, SAVE_FILE_CHANNEL } from '../../../src-main/electron/ipc';
import { watchRenderer } from '../../../src-main/electron/renderer-watch';
import type { ShowMessageBox, WatchedWindow } from '../../../src-main/electron/renderer-watch';
import { createSaveFile, saveDialogOptions, withExtension } from '../../../src-main/electron/save-file';
import type { SaveFileDeps } from '../../../src-main/electron/save-file';
import { hardenContents, hardenSession } from '../../../src-main/electron/security';
import {
  createOutputFolders,
  isInside,
  OPEN_PATH_CHANNEL,
  registerShell,
  rememberPackages,
  SHOW_ITEM_CHANNEL,
} from '../../../src-main/electron/shell';
import { makeTempDir } from '../../helpers/temp-dir';

const mocks = vi.hoisted(() => {
  const handlers = new Map<string, (...a: unknown[]) => unknown>();
  const windows: {
    options: Record<string, unknown>;
    url?: string;
    events: Map<string, (...a: unknown[]) => void>;
    contentsEvents: Map<string, (...a: unknown[]) => void>;
    reloads: number;
  }[] = [];
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const appEvents = new Map<string, (...a: unknown[]) => void>();
  let ready: () => void = () => {};
  const readyPromise = new Promise<void>((r) => (ready = r));
  const permission: { request: unknown; check: unknown } = { request: null, check: null };
  /** What the save dialog answers next (cancelled when empty), and what each dialog was asked. */
  const saveAnswers: { canceled: boolean; filePath: string }[] = [];
  const saveAsked: unknown[][] = [];
  const boxAsked: unknown[][] = [];
  return {
    handlers,
    windows,
    exposed,
    invoked,
    appEvents,
    readyPromise,
    ready: () => ready(),
    permission,
    saveAnswers,
    saveAsked,
    boxAsked,
  };
});

vi.mock('electron', () => {
  class BrowserWindow {
    options: Record<string, unknown>;
    entry: (typeof mocks.windows)[number];
    webContents: {
      on(e: string, f: (...a: unknown[]) => void): void;
      reload(): void;
      forcefullyCrashRenderer(): void;
    };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      const entry = { options, events: new Map(), contentsEvents: new Map(), reloads: 0 };
      this.entry = entry;
      this.webContents = {
        on: (e, f) => entry.contentsEvents.set(e, f),
        reload: () => (entry.reloads += 1),
        forcefullyCrashRenderer: () => undefined,
      };
      mocks.windows.push(this.entry);
    }
    once() {}
    on(e: string, f: (...a: unknown[]) => void) {
      this.entry.events.set(e, f);
    }
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.entry.url = url;
      return Promise.resolve();
    }
    static getFocusedWindow() {
      return null;
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => true,
      whenReady: () => mocks.readyPromise,
      on: (e: string, f: (...a: unknown[]) => void) => mocks.appEvents.set(e, f),
      quit: vi.fn(),
      exit: vi.fn(),
      getPath: () => '/nonexistent-user-data',
      getVersion: () => '9.9.9',
    },
    BrowserWindow,
    dialog: {
      showErrorBox: vi.fn(),
      showSaveDialog: (...a: unknown[]) => {
        mocks.saveAsked.push(a);
        return Promise.resolve(mocks.saveAnswers.shift() ?? { canceled: true, filePath: '' });
      },
      showMessageBox: (...a: unknown[]) => {
        mocks.boxAsked.push(a);
        return Promise.resolve({ response: 0 });
      },
    },
    ipcMain: { handle: (ch: string, f: (...a: unknown[]) => unknown) => mocks.handlers.set(ch, f) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (f: unknown) => (mocks.permission.request = f),
        setPermissionCheckHandler: (f: unknown) => (mocks.permission.check = f),
      },
    },
    shell: { showItemInFolder: vi.fn(), openPath: vi.fn(async () => '') },
    contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (mocks.exposed[k] = v) },
    ipcRenderer: {
      invoke: (...a: unknown[]) => (mocks.invoked.push(a), Promise.resolve({ ok: true, data: null })),
    },
  };
});

const trusted = {
  sender: { id: 1, mainFrame: null as unknown },
  senderFrame: { url: 'app://campaign-desk/index.html' },
};
trusted.sender.mainFrame = trusted.senderFrame;

describe('IPC wrapper', () => {
  it('registers a handler for every contract channel, and nothing else but file saving', () => {
    const registered: string[] = [];
    registerIpc({ handle: (ch: string) => registered.push(ch) }, vi.fn(), vi.fn());
    expect(registered.sort()).toEqual([...CHANNELS.map((c) => `api:${c}`), 'file:save'].sort());
  });

  it('refuses senders that are not the app main frame on app://', async () => {
    const call = vi.fn(async () => ({ ok: true as const, data: 1 }));
    const handlers = new Map<string, (...a: unknown[]) => Promise<unknown>>();
    registerIpc({ handle: (ch: string, f: never) => handlers.set(ch, f) }, call, vi.fn());
    const h = handlers.get('api:settings:get')!;
    const subFrame = {
      sender: { id: 1, mainFrame: {} },
      senderFrame: { url: 'app://campaign-desk/index.html' },
    };
    const foreign = {
      sender: { id: 1, mainFrame: null as unknown },
      senderFrame: { url: 'https://evil.example/' },
    };
    foreign.sender.mainFrame = foreign.senderFrame;
    expect(await h(subFrame, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h(foreign, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(call).not.toHaveBeenCalled();
    expect(await h(trusted, {})).toEqual({ ok: true, data: 1 });
    expect(call).toHaveBeenCalledWith('settings:get', {}, { door: 'ipc', user: null, sessionId: 'ipc-1' });
    expect(isTrustedSender({ sender: { mainFrame: null }, senderFrame: null } as never)).toBe(false);
  });
});

describe('opening generated files (打开文件夹 / 打开文件)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let out: string;
  let pkgFolder: string;
  let report: string;
  let outside: string;
  let configured: string | null;
  let handlers: Map<string, (...a: unknown[]) => Promise<Result<null>>>;
  let shell: {
    showItemInFolder: Mock<(p: string) => void>;
    openPath: Mock<(p: string) => Promise<string>>;
  };
  let folders: ReturnType<typeof createOutputFolders>;

  beforeEach(() => {
    tmp = makeTempDir('electron-shell-');
    out = path.join(tmp.dir, '输出');
    pkgFolder = path.join(out, '2026年10月月报');
    mkdirSync(pkgFolder, { recursive: true });
    report = path.join(pkgFolder, '工作情况报告（2026年10月）.docx');
    writeFileSync(report, 'PK');
    outside = path.join(tmp.dir, '别处');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.docx'), 'PK');
    configured = null;
    folders = createOutputFolders(() => configured);
    shell = { showItemInFolder: vi.fn<(p: string) => void>(), openPath: vi.fn(async (_p: string) => '') };
    handlers = new Map();
    registerShell({ handle: (ch: string, f: never) => handlers.set(ch, f) }, shell, folders);
  });
  afterEach(() => tmp.remove());

  /** What the page gets back for a path, after a successful 「生成月报」 remembered `pkgFolder`. */
  const ask = (channel: string, p: unknown, sender: unknown = trusted) => handlers.get(channel)!(sender, p);
  const madePackage = async () => {
    const call = vi.fn(async () => ({ ok: true as const, data: { folder: pkgFolder, files: [] } }));
    await rememberPackages(call, folders)(
      'report:monthly',
      { month: '2026-10' },
      {
        door: 'ipc',
        user: null,
        sessionId: 's',
      },
    );
  };

  it('registers exactly the two channels the preload calls', () => {
    expect([...handlers.keys()].sort()).toEqual([OPEN_PATH_CHANNEL, SHOW_ITEM_CHANNEL].sort());
    expect([OPEN_PATH_CHANNEL, SHOW_ITEM_CHANNEL].sort()).toEqual([
      'shell:openPath',
      'shell:showItemInFolder',
    ]);
  });

  it('opens a file of the package just made, and shows it in its folder', async () => {
    await madePackage();
    expect(await ask(OPEN_PATH_CHANNEL, report)).toEqual({ ok: true, data: null });
    expect(shell.openPath).toHaveBeenCalledWith(report);
    expect(await ask(OPEN_PATH_CHANNEL, pkgFolder)).toEqual({ ok: true, data: null });
    expect(await ask(SHOW_ITEM_CHANNEL, report)).toEqual({ ok: true, data: null });
    expect(shell.showItemInFolder).toHaveBeenCalledWith(report);
  });

  it('opens under the configured output folder before any package is made', async () => {
    expect(await ask(OPEN_PATH_CHANNEL, report)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    configured = out;
    expect(await ask(OPEN_PATH_CHANNEL, report)).toEqual({ ok: true, data: null });
  });

  it('refuses any other path: outside, climbing out with .., through a link, relative, not a string', async () => {
    await madePackage();
    const secret = path.join(outside, 'secret.docx');
    const link = path.join(pkgFolder, '链接.docx');
    symlinkSync(secret, link);
    for (const p of [secret, path.join(pkgFolder, '..', '..', '别处', 'secret.docx'), link, tmp.dir]) {
      expect(await ask(OPEN_PATH_CHANNEL, p), p).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await ask(SHOW_ITEM_CHANNEL, p), p).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    for (const p of ['工作情况报告.docx', '', 42, null, `${report}\0`]) {
      expect(await ask(OPEN_PATH_CHANNEL, p)).toMatchObject({ ok: false, error: { code: 'validation' } });
    }
    expect(await ask(OPEN_PATH_CHANNEL, path.join(pkgFolder, '不存在.docx'))).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('opens documents and folders only, never a program lying in the output folder', async () => {
    await madePackage();
    const program = path.join(pkgFolder, '工作情况报告.exe');
    writeFileSync(program, 'MZ');
    expect(await ask(OPEN_PATH_CHANNEL, program)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(shell.openPath).not.toHaveBeenCalled();
    // Showing it selected in the file manager runs nothing.
    expect(await ask(SHOW_ITEM_CHANNEL, program)).toEqual({ ok: true, data: null });
  });

  it('refuses senders that are not the app main frame, before looking at the path', async () => {
    await madePackage();
    const foreign = { sender: { id: 1, mainFrame: {} }, senderFrame: { url: 'https://evil.example/' } };
    expect(await ask(OPEN_PATH_CHANNEL, report, foreign)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await ask(SHOW_ITEM_CHANNEL, report, foreign)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('says in Chinese, naming the file, why the system could not open it (its own words kept for support)', async () => {
    await madePackage();
    shell.openPath.mockResolvedValueOnce('No application is associated');
    const r = await ask(OPEN_PATH_CHANNEL, report);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'internal', details: { system: 'No application is associated' } },
    });
    const message = !r.ok ? r.error.message : '';
    expect(message).toContain(report);
    expect(message).toContain('WPS');
    expect(message).not.toContain('No application');
  });

  it('opens and shows a file the person just saved through the dialog, but nothing else in that folder', async () => {
    const chosen = path.join(outside, '会议台账.xlsx');
    writeFileSync(chosen, 'PK');
    const neighbour = path.join(outside, 'secret.docx');
    expect(await ask(OPEN_PATH_CHANNEL, chosen)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    folders.rememberFile(chosen);
    expect(await ask(OPEN_PATH_CHANNEL, chosen)).toEqual({ ok: true, data: null });
    expect(shell.openPath).toHaveBeenCalledWith(chosen);
    expect(await ask(SHOW_ITEM_CHANNEL, chosen)).toEqual({ ok: true, data: null });
    expect(shell.showItemInFolder).toHaveBeenCalledWith(chosen);
    for (const p of [neighbour, outside]) {
      expect(await ask(OPEN_PATH_CHANNEL, p), p).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await ask(SHOW_ITEM_CHANNEL, p), p).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // Only absolute paths are remembered.
    folders.rememberFile('relative.xlsx');
    expect(folders.files()).toEqual([chosen]);
  });

  it('remembers only a successful 「生成月报」’s folder, not other channels or failures', async () => {
    const ctx = { door: 'ipc' as const, user: null, sessionId: 's' };
    const fake = (channel: string, r: Result<unknown>) =>
      rememberPackages(async () => r, folders)(channel, {}, ctx);
    await fake('report:monthly', { ok: false, error: { code: 'needs_confirmation', message: '…' } });
    await fake('settings:get', { ok: true, data: { folder: tmp.dir } });
    await fake('report:monthly', { ok: true, data: { folder: 'relative/folder' } });
    expect(folders.roots()).toEqual([]);
    await madePackage();
    expect(folders.roots()).toEqual([pkgFolder]);
  });

  it('tells inside from outside', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c.docx')).toBe(true);
    expect(isInside('/a/b', '/a/b/..c/d.docx')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/b/../c')).toBe(false);
  });
});

/** An fs error as Node raises it for a rename of the temp file onto the target. */
function fsError(code: string, from: string, to: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: resource busy or locked, rename '${from}' -> '${to}'`), {
    code,
    syscall: 'rename',
    path: from,
    dest: to,
  });
}

/** Whether this machine lets us make a file immutable (root on ext4): a real "cannot replace" for the save path. */
function canMakeImmutable(): boolean {
  const dir = makeTempDir('electron-chattr-');
  const probe = path.join(dir.dir, 'probe');
  try {
    writeFileSync(probe, '');
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    dir.remove();
  }
}

describe('saving a generated file (file:save)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let dialogAsked: Parameters<SaveFileDeps['showSaveDialog']>[0][];
  let chosen: string | null;
  let saved: string[];
  beforeEach(() => {
    tmp = makeTempDir('electron-save-');
    dialogAsked = [];
    chosen = null;
    saved = [];
  });
  afterEach(() => tmp.remove());

  const deps = (extra: Partial<SaveFileDeps> = {}): SaveFileDeps => ({
    showSaveDialog: async (o) => {
      dialogAsked.push(o);
      return chosen ? { canceled: false, filePath: chosen } : { canceled: true, filePath: '' };
    },
    defaultDir: () => '/文档',
    onSaved: (p) => saved.push(p),
    ...extra,
  });
  /** The file:save handler as the page reaches it, with main's saveFile behind it. */
  const saveThroughIpc = (d: SaveFileDeps) => {
    const handlers = new Map<string, (...a: unknown[]) => Promise<unknown>>();
    registerIpc({ handle: (ch: string, f: never) => handlers.set(ch, f) }, vi.fn(), createSaveFile(d));
    return (fileName: string, data = 'UEsDBA==') =>
      handlers.get(SAVE_FILE_CHANNEL)!(trusted, fileName, data) as Promise<Result<{ path: string } | null>>;
  };

  it("offers the file's own type in the dialog: Word 文档 for .docx, Excel 工作簿 for .xlsx", () => {
    expect(saveDialogOptions('统计表（2026年10月）.xlsx', '/文档')).toMatchObject({
      defaultPath: path.join('/文档', '统计表（2026年10月）.xlsx'),
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      buttonLabel: '保存',
    });
    expect(saveDialogOptions('../../报告.docx', '/文档')).toMatchObject({
      defaultPath: path.join('/文档', '报告.docx'),
      filters: [{ name: 'Word 文档', extensions: ['docx'] }],
    });
    expect(saveDialogOptions('备份.zip', '/文档').filters).toEqual([
      { name: '压缩文件', extensions: ['zip'] },
    ]);
    expect(withExtension('/文档/月报', '统计表.xlsx')).toBe('/文档/月报.xlsx');
    expect(withExtension('/文档/月报.XLSX', '统计表.xlsx')).toBe('/文档/月报.XLSX');
  });

  it('writes the chosen file whole (no temp left), remembers it for 打开文件, and opens the next dialog there', async () => {
    const save = saveThroughIpc(deps());
    chosen = path.join(tmp.dir, '会议台账');
    const r = await save('会议台账.xlsx', Buffer.from('PK-data').toString('base64'));
    const target = path.join(tmp.dir, '会议台账.xlsx');
    expect(r).toEqual({ ok: true, data: { path: target } });
    expect(readFileSync(target, 'utf8')).toBe('PK-data');
    expect(readdirSync(tmp.dir)).toEqual(['会议台账.xlsx']);
    expect(saved).toEqual([target]);
    expect(dialogAsked[0]).toMatchObject({ filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
    expect(dialogAsked[0].defaultPath).toBe(path.join('/文档', '会议台账.xlsx'));
    chosen = null;
    expect(await save('报告.docx')).toEqual({ ok: true, data: null }); // cancelled
    expect(dialogAsked[1].defaultPath).toBe(path.join(tmp.dir, '报告.docx'));
  });

  it.each([
    ['EBUSY', /文件“统计表\.xlsx”正被 WPS 或 Excel 打开.*请关闭该文件后重试/],
    ['EPERM', /文件“统计表\.xlsx”正被 WPS 或 Excel 打开.*请关闭该文件后重试/],
    ['ENOSPC', /磁盘空间已满，“统计表\.xlsx”没有写入；请清理磁盘/],
    ['EROFS', /没有权限写入.*统计表\.xlsx：该文件夹是只读的.*请换一个文件夹/],
  ])(
    'answers %s on save with a Chinese message naming the file, ok:false, the old file kept',
    async (code, said) => {
      const target = path.join(tmp.dir, '统计表.xlsx');
      writeFileSync(target, 'old');
      chosen = target;
      const save = saveThroughIpc(
        deps({
          fs: {
            // A full disk fails while writing the temp file; a held or read-only target fails at the rename.
            writeFile: async (p, data) => {
              if (code === 'ENOSPC') throw fsError(code, p, p);
              writeFileSync(p, data);
            },
            rename: async (from, to) => {
              throw fsError(code, from, to);
            },
          },
        }),
      );
      const r = await save('统计表.xlsx');
      expect(r.ok).toBe(false);
      const message = !r.ok ? r.error.message : '';
      expect(message).toMatch(said);
      expect(message).toContain(target);
      expect(message).not.toMatch(/EBUSY|EPERM|ENOSPC|EROFS|resource busy|rename/);
      expect(!r.ok && r.error.details).toMatchObject({ path: target, fsCode: code });
      expect(readFileSync(target, 'utf8')).toBe('old');
      expect(readdirSync(tmp.dir)).toEqual(['统计表.xlsx']);
      expect(saved).toEqual([]);
    },
  );

  it('says a missing folder in Chinese (a USB drive pulled out between dialog and write)', async () => {
    chosen = path.join(tmp.dir, '拔出的U盘', '报告.docx');
    const r = await saveThroughIpc(deps())('报告.docx');
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!r.ok && r.error.message).toMatch(/文件夹不存在.*U 盘已拔出/);
  });

  it('never lets a failure cross IPC as a throw: the dialog or the writer throwing still gives an envelope', async () => {
    const dialogFails = saveThroughIpc(
      deps({
        showSaveDialog: () => Promise.reject(new Error('dialog gone')),
      }),
    );
    const r = await dialogFails('报告.docx');
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!r.ok && r.error.message).toMatch(/没有保存/);
    expect(!r.ok && r.error.message).not.toContain('dialog gone');

    const handlers = new Map<string, (...a: unknown[]) => Promise<unknown>>();
    registerIpc({ handle: (ch: string, f: never) => handlers.set(ch, f) }, vi.fn(), () => {
      throw new Error('EIO: i/o error, write');
    });
    const thrown = (await handlers.get(SAVE_FILE_CHANNEL)!(trusted, '报告.docx', 'AA==')) as Result<null>;
    expect(thrown).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!thrown.ok && thrown.error.message).toMatch(/文件“报告\.docx”没有保存/);
  });

  const immutableOk = canMakeImmutable();
  it.skipIf(!immutableOk)(
    'refuses at once, in Chinese, a real file that cannot be replaced (immutable: EPERM)',
    async () => {
      const target = path.join(tmp.dir, '工作情况报告.docx');
      writeFileSync(target, 'old');
      execFileSync('chattr', ['+i', target]);
      try {
        chosen = target;
        const r = await saveThroughIpc(deps())('工作情况报告.docx');
        expect(r).toMatchObject({ ok: false, error: { code: 'conflict', details: { fsCode: 'EPERM' } } });
        expect(!r.ok && r.error.message).toMatch(/“工作情况报告\.docx”正被 WPS 或 Excel 打开/);
        expect(readFileSync(target, 'utf8')).toBe('old');
        expect(readdirSync(tmp.dir)).toEqual(['工作情况报告.docx']);
      } finally {
        execFileSync('chattr', ['-i', target]);
      }
    },
  );
});

describe('a crashed or hung page', () => {
  type Listener = (...a: unknown[]) => void;
  function fakeWindow() {
    const events = new Map<string, Listener>();
    const contents = new Map<string, Listener>();
    const calls: string[] = [];
    const win: WatchedWindow = {
      on: (e, f) => events.set(e, f),
      isDestroyed: () => false,
      webContents: {
        on: (e, f) => contents.set(e, f as Listener),
        reload: () => calls.push('reload'),
        forcefullyCrashRenderer: () => calls.push('crash'),
      },
    };
    return { win, events, contents, calls };
  }
  const answer = (response: number) => {
    const asked: Parameters<ShowMessageBox>[0][] = [];
    let release: (n: number) => void = () => {};
    const show: ShowMessageBox = (o) => {
      asked.push(o);
      return response >= 0
        ? Promise.resolve({ response })
        : new Promise((resolve) => {
            release = (n) => resolve({ response: n });
            o.signal?.addEventListener('abort', () => resolve({ response: o.cancelId ?? 0 }));
          });
    };
    return { asked, show, release: (n: number) => release(n) };
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('offers a reload in Chinese when the page process dies, saying the saved data is safe', async () => {
    const w = fakeWindow();
    const box = answer(0);
    const quit = vi.fn();
    watchRenderer(w.win, { showMessageBox: box.show, quit });
    w.contents.get('render-process-gone')!({}, { reason: 'oom', exitCode: 9 });
    await settle();
    expect(box.asked).toHaveLength(1);
    expect(box.asked[0]).toMatchObject({ type: 'error', buttons: ['重新载入', '退出程序'], defaultId: 0 });
    expect(box.asked[0].message).toBe('界面意外关闭（内存不足）');
    expect(box.asked[0].detail).toMatch(/已经保存的数据都在本机磁盘上，没有丢失/);
    expect(w.calls).toEqual(['reload']);
    expect(quit).not.toHaveBeenCalled();
  });

  it('quits when asked to, ignores a clean exit, and asks once however often it crashes meanwhile', async () => {
    const w = fakeWindow();
    const box = answer(-1);
    const quit = vi.fn();
    watchRenderer(w.win, { showMessageBox: box.show, quit });
    w.contents.get('render-process-gone')!({}, { reason: 'clean-exit', exitCode: 0 });
    expect(box.asked).toHaveLength(0);
    w.contents.get('render-process-gone')!({}, { reason: 'crashed', exitCode: 1 });
    w.contents.get('render-process-gone')!({}, { reason: 'crashed', exitCode: 1 });
    expect(box.asked).toHaveLength(1);
    box.release(1);
    await settle();
    expect(quit).toHaveBeenCalledTimes(1);
    expect(w.calls).toEqual([]);
  });

  it('offers to wait or reload a hung page; reloading ends it first and does not ask again for that', async () => {
    const w = fakeWindow();
    const box = answer(1);
    watchRenderer(w.win, { showMessageBox: box.show, quit: vi.fn() });
    w.events.get('unresponsive')!();
    await settle();
    expect(box.asked[0]).toMatchObject({
      type: 'warning',
      message: '界面没有响应',
      buttons: ['继续等待', '重新载入'],
    });
    expect(box.asked[0].detail).toMatch(/没有丢失/);
    expect(w.calls).toEqual(['crash', 'reload']);
    // The end of the hung page is reported as "killed": that is the reload under way, not a new crash.
    w.contents.get('render-process-gone')!({}, { reason: 'killed', exitCode: 0 });
    await settle();
    expect(box.asked).toHaveLength(1);
  });

  it('closes the question when the page answers again before anyone chose', async () => {
    const w = fakeWindow();
    const box = answer(-1);
    watchRenderer(w.win, { showMessageBox: box.show, quit: vi.fn() });
    w.events.get('unresponsive')!();
    expect(box.asked[0].signal?.aborted).toBe(false);
    w.events.get('responsive')!();
    await settle();
    expect(box.asked[0].signal?.aborted).toBe(true);
    expect(w.calls).toEqual([]); // cancelled = 继续等待
  });
});

describe('preload', () => {
  it("exposes exactly the contract's channels and refuses others before they reach main", async () => {
    await import('../../../src-main/electron/preload');
    const api = mocks.exposed.api as { channels: string[]; invoke(c: string, a: unknown): Promise<unknown> };
    expect(Object.keys(mocks.exposed)).toEqual(['api']);
    expect([...api.channels].sort()).toEqual([...CHANNELS].sort());
    expect(await api.invoke('shell:openExternal', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    });
    expect(mocks.invoked).toHaveLength(0);
    await api.invoke('settings:get', {});
    expect(mocks.invoked).toEqual([['api:settings:get', {}]]);
  });

  it('exposes saving a file and opening a generated one, each on its own channel', async () => {
    await import('../../../src-main/electron/preload');
    const api = mocks.exposed.api as Record<string, (...a: unknown[]) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([
      'channels',
      'invoke',
      'openPath',
      'saveFile',
      'showItemInFolder',
    ]);
    mocks.invoked.length = 0;
    await api.showItemInFolder('/out/a.docx');
    await api.openPath('/out');
    expect(mocks.invoked).toEqual([
      [SHOW_ITEM_CHANNEL, '/out/a.docx'],
      [OPEN_PATH_CHANNEL, '/out'],
    ]);
  });
});

describe('hardening', () => {
  it('denies navigation away from app://, new windows, webviews and every permission', () => {
    const on = new Map<string, (e: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    hardenContents({
      on: (ev: string, f: never) => on.set(ev, f),
      setWindowOpenHandler: (f: never) => (openHandler = f),
    } as never);
    const prevent = vi.fn();
    on.get('will-navigate')!({ preventDefault: prevent }, 'https://example.com/');
    expect(prevent).toHaveBeenCalledTimes(1);
    on.get('will-navigate')!({ preventDefault: prevent }, 'app://campaign-desk/index.html#/meetings');
    expect(prevent).toHaveBeenCalledTimes(1);
    on.get('will-attach-webview')!({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalledTimes(2);
    expect(openHandler!()).toEqual({ action: 'deny' });
    let requestHandler: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (f: never) => (requestHandler = f),
      setPermissionCheckHandler: (f: never) => (checkHandler = f),
    });
    const cb = vi.fn();
    requestHandler!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(checkHandler!()).toBe(false);
  });
});

describe('main process', () => {
  const data = makeTempDir('electron-main-');
  afterAll(async () => {
    const quit = mocks.appEvents.get('will-quit');
    await new Promise<void>((resolve) => {
      quit?.({ preventDefault: () => {} });
      setTimeout(resolve, 200);
    });
    data.remove();
  });

  it('opens one sandboxed, isolated window on app:// with every channel wired', async () => {
    process.env.CAMPAIGN_DESK_DATA_DIR = data.dir;
    await import('../../../src-main/electron/main');
    mocks.ready();
    await vi.waitFor(() => expect(mocks.windows).toHaveLength(1), { timeout: 10_000 });
    const prefs = mocks.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(mocks.windows[0].url).toBe('app://campaign-desk/index.html');
    for (const c of CHANNELS) expect(mocks.handlers.has(`api:${c}`)).toBe(true);
    expect(mocks.handlers.has(OPEN_PATH_CHANNEL)).toBe(true);
    expect(mocks.handlers.has(SHOW_ITEM_CHANNEL)).toBe(true);
    expect(mocks.permission.request).toBeTypeOf('function');
    expect(mocks.appEvents.has('web-contents-created')).toBe(true);
    const info = (await mocks.handlers.get('api:app:info')!(trusted, {})) as {
      ok: boolean;
      data: { dataDir: string; door: string };
    };
    expect(info.data).toMatchObject({ dataDir: data.dir, door: 'ipc' });
  });

  it('saves through the dialog with its type filter, then lets the page open that file and nothing beside it', async () => {
    const out = path.join(data.dir, '我的导出');
    mkdirSync(out);
    const target = path.join(out, '统计表.xlsx');
    mocks.saveAnswers.push({ canceled: false, filePath: target });
    const save = mocks.handlers.get(SAVE_FILE_CHANNEL)!;
    expect(await save(trusted, '统计表.xlsx', Buffer.from('PK').toString('base64'))).toEqual({
      ok: true,
      data: { path: target },
    });
    expect(mocks.saveAsked[0].at(-1)).toMatchObject({
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });
    expect(readFileSync(target, 'utf8')).toBe('PK');
    expect(await mocks.handlers.get(OPEN_PATH_CHANNEL)!(trusted, target)).toEqual({ ok: true, data: null });
    expect(await mocks.handlers.get(SHOW_ITEM_CHANNEL)!(trusted, target)).toEqual({ ok: true, data: null });
    writeFileSync(path.join(out, '别的.docx'), 'PK');
    expect(await mocks.handlers.get(OPEN_PATH_CHANNEL)!(trusted, path.join(out, '别的.docx'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // A folder that vanished between dialog and write: a Chinese answer, not a rejected promise.
    mocks.saveAnswers.push({ canceled: false, filePath: path.join(data.dir, '不存在', '报告.docx') });
    const failed = (await save(trusted, '报告.docx', 'AA==')) as Result<null>;
    expect(failed).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(existsSync(path.join(data.dir, '不存在'))).toBe(false);
  });

  it('watches the window: a crashed page gets the Chinese dialog and is reloaded', async () => {
    const win = mocks.windows[0];
    expect(win.events.has('unresponsive')).toBe(true);
    win.contentsEvents.get('render-process-gone')!({}, { reason: 'crashed', exitCode: 1 });
    await vi.waitFor(() => expect(win.reloads).toBe(1));
    expect(mocks.boxAsked[0].at(-1)).toMatchObject({
      message: '界面意外关闭（界面进程崩溃）',
      buttons: ['重新载入', '退出程序'],
    });
  });
});
