// Loads app info, the account status and settings once for every screen, and owns the session around them: the
// sign-in screen while nobody is signed in, the lock screen after idle time or when the server drops the session
// (any 'unauthenticated' answer, from any screen, via the client's session events), and the forced password change.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { SessionUser } from '../../../src-main/shared/context';
import { call, onSessionEvent } from '../api/client';
import { useChannel } from '../hooks/useChannel';
import { useIdleLock } from '../hooks/useIdleLock';
import { AppDataContext } from '../lib/appContext';
import type { AppData } from '../lib/appContext';
import { ChangePasswordModal, LockScreen, preloadAuthScreens, SignInPage } from '../pages/auth/lazy';
import type { LockReason } from '../pages/auth/LockScreen';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

interface Locked {
  user: SessionUser;
  reason: LockReason;
  since: Date;
}

export function AppDataProvider({ children }: { children: ReactNode }) {
  const info = useChannel('app:info', {});
  const auth = useChannel('auth:status', {});
  // Before sign-in (accounts set up, nobody signed in) settings are not readable: ask for them only after.
  const needSignIn = !!info.data && info.data.accountsEnabled && !info.data.user;
  const settings = useChannel('settings:get', info.data && !needSignIn ? {} : null);
  const { refresh: refreshInfoOnly } = info;
  const { refresh: refreshAuth } = auth;
  const { refresh: refreshSettings, setData: setSettingsData } = settings;
  const [locked, setLocked] = useState<Locked | null>(null);
  /** While signing out on purpose, refusals of calls still in flight must not raise the lock screen. */
  const [signingOut, setSigningOut] = useState(false);

  const refreshInfo = useCallback(() => {
    refreshInfoOnly();
    refreshAuth();
  }, [refreshInfoOnly, refreshAuth]);

  const user = info.data?.accountsEnabled ? (info.data.user ?? null) : null;
  const accountsEnabled = !!info.data?.accountsEnabled;
  useEffect(() => {
    if (accountsEnabled) preloadAuthScreens();
  }, [accountsEnabled]);

  const lockAs = useCallback(
    (reason: LockReason) => {
      if (user) setLocked((l) => l ?? { user, reason, since: new Date() });
    },
    [user],
  );

  // Any call refused as unauthenticated: lock (same user signs in again) if we know who was signed in, else reload
  // the app info (accounts may have been enabled elsewhere), which shows the sign-in screen.
  useEffect(
    () =>
      onSessionEvent((e) => {
        if (e !== 'lost' || signingOut) return;
        if (user) lockAs('expired');
        else refreshInfo();
      }),
    [user, signingOut, lockAs, refreshInfo],
  );

  // Settings first: they change the moment the administrator saves; auth:status only on the next refresh.
  const lockMinutes = settings.data?.lockMinutes ?? auth.data?.lockMinutes ?? 15;
  useIdleLock({
    enabled: !!user && !locked,
    lockMinutes,
    onIdle: () => lockAs('idle'),
    // Activity without calls (reading, typing a long form) keeps the server's session as alive as the screen.
    onActive: () => void call('settings:get', {}),
  });

  const signOut = useCallback(async () => {
    setSigningOut(true);
    await call('auth:signOut', {});
    refreshInfo();
  }, [refreshInfo]);

  const afterSignIn = useCallback(() => {
    setSigningOut(false);
    setLocked(null);
    refreshInfo();
    refreshSettings();
  }, [refreshInfo, refreshSettings]);

  const value = useMemo<AppData | null>(
    () =>
      info.data && settings.data && auth.data
        ? {
            info: info.data,
            settings: settings.data,
            auth: auth.data,
            user: info.data.accountsEnabled ? info.data.user : null,
            viewer: {
              accountsEnabled: info.data.accountsEnabled,
              user: info.data.accountsEnabled ? info.data.user : null,
            },
            refreshInfo,
            refreshSettings,
            setSettings: (s) => setSettingsData(() => s),
            lock: () => lockAs('manual'),
            signOut,
          }
        : null,
    [info.data, settings.data, auth.data, refreshInfo, refreshSettings, setSettingsData, lockAs, signOut],
  );

  if (needSignIn) {
    return (
      <SignInPage
        title={info.data?.name ?? '教育整顿工作台'}
        problem={auth.data?.problem}
        onSignedIn={afterSignIn}
      />
    );
  }
  const error = info.error ?? auth.error ?? settings.error;
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
  const mustChange = !!user && !!auth.data?.mustChangePassword && auth.data.user?.id === user.id;
  return (
    <AppDataContext.Provider value={value}>
      {children}
      {locked && (
        <LockScreen
          user={locked.user}
          reason={locked.reason}
          since={locked.since}
          onUnlocked={afterSignIn}
          onSwitchUser={() => void signOut()}
        />
      )}
      {!locked && mustChange && (
        <ChangePasswordModal forced onChanged={refreshAuth} onSignOut={() => void signOut()} />
      )}
    </AppDataContext.Provider>
  );
}
