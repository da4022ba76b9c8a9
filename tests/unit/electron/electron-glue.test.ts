// The Electron edge, with a mocked `electron` module (the binary cannot be downloaded here): every contract
// channel registered, foreign senders refused, the preload exposing exactly the contract, the window hardened.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mock } from 'vitest';
import { CHANNELS } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/result';
import { isTrustedSender, registerIpc } from '../../../src-main/electron/ipc';
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
  const windows: { options: Record<string, unknown>; url?: string }[] = [];
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const appEvents = new Map<string, (...a: unknown[]) => void>();
  let ready: () => void = () => {};
  const readyPromise = new Promise<void>((r) => (ready = r));
  const permission: { request: unknown; check: unknown } = { request: null, check: null };
  return { handlers, windows, exposed, invoked, appEvents, readyPromise, ready: () => ready(), permission };
});

vi.mock('electron', () => {
  class BrowserWindow {
    options: Record<string, unknown>;
    entry: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      this.entry = { options };
      mocks.windows.push(this.entry);
    }
    once() {}
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
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn() },
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

  it('says why the system could not open a file', async () => {
    await madePackage();
    shell.openPath.mockResolvedValueOnce('No application is associated');
    const r = await ask(OPEN_PATH_CHANNEL, report);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!r.ok && r.error.message).toContain('No application is associated');
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
});
