// Top of the app: load shared data, then the first-run wizard or the working shell. Around it, what keeps a
// failure from ever being a blank window: the error boundary, the banner when the local service stops answering,
// and (web mode) the page for an address whose token the restarted service no longer accepts. The wizard is shown
// once in the life of a data directory: its code (forms, the settings sections) loads only then.
import { lazy, Suspense, useEffect } from 'react';
import { useConnection } from './api/connection';
import { endEarlyCalls } from './api/early';
import { AppDataProvider } from './components/AppDataProvider';
import { ConnectionBanner } from './components/ConnectionBanner';
import { ErrorBoundary } from './components/ErrorBoundary';
import { LoadingState } from './components/LoadingState';
import { StaleTokenPage } from './components/StaleTokenPage';
import { useAppData } from './hooks/useAppData';
import { AppShell } from './layout/AppShell';

const SetupWizard = lazy(() => import('./pages/setup/SetupWizard').then((m) => ({ default: m.SetupWizard })));

function Gate() {
  const { settings } = useAppData();
  if (settings.setupDone) return <AppShell />;
  return (
    <Suspense fallback={<LoadingState tip="正在载入初始化向导…" height={400} />}>
      <SetupWizard />
    </Suspense>
  );
}

export function App() {
  const { stale } = useConnection();
  // After every screen of the first render took its early answer (children's effects run first): drop the rest.
  useEffect(endEarlyCalls, []);
  if (stale) return <StaleTokenPage />;
  return (
    <>
      <ConnectionBanner />
      <ErrorBoundary>
        <AppDataProvider>
          <Gate />
        </AppDataProvider>
      </ErrorBoundary>
    </>
  );
}
