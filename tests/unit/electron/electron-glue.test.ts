// The Electron edge, with a mocked `electron` module (the binary cannot be downloaded here): every contract
// channel registered, foreign senders refused, the preload exposing exactly the contract, the window hardened.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src-main/shared/contract';
import { isTrustedSender, registerIpc } from '../../../src-main/electron/ipc';
import { hardenContents, hardenSession } from '../../../src-main/electron/security';
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
    expect(mocks.permission.request).toBeTypeOf('function');
    expect(mocks.appEvents.has('web-contents-created')).toBe(true);
    const info = (await mocks.handlers.get('api:app:info')!(trusted, {})) as {
      ok: boolean;
      data: { dataDir: string; door: string };
    };
    expect(info.data).toMatchObject({ dataDir: data.dir, door: 'ipc' });
  });
});
