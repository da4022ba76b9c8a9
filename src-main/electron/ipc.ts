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

/** What the IPC door needs from the session store. */
export interface IpcSessions {
  contextFor(door: 'ipc', sessionId: string | null, fallbackSessionId: string): CallContext;
  signOut(sessionId: string): boolean;
}

const anonymous: IpcSessions = {
  contextFor: (_door, _sid, fallbackSessionId) => ({ door: 'ipc', user: null, sessionId: fallbackSessionId }),
  signOut: () => false,
};

/** Channels whose result carries a new session id, which main keeps per window and never hands to the page. */
const SIGN_IN_CHANNELS = new Set(['auth:signIn', 'auth:setupAdmin', 'auth:recover']);

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  call: Call,
  saveFile: (fileName: string, dataBase64: string) => Promise<Result<{ path: string } | null>>,
  sessions: IpcSessions = anonymous,
) {
  // One session per window, held in main: a compromised page cannot read or replay another window's session.
  const byWindow = new Map<number, string>();
  const ctxFor = (event: IpcMainInvokeEvent): CallContext =>
    sessions.contextFor('ipc', byWindow.get(event.sender.id) ?? null, `ipc-${event.sender.id}`);

  for (const channel of CHANNELS) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async (event, args: unknown) => {
      if (!isTrustedSender(event)) return refused;
      const result = await call(channel, args, ctxFor(event));
      const id = event.sender.id;
      if (channel === 'auth:signOut') byWindow.delete(id);
      if (result.ok && SIGN_IN_CHANNELS.has(channel)) {
        const data = result.data as { sessionId?: unknown } | null;
        if (data && typeof data.sessionId === 'string') {
          const previous = byWindow.get(id);
          if (previous) sessions.signOut(previous);
          if (!byWindow.has(id))
            event.sender.once?.('destroyed', () => {
              const sid = byWindow.get(id);
              if (sid) sessions.signOut(sid);
              byWindow.delete(id);
            });
          byWindow.set(id, data.sessionId);
          return { ok: true, data: { ...data, sessionId: '' } };
        }
      }
      return result;
    });
  }
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, fileName: unknown, dataBase64: unknown) => {
    if (!isTrustedSender(event)) return refused;
    if (typeof fileName !== 'string' || typeof dataBase64 !== 'string') {
      return {
        ok: false,
        error: { code: 'validation', message: '文件名或内容无效' },
      } satisfies Result<never>;
    }
    // saveFile answers failures as envelopes; should anything still throw, the page gets a sentence, not a
    // rejected promise (which would leave its 正在生成 spinner turning for ever).
    try {
      return await saveFile(fileName, dataBase64);
    } catch {
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `文件“${fileName}”没有保存：程序内部出错。请重试，或换一个文件夹保存。`,
        },
      } satisfies Result<never>;
    }
  });
}
