// IPC wiring: one `ipcMain.handle` per contract channel, each refusing any sender that is not the app's own
// main frame loaded from app://. Results are always envelopes: Electron would keep only an Error's message.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../shared/contract';
import type { CallContext } from '../shared/context';
import type { Call } from '../router/router';
import type { Result } from '../shared/result';

export const IPC_PREFIX = 'api:';
export const SAVE_FILE_CHANNEL = 'file:save';
export const APP_ORIGIN = 'app://campaign-desk';

/** True only for the top frame of one of our windows showing our own pages. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN || frame.url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

const refused: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: '拒绝来自非本应用页面的请求' },
};

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  call: Call,
  saveFile: (fileName: string, dataBase64: string) => Promise<Result<{ path: string } | null>>,
) {
  const ctxFor = (event: IpcMainInvokeEvent): CallContext => ({ door: 'ipc', user: null, sessionId: `ipc-${event.sender.id}` });
  for (const channel of CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async (event, args: unknown) => {
      if (!isTrustedSender(event)) return refused;
      return call(channel, args, ctxFor(event));
    });
  }
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, fileName: unknown, dataBase64: unknown) => {
    if (!isTrustedSender(event)) return refused;
    if (typeof fileName !== 'string' || typeof dataBase64 !== 'string') {
      return { ok: false, error: { code: 'validation', message: '文件名或内容无效' } } satisfies Result<never>;
    }
    return saveFile(fileName, dataBase64);
  });
}
