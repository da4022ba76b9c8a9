// Top of the app: load shared data, then the first-run wizard or the working shell.
import { AppDataProvider } from './components/AppDataProvider';
import { useAppData } from './hooks/useAppData';
import { AppShell } from './layout/AppShell';
import { SetupWizard } from './pages/setup/SetupWizard';

function Gate() {
  const { settings } = useAppData();
  return settings.setupDone ? <AppShell /> : <SetupWizard />;
}

export function App() {
  return (
    <AppDataProvider>
      <Gate />
    </AppDataProvider>
  );
}
