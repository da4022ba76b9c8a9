// The app-wide data every screen reads: app info (door, notices, today) and the office's settings.
import { createContext } from 'react';
import type { AppInfo } from '../../../src-main/shared/contract';
import type { Settings } from '../../../src-main/shared/settings';

export interface AppData {
  info: AppInfo;
  settings: Settings;
  refreshInfo: () => void;
  refreshSettings: () => void;
  /** After a successful settings:update, the saved settings replace the held ones. */
  setSettings: (s: Settings) => void;
}

export const AppDataContext = createContext<AppData | null>(null);
