// The preload: exposes exactly the contract's channels to the page, plus saving a file and opening a generated one
// (checked in main), nothing else (no ipcRenderer, no Node).
// Bundled as one CommonJS file because a sandboxed preload cannot use ESM imports. It takes the channel names from
// their plain list, not from the contract, whose schemas would bring all of zod into the preload.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES } from '../shared/contract/channel-names';

const allowed = new Set<string>(CHANNEL_NAMES);

export const desktopApi = {
  channels: [...CHANNEL_NAMES] as string[],
  invoke(channel: string, args: unknown): Promise<unknown> {
    if (!allowed.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_channel', message: `未知的接口：${channel}` },
      });
    }
    return ipcRenderer.invoke(`api:${channel}`, args);
  },
  saveFile(fileName: string, dataBase64: string): Promise<unknown> {
    return ipcRenderer.invoke('file:save', fileName, dataBase64);
  },
  /**
   * Main opens only paths under the output folder or a file just saved through the save dialog (see shell.ts);
   * the page cannot widen that. Saving answers { ok: false } with a Chinese message, it never rejects.
   */
  showItemInFolder(path: string): Promise<unknown> {
    return ipcRenderer.invoke('shell:showItemInFolder', path);
  },
  openPath(path: string): Promise<unknown> {
    return ipcRenderer.invoke('shell:openPath', path);
  },
};

contextBridge.exposeInMainWorld('api', desktopApi);
