// The first screen's calls, started the moment the app's script runs (main.tsx imports this module first, so it is
// evaluated before antd and the screens): app info, account status and settings at once, then, when the app opens
// on the dashboard, its statistics for the period it will show. They run in the service while the browser is still
// evaluating the rest of the script; api/early.ts hands the answers to the components that ask for them.
import { callEarly } from './api/early';
import { readLocal } from './hooks/useLocalStorageState';
import { defaultPeriodKey, PERIOD_STORAGE_KEY, periodOptions, resolvePeriod } from './lib/period';
import type { PeriodChoice } from './lib/period';

function opensOnDashboard(): boolean {
  const head = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return head === '' || head === 'dashboard';
}

async function startEarlyCalls(): Promise<void> {
  void callEarly('auth:status', {});
  // Asked at once, not after app:info: its continuation would wait for the rest of the script. Before sign-in it is
  // refused, and nothing takes a refused early answer.
  const settingsCall = callEarly('settings:get', {});
  const [info, settings] = await Promise.all([callEarly('app:info', {}), settingsCall]);
  // The setup wizard comes first on a new data directory: the dashboard's numbers are asked for when it opens.
  if (!info.ok || !settings.ok || !settings.data.setupDone || !opensOnDashboard()) return;
  // The same period usePeriod('overview') will pick: same stored choice, same presets, same default.
  const { today } = info.data;
  const defaultKey = defaultPeriodKey('overview', today, settings.data);
  const choice = readLocal<PeriodChoice>(PERIOD_STORAGE_KEY.overview, { key: defaultKey });
  const { from, to } = resolvePeriod(choice, periodOptions(today, settings.data), defaultKey);
  await callEarly('stats:dashboard', { from, to });
}

/** Settles when the first screen's data is in, or could not be had: main.tsx draws the app then, once. */
export const bootCalls: Promise<void> = startEarlyCalls().catch(() => undefined);
