// Hardening applied to every web contents: no navigation away from app://, no new windows, no webviews,
// no permission (camera, notifications, geolocation…) ever granted.
import type { App, Session, WebContents } from 'electron';
import { APP_ORIGIN } from './ipc';

export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url === APP_ORIGIN;
}

export function hardenContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>) {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
) {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenApp(app: Pick<App, 'on'>) {
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));
}
