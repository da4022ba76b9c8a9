// The desktop shell with a mocked `electron` module: the Chinese menu (reload and developer tools only with the
// debug flag), the hardening that goes with it, and the entry point that sends `--cli` to the command line.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../../src-main/electron/menu';
import { CLI_SWITCH, cliArgsOf, runCliInElectron } from '../../../src-main/electron/cli-switch';
import { hardenContents, hardenSession, isDebug } from '../../../src-main/electron/security';
import { makeTempDir } from '../../helpers/temp-dir';

const mocks = vi.hoisted(() => {
  let ready: () => void = () => {};
  const readyPromise = new Promise<void>((r) => (ready = r));
  return {
    menus: [] as { template: unknown[] }[],
    exit: [] as number[],
    mainImported: 0,
    lockRequested: 0,
    sandboxed: 0,
    readyPromise,
    ready: () => ready(),
  };
});

vi.mock('electron', () => ({
  app: {
    whenReady: () => mocks.readyPromise,
    exit: (code: number) => mocks.exit.push(code),
    requestSingleInstanceLock: () => (mocks.lockRequested++, true),
    enableSandbox: () => mocks.sandboxed++,
    getVersion: () => '9.9.9',
    on: vi.fn(),
  },
  dialog: { showMessageBox: vi.fn(async () => ({ response: 0 })) },
  Menu: {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: (menu: { template: unknown[] }) => mocks.menus.push(menu),
  },
}));

// The desktop app itself is covered by electron-glue.test.ts; here only whether the entry point loads it.
vi.mock('../../../src-main/electron/main', () => {
  mocks.mainImported++;
  return {};
});

type Item = MenuItemConstructorOptions;
const items = (template: Item[]): Item[] =>
  template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
const roles = (template: Item[]) => items(template).flatMap((i) => (i.role ? [i.role.toLowerCase()] : []));
const DEV_ROLES = ['reload', 'forcereload', 'toggledevtools'];
const plain = (label?: string) => label?.replace(/\(&\w\)$/, '');

describe('application menu', () => {
  it('has 文件、编辑、视图、帮助, every item labelled in Chinese, and no reload or developer tools', () => {
    const template = menuTemplate({ debug: false, about: () => {} });
    expect(template.map((m) => plain(m.label))).toEqual(['文件', '编辑', '视图', '帮助']);
    for (const item of items(template)) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(roles(template)).toEqual(
      expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectall', 'zoomin']),
    );
    for (const r of DEV_ROLES) expect(roles(template)).not.toContain(r);
  });

  it('adds reload and developer tools (in Chinese) only with the debug flag', () => {
    const template = menuTemplate({ debug: true, about: () => {} });
    for (const r of DEV_ROLES) expect(roles(template)).toContain(r);
    const dev = items(template).filter((i) => i.role && DEV_ROLES.includes(i.role.toLowerCase()));
    expect(dev.map((i) => i.label)).toEqual(['重新加载', '强制重新加载', '开发者工具']);
  });

  it('reads the debug flag from --debug or CAMPAIGN_DESK_DEBUG=1, and nothing else', () => {
    expect(isDebug(['campaign-desk'], {})).toBe(false);
    expect(isDebug(['campaign-desk', '--debug'], {})).toBe(true);
    expect(isDebug(['campaign-desk'], { CAMPAIGN_DESK_DEBUG: '1' })).toBe(true);
    expect(isDebug(['campaign-desk'], { CAMPAIGN_DESK_DEBUG: '0', NODE_ENV: 'development' })).toBe(false);
  });

  it('shows the version in 关于', () => {
    const about = vi.fn();
    const item = items(menuTemplate({ debug: false, about })).find((i) => i.label === '关于教育整顿工作台');
    (item?.click as () => void)();
    expect(about).toHaveBeenCalledOnce();
  });
});

describe('hardening that goes with the menu', () => {
  const contents = () => {
    const on = new Map<string, (...a: unknown[]) => void>();
    const closeDevTools = vi.fn();
    return {
      on,
      closeDevTools,
      fake: {
        on: (ev: string, f: (...a: unknown[]) => void) => on.set(ev, f),
        setWindowOpenHandler: vi.fn(),
        closeDevTools,
      } as never,
    };
  };

  it('closes developer tools opened by any means unless debugging', () => {
    const c = contents();
    hardenContents(c.fake);
    c.on.get('devtools-opened')!();
    expect(c.closeDevTools).toHaveBeenCalledOnce();
    const d = contents();
    hardenContents(d.fake, { allowDevTools: true });
    expect(d.on.has('devtools-opened')).toBe(false);
  });

  it('reads the URL from the event (Electron 45) and holds sub-frames to app:// too', () => {
    const c = contents();
    hardenContents(c.fake);
    const prevent = vi.fn();
    c.on.get('will-navigate')!({ url: 'https://example.com/', preventDefault: prevent });
    c.on.get('will-frame-navigate')!({ url: 'https://example.com/', preventDefault: prevent });
    c.on.get('will-redirect')!({ url: 'file:///etc/passwd', preventDefault: prevent });
    expect(prevent).toHaveBeenCalledTimes(3);
    c.on.get('will-frame-navigate')!({ url: 'app://campaign-desk/index.html', preventDefault: prevent });
    c.on.get('will-navigate')!({ url: undefined, preventDefault: prevent });
    expect(prevent).toHaveBeenCalledTimes(4);
  });

  it('refuses USB, HID and serial devices as well as permissions', () => {
    let device: (() => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: (f: never) => (device = f),
    });
    expect(device!()).toBe(false);
  });
});

describe('--cli switch', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
    vi.resetModules();
  });

  it('takes the arguments after --cli, or none when absent', () => {
    expect(CLI_SWITCH).toBe('--cli');
    expect(cliArgsOf(['campaign-desk', '--cli', 'verify', '--data-dir', 'D'])).toEqual([
      'verify',
      '--data-dir',
      'D',
    ]);
    expect(cliArgsOf(['campaign-desk', '--cli'])).toEqual([]);
    expect(cliArgsOf(['campaign-desk', '--data-dir', 'D'])).toBeNull();
  });

  it('exits with the command’s code, and with 1 when the CLI itself fails', async () => {
    const app = { exit: vi.fn() };
    await runCliInElectron(app, ['verify'], async () => 3);
    expect(app.exit).toHaveBeenLastCalledWith(3);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await runCliInElectron(app, ['verify'], async () => Promise.reject(new Error('坏了')));
    expect(app.exit).toHaveBeenLastCalledWith(1);
    expect(err).toHaveBeenCalledWith('坏了\n');
    err.mockRestore();
  });

  it('runs `verify` through the entry point without starting the desktop app', async () => {
    const tmp = makeTempDir('electron-cli-');
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    try {
      process.argv = ['/opt/campaign-desk/campaign-desk', CLI_SWITCH, '--data-dir', tmp.dir, 'verify'];
      await import('../../../src-main/electron/entry');
      await vi.waitFor(() => expect(mocks.exit).toHaveLength(1), { timeout: 30_000 });
    } finally {
      write.mockRestore();
      tmp.remove();
    }
    expect(mocks.exit).toEqual([0]);
    expect(out.join('')).toContain(`检查通过：${path.resolve(tmp.dir)}`);
    expect(mocks.mainImported).toBe(0);
    expect(mocks.lockRequested).toBe(0);
    expect(mocks.sandboxed).toBe(0);
    expect(mocks.menus).toHaveLength(0);
  });

  it('without --cli starts the desktop app and installs the menu once ready', async () => {
    process.argv = ['/opt/campaign-desk/campaign-desk'];
    delete process.env.CAMPAIGN_DESK_DEBUG;
    await import('../../../src-main/electron/entry');
    await vi.waitFor(() => expect(mocks.mainImported).toBe(1));
    expect(mocks.sandboxed).toBe(1);
    expect(mocks.menus).toHaveLength(0);
    mocks.ready();
    await vi.waitFor(() => expect(mocks.menus).toHaveLength(1));
    const template = mocks.menus[0].template as Item[];
    expect(template.map((m) => plain(m.label))).toEqual(['文件', '编辑', '视图', '帮助']);
    for (const r of DEV_ROLES) expect(roles(template)).not.toContain(r);
  });
});
