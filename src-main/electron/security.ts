// Hardening applied to every web contents: no navigation away from app:// (top frame or any sub-frame), no new
// windows, no webviews, no developer tools unless the debug flag is set, and no permission (camera, notifications,
// geolocation, USB/HID/serial devices…) ever granted. Re-checked against Electron 45's security checklist.
import type { App, Session, WebContents } from 'electron';
import { APP_ORIGIN } from './ipc';

export const DEBUG_SWITCH = '--debug';
export const DEBUG_ENV = 'CAMPAIGN_DESK_DEBUG';

/** The debug flag: `--debug` on the command line or CAMPAIGN_DESK_DEBUG=1. Unlocks reload and developer tools. */
export function isDebug(
  argv: readonly string[] = process.argv,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return argv.includes(DEBUG_SWITCH) || env[DEBUG_ENV] === '1';
}

export function isAppUrl(url: unknown): boolean {
  return typeof url === 'string' && (url.startsWith(`${APP_ORIGIN}/`) || url === APP_ORIGIN);
}

type NavigationEvent = { preventDefault(): void; url?: string };

export function hardenContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'> & Partial<Pick<WebContents, 'closeDevTools'>>,
  opts: { allowDevTools?: boolean } = {},
) {
  // Electron 45 passes the URL on the event; the positional `url` argument is deprecated (kept as a fallback).
  const refuse = (event: NavigationEvent, legacyUrl?: unknown) => {
    if (!isAppUrl(event.url ?? legacyUrl)) event.preventDefault();
  };
  contents.on('will-navigate', refuse);
  contents.on('will-redirect', refuse);
  // Sub-frames (an <iframe> the page did not expect) are held to the same rule as the top frame.
  contents.on('will-frame-navigate', (event: NavigationEvent) => refuse(event));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (!opts.allowDevTools) contents.on('devtools-opened', () => contents.closeDevTools?.());
}

export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> &
    Partial<Pick<Session, 'setDevicePermissionHandler'>>,
) {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
}

export function hardenApp(
  app: Pick<App, 'on'>,
  opts: { allowDevTools?: boolean } = { allowDevTools: isDebug() },
) {
  app.on('web-contents-created', (_e, contents) => hardenContents(contents, opts));
}
