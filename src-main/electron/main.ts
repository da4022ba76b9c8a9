// Electron main process: the thin edge. It resolves the data directory, builds the app through the same
// composition root as web mode and the CLI, and opens one hardened window on app://.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app/create-app';
import type { App as CampaignApp } from '../app/create-app';
import { resolveDataDir, StoreLockedError } from '../store';
import { registerIpc, APP_ORIGIN } from './ipc';
import { APP_SCHEME, handleAppProtocol } from './protocol';
import { hardenApp, hardenSession } from './security';
import { createOutputFolders, registerShell, rememberPackages } from './shell';

const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(here, '../renderer');
const PRELOAD = path.join(here, '../preload/preload.cjs');

protocol.registerSchemesAsPrivileged([APP_SCHEME]);
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;
let campaign: CampaignApp | null = null;

function createWindow() {
  mainWindow = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    title: '教育整顿工作台',
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

async function saveFile(fileName: string, dataBase64: string) {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  const options = { defaultPath: path.join(app.getPath('documents'), path.basename(fileName)) };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return { ok: true as const, data: null };
  await writeFile(r.filePath, Buffer.from(dataBase64, 'base64'));
  return { ok: true as const, data: { path: r.filePath } };
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.on('window-all-closed', () => app.quit());

app.on('will-quit', (event) => {
  if (!campaign) return;
  event.preventDefault();
  const closing = campaign;
  campaign = null;
  void closing.close().finally(() => app.quit());
});

hardenApp(app);

app
  .whenReady()
  .then(async () => {
    hardenSession(session.defaultSession);
    handleAppProtocol(protocol, RENDERER_DIR);
    const dataDir = resolveDataDir({
      argv: process.argv,
      env: process.env,
      portableExeDir: process.env.PORTABLE_EXECUTABLE_DIR,
      userDataDir: app.getPath('userData'),
    });
    const documentsDir = app.getPath('documents');
    campaign = await createApp({ dataDir, owner: 'desktop', version: app.getVersion(), documentsDir });
    // The output folder exactly as the package service resolves it.
    const root = campaign;
    const folders = createOutputFolders(() => root.outputRoot());
    registerIpc(ipcMain, rememberPackages(campaign.call, folders), saveFile, campaign.security.sessions);
    registerShell(ipcMain, shell, folders);
    createWindow();
  })
  .catch((e: unknown) => {
    const message =
      e instanceof StoreLockedError ? e.message : `启动失败：${e instanceof Error ? e.message : String(e)}`;
    dialog.showErrorBox('教育整顿工作台无法启动', message);
    app.exit(1);
  });
