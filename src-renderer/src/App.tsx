// Top of the app: load shared data, then the first-run wizard or the working shell. Around it, what keeps a
// failure from ever being a blank window: the error boundary, the banner when the local service stops answering,
// and (web mode) the page for an address whose token the restarted service no longer accepts.
import { useConnection } from './api/connection';
import { AppDataProvider } from './components/AppDataProvider';
import { ConnectionBanner } from './components/ConnectionBanner';
import { ErrorBoundary } from './components/ErrorBoundary';
import { StaleTokenPage } from './components/StaleTokenPage';
import { useAppData } from './hooks/useAppData';
import { AppShell } from './layout/AppShell';
import { SetupWizard } from './pages/setup/SetupWizard';

function Gate() {
  const { settings } = useAppData();
  return settings.setupDone ? <AppShell /> : <SetupWizard />;
}

export function App() {
  const { stale } = useConnection();
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
