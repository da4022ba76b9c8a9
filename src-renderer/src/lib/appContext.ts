// The app-wide data every screen reads: app info (door, notices, today), the office's settings, and who is signed in.
import { createContext } from 'react';
import type { AppInfo, AuthStatus } from '../../../src-main/shared/contract';
import type { SessionUser } from '../../../src-main/shared/context';
import type { Settings } from '../../../src-main/shared/settings';
import type { Viewer } from './permissions';

export interface AppData {
  info: AppInfo;
  settings: Settings;
  /** Accounts, the signed-in user, whether the password must be changed, the idle-lock minutes. */
  auth: AuthStatus;
  /** The signed-in user with accounts on; null on the single-user desktop (accounts not enabled). */
  user: SessionUser | null;
  /** What the permission helpers in lib/permissions.ts take. */
  viewer: Viewer;
  /** Reloads app info and the account status together (after sign-in, sign-out, enabling accounts). */
  refreshInfo: () => void;
  refreshSettings: () => void;
  /** After a successful settings:update, the saved settings replace the held ones. */
  setSettings: (s: Settings) => void;
  /** Covers the screen now, as the idle timer does (user menu → 锁定屏幕). */
  lock: () => void;
  /** Ends the session and returns to the sign-in screen. */
  signOut: () => Promise<void>;
}

export const AppDataContext = createContext<AppData | null>(null);
