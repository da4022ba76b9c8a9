// The desktop's answer to 'store:choosePath' (设置 → 数据与备份): the system's folder dialog for 备份到其他位置 (a USB
// drive) and its file dialog for 从文件恢复. It wraps the router's call, so the channel still goes through the
// router first (arguments checked, administrator only) and the page needs nothing beyond the contract's channels;
// the chosen path then goes back through the router ('store:backup', 'store:inspect', 'store:restore').
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type { Call } from '../router/router';

const CHOOSE_CHANNEL = 'store:choosePath';

const DIALOGS: Record<'backupFolder' | 'restoreFile', OpenDialogOptions> = {
  backupFolder: {
    title: '选择备份保存到的文件夹（如 U 盘）',
    buttonLabel: '备份到此文件夹',
    properties: ['openDirectory', 'createDirectory'],
  },
  restoreFile: {
    title: '选择要恢复的备份文件',
    buttonLabel: '检查此备份',
    properties: ['openFile'],
    filters: [
      { name: '备份文件', extensions: ['json'] },
      { name: '所有文件', extensions: ['*'] },
    ],
  },
};

/**
 * Wraps the router's call for the IPC door: a permitted 'store:choosePath' shows the dialog (modal to `window()`)
 * and answers the chosen path, or null when cancelled. Every other channel passes through untouched.
 */
export function withBackupDialogs(
  call: Call,
  dialog: Pick<Dialog, 'showOpenDialog'>,
  window: () => BrowserWindow | null,
): Call {
  return async (channel, args, ctx) => {
    const r = await call(channel, args, ctx);
    if (channel !== CHOOSE_CHANNEL || !r.ok) return r;
    const purpose = (args as { purpose: keyof typeof DIALOGS }).purpose; // validated by the router
    const options = DIALOGS[purpose];
    try {
      const win = window();
      const picked = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      const path = picked.canceled ? null : (picked.filePaths[0] ?? null);
      return { ok: true, data: { path, supported: true } };
    } catch {
      return { ok: false, error: { code: 'internal', message: '无法打开选择窗口，请重试。' } };
    }
  };
}
