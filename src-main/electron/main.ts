// Electron main process: the thin edge. It resolves the data directory, builds the app through the same
// composition root as web mode and the CLI, and opens one hardened window on app://.
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import type { SaveDialogOptions } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app/create-app';
import type { App as CampaignApp } from '../app/create-app';
import { resolveDataDir } from '../store';
import { describeStartupError } from '../store/errors';
import { registerIpc, APP_ORIGIN } from './ipc';
import { APP_SCHEME, handleAppProtocol } from './protocol';
import { watchRenderer } from './renderer-watch';
import { createSaveFile } from './save-file';
import { withBackupDialogs } from './backup-dialog';
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
  // A crashed or hung page gets a Chinese dialog offering a reload; the data stays with main, on disk.
  const win = mainWindow;
  watchRenderer(win, {
    showMessageBox: (options) => dialog.showMessageBox(win, options),
    quit: () => app.quit(),
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

/** Dialogs belong to the window in front (modal to it), or stand alone before there is one. */
function showSaveDialog(options: SaveDialogOptions) {
  const win = BrowserWindow.getFocusedWindow() ?? mainWindow;
  return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
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
    const saveFile = createSaveFile({
      showSaveDialog,
      defaultDir: () => documentsDir,
      onSaved: (file) => folders.rememberFile(file),
    });
    const call = withBackupDialogs(
      rememberPackages(campaign.call, folders),
      dialog,
      () => BrowserWindow.getFocusedWindow() ?? mainWindow,
    );
    registerIpc(ipcMain, call, saveFile, campaign.security.sessions);
    registerShell(ipcMain, shell, folders);
    createWindow();
  })
  .catch((e: unknown) => {
    // The store's own errors are Chinese already; a raw fs error ("EACCES: permission denied, mkdir …") is translated.
    dialog.showErrorBox('教育整顿工作台无法启动', describeStartupError(e));
    app.exit(1);
  });
