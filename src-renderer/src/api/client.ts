// The renderer's one door to main: window.api (desktop preload) or POST /api/<channel> (web mode), typed by the contract.
// It also tells the app when the server no longer knows the caller ('unauthenticated' from any channel), so every
// screen returns to sign-in (or the lock screen) without each one handling it.
import type { ArgsOf, Channel, ResultOf } from '../../../src-main/shared/contract';
import type { AppError, Result } from '../../../src-main/shared/result';
import { connectionLost, connectionOk, tokenStale } from './connection';

/** What the Electron preload exposes; absent in web mode. */
export interface DesktopApi {
  invoke(channel: string, args: unknown): Promise<Result<unknown>>;
  saveFile(fileName: string, dataBase64: string): Promise<Result<{ path: string } | null>>;
  /** Shows a generated file selected in the system's file manager (only under the output folder). */
  showItemInFolder(path: string): Promise<Result<null>>;
  /** Opens a generated file or its folder with the system's program (only under the output folder). */
  openPath(path: string): Promise<Result<null>>;
}

declare global {
  interface Window {
    api?: DesktopApi;
  }
}

const TOKEN_KEY = 'campaign-desk.token';

/** Web mode: the page is opened as /?token=…; keep the token for this tab and strip it from the address bar. */
function takeToken(): string | null {
  if (typeof window === 'undefined') return null;
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = takeToken();
const SESSION_KEY = 'campaign-desk.session';

/** Web mode: the session id from signing in, sent back as X-Session (the desktop door keeps it per window). */
function session(): string | null {
  return sessionStorage.getItem(SESSION_KEY);
}

/** Keeps or drops the session id when a sign-in or sign-out call succeeds. */
function trackSession(channel: string, r: Result<unknown>) {
  if (!r.ok) return;
  if (channel === 'auth:signOut') sessionStorage.removeItem(SESSION_KEY);
  const id = (r.data as { sessionId?: unknown } | null)?.sessionId;
  if (typeof id === 'string' && channel.startsWith('auth:')) sessionStorage.setItem(SESSION_KEY, id);
}

/**
 * Channels whose 'unauthenticated' answer is not a lost session: a wrong password (the form that called shows the
 * message), or the open channels the app loads with, which only fail so for a wrong web token (no sign-in helps).
 */
const OWN_ANSWER = new Set<string>([
  'auth:signIn',
  'auth:setupAdmin',
  'auth:recover',
  'auth:signOut',
  'app:info',
  'auth:status',
]);
/**
 * Channels whose success means a (new) session exists, or one that may now do more (a forced password change
 * done): screens that failed for want of one may load again.
 */
const SIGN_IN = new Set<string>(['auth:signIn', 'auth:setupAdmin', 'auth:recover', 'auth:changePassword']);

export type SessionEvent = 'lost' | 'restored';
const listeners = new Set<(e: SessionEvent, error?: AppError) => void>();

/** Subscribes to session events: 'lost' when any call is refused as unauthenticated, 'restored' after a sign-in. */
export function onSessionEvent(fn: (e: SessionEvent, error?: AppError) => void): () => void {
  listeners.add(fn);
  return () => {
    listeners.delete(fn);
  };
}

function notify(channel: string, r: Result<unknown>) {
  // A refused web token is no lost session: signing in cannot help, only the new address can (connection.ts).
  if (!r.ok && r.error.details?.staleToken) return;
  let e: SessionEvent | null = null;
  if (!r.ok && r.error.code === 'unauthenticated' && !OWN_ANSWER.has(channel)) e = 'lost';
  else if (r.ok && SIGN_IN.has(channel)) e = 'restored';
  if (!e) return;
  const event = e;
  for (const fn of [...listeners]) fn(event, r.ok ? undefined : r.error);
}

export function isDesktop(): boolean {
  return typeof window !== 'undefined' && !!window.api;
}

function failure(code: AppError['code'], message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code, message } };
}

function isEnvelope(v: unknown): v is Result<unknown> {
  return typeof v === 'object' && v !== null && 'ok' in v && typeof v.ok === 'boolean';
}

/** What every call answers once web mode's service no longer accepts this page's token (it was restarted). */
const STALE_TOKEN: Result<never> = {
  ok: false,
  error: {
    code: 'unauthenticated',
    message: '访问地址已失效：工作台服务已重新启动，请打开终端中最新打印的地址。',
    details: { staleToken: true },
  },
};

async function overHttp(channel: string, args: unknown): Promise<Result<unknown>> {
  let res: Response;
  try {
    res = await fetch(`./api/${channel}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(session() ? { 'X-Session': session()! } : {}),
      },
      body: JSON.stringify(args ?? {}),
    });
  } catch {
    connectionLost('service');
    return failure('internal', '无法连接到本机服务，请确认工作台仍在运行。');
  }
  connectionOk();
  // The door answers 401 only for a token that is not its own (the router's own refusals come with 200).
  if (res.status === 401) {
    tokenStale();
    return STALE_TOKEN;
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return failure('internal', `本机服务返回了无法识别的内容（HTTP ${res.status}）。`);
  }
  if (isEnvelope(body)) return body;
  return failure('internal', `本机服务返回了无法识别的内容（HTTP ${res.status}）。`);
}

/** Calls a contract channel; never throws: failures come back as `{ ok: false, error }`. */
export async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>> {
  try {
    const r: unknown = window.api ? await window.api.invoke(channel, args) : await overHttp(channel, args);
    if (!isEnvelope(r)) return failure('internal', '调用结果格式不正确。');
    if (!window.api) trackSession(channel, r);
    notify(channel, r);
    return r;
  } catch {
    // Only the desktop's IPC rejects (main gone or restarting); its English text means nothing to a clerk.
    return failure('internal', '与本机服务的通信中断，操作未完成。请重试；如仍不行，请重新打开工作台。');
  }
}

/** Like `call`, but resolves to the data or throws an ApiError (for hooks that keep an error state). */
export async function callOrThrow<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const r = await call(channel, args);
  if (!r.ok) throw new ApiError(r.error);
  return r.data;
}

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

export function toAppError(e: unknown): AppError {
  if (e instanceof ApiError) return e.error;
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
