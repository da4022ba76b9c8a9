// The account screens, loaded apart from the first screen: a single-user desktop never shows them, and their forms
// (antd Form, the contract's zod checks) were a good part of the script the dashboard waited for. Once the app has
// drawn, they are fetched while idle, so a lock or a sign-in never waits on the network or the disk.
import { lazy, Suspense } from 'react';
import type { ComponentProps } from 'react';
import { LoadingState } from '../../components/LoadingState';

const loadSignIn = () => import('./SignInPage');
const loadLock = () => import('./LockScreen');
const loadChangePassword = () => import('./ChangePasswordModal');

const SignInPageLazy = lazy(() => loadSignIn().then((m) => ({ default: m.SignInPage })));
const LockScreenLazy = lazy(() => loadLock().then((m) => ({ default: m.LockScreen })));
const ChangePasswordLazy = lazy(() => loadChangePassword().then((m) => ({ default: m.ChangePasswordModal })));

/** Fetches the account screens' code in the background (idempotent: the module loader keeps what it loaded). */
export function preloadAuthScreens(): void {
  const load = () => void Promise.all([loadSignIn(), loadLock(), loadChangePassword()]).catch(() => {});
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1000);
}

export function SignInPage(props: ComponentProps<typeof SignInPageLazy>) {
  return (
    <Suspense fallback={<LoadingState tip="正在打开登录页…" height={400} />}>
      <SignInPageLazy {...props} />
    </Suspense>
  );
}

/** Until its code is in, the lock screen is an opaque curtain: nothing of the page may show meanwhile. */
export function LockScreen(props: ComponentProps<typeof LockScreenLazy>) {
  return (
    <Suspense
      fallback={
        <div
          data-lock-screen
          aria-label="屏幕已锁定"
          style={{ position: 'fixed', inset: 0, zIndex: 5000, background: '#7d1414' }}
        />
      }
    >
      <LockScreenLazy {...props} />
    </Suspense>
  );
}

export function ChangePasswordModal(props: ComponentProps<typeof ChangePasswordLazy>) {
  return (
    <Suspense fallback={null}>
      <ChangePasswordLazy {...props} />
    </Suspense>
  );
}
