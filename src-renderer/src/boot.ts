// The first screen's calls, started the moment the app's script runs (main.tsx imports this module first): app info,
// account status, settings and, when the app opens on the dashboard, its statistics, all at once. The service picks
// the dashboard's period from the remembered choice by the screen's own rules (stats:dashboardOpening), so that call
// need not wait for the date and settings. start.tsx draws the dashboard's first frame from these answers;
// api/early.ts hands the same answers to the full app's components when they ask, so nothing is asked twice.
import type { ResultOf } from '../../src-main/shared/contract';
import type { PeriodChoice } from '../../src-main/shared/period';
import { call } from './api/client';
import { adoptEarly, callEarly } from './api/early';
import { readLocal } from './hooks/useLocalStorageState';
import { PERIOD_STORAGE_KEY } from './lib/periodStorage';

/** What the first calls answered; a field is missing when its call failed, was refused, or was not made. */
export interface BootAnswers {
  info?: ResultOf<'app:info'>;
  auth?: ResultOf<'auth:status'>;
  settings?: ResultOf<'settings:get'>;
  /** The dashboard's statistics for the period it opens on, only when the app opens on the dashboard. */
  dashboard?: ResultOf<'stats:dashboardOpening'>;
}

export function opensOnDashboard(): boolean {
  const head = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return head === '' || head === 'dashboard';
}

/** The dashboard's remembered period, if it is one the service can read (anything else: the default period). */
function rememberedChoice(): PeriodChoice | undefined {
  const c = readLocal<unknown>(PERIOD_STORAGE_KEY.overview, null);
  if (!c || typeof c !== 'object' || typeof (c as PeriodChoice).key !== 'string') return undefined;
  const { key, from, to } = c as PeriodChoice;
  return { key, ...(typeof from === 'string' && typeof to === 'string' ? { from, to } : {}) };
}

async function openingDashboard(): Promise<ResultOf<'stats:dashboardOpening'> | undefined> {
  if (!opensOnDashboard()) return undefined;
  const choice = rememberedChoice();
  const r = await call('stats:dashboardOpening', choice ? { choice } : {});
  if (!r.ok) return undefined;
  // The dashboard screen will resolve the same choice to the same dates and ask for them: this is its answer.
  adoptEarly('stats:dashboard', { from: r.data.query.from, to: r.data.query.to }, r.data);
  return r.data;
}

async function startEarlyCalls(): Promise<BootAnswers> {
  // Before sign-in settings and statistics are refused, and nothing takes a refused early answer.
  const [info, auth, settings, dashboard] = await Promise.all([
    callEarly('app:info', {}),
    callEarly('auth:status', {}),
    callEarly('settings:get', {}),
    openingDashboard(),
  ]);
  return {
    info: info.ok ? info.data : undefined,
    auth: auth.ok ? auth.data : undefined,
    settings: settings.ok ? settings.data : undefined,
    dashboard,
  };
}

/** Settles when the first screen's data is in, or could not be had (never rejects). */
export const bootCalls: Promise<BootAnswers> = startEarlyCalls().catch(() => ({}));
