// Loads app info and settings once for every screen; shows a designed loading or error screen until both are in.
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useChannel } from '../hooks/useChannel';
import { AppDataContext } from '../lib/appContext';
import type { AppData } from '../lib/appContext';
import { SignInPage } from '../pages/setup/SignInPage';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

export function AppDataProvider({ children }: { children: ReactNode }) {
  const info = useChannel('app:info', {});
  // Before sign-in (accounts set up, nobody signed in) settings are not readable: ask for them only after.
  const needSignIn = !!info.data && info.data.accountsEnabled && !info.data.user;
  const settings = useChannel('settings:get', info.data && !needSignIn ? {} : null);
  const { refresh: refreshInfo } = info;
  const { refresh: refreshSettings, setData: setSettingsData } = settings;

  const value = useMemo<AppData | null>(
    () =>
      info.data && settings.data
        ? {
            info: info.data,
            settings: settings.data,
            refreshInfo,
            refreshSettings,
            setSettings: (s) => setSettingsData(() => s),
          }
        : null,
    [info.data, settings.data, refreshInfo, refreshSettings, setSettingsData],
  );

  if (needSignIn) {
    return (
      <SignInPage
        title="教育整顿工作台"
        onSignedIn={() => {
          refreshInfo();
          refreshSettings();
        }}
      />
    );
  }
  const error = info.error ?? settings.error;
  if (error && !value) {
    return (
      <ErrorState
        title="无法载入工作台"
        error={error}
        onRetry={() => {
          refreshInfo();
          refreshSettings();
        }}
      />
    );
  }
  if (!value) return <LoadingState tip="正在载入工作台…" height={400} />;
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}
