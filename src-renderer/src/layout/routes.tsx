// Hash routes → screens. Screens other than the dashboard load on first visit, to keep start-up fast.
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { LEDGERS } from '../../../src-main/shared/ledgers';
import type { LedgerKey } from '../../../src-main/shared/ledgers/types';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { DashboardPage } from '../pages/dashboard/DashboardPage';

const LedgerPage = lazy(() => import('../pages/ledger/LedgerPage').then((m) => ({ default: m.LedgerPage })));
const RecyclePage = lazy(() =>
  import('../pages/recycle/RecyclePage').then((m) => ({ default: m.RecyclePage })),
);
const SettingsPage = lazy(() =>
  import('../pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
const IndicatorsPage = lazy(() =>
  import('../pages/indicators/IndicatorsPage').then((m) => ({ default: m.IndicatorsPage })),
);
const ExportPage = lazy(() => import('../pages/export/ExportPage').then((m) => ({ default: m.ExportPage })));
const ImportPage = lazy(() => import('../pages/import/ImportPage').then((m) => ({ default: m.ImportPage })));

function screen(path: string): ReactNode {
  const [, head, arg] = path.split('/');
  switch (head) {
    case '':
    case 'dashboard':
      return <DashboardPage />;
    case 'ledger': {
      const def = LEDGERS[arg as LedgerKey];
      if (!def) return <ErrorState status="404" title="没有这个台账" />;
      return <LedgerPage key={def.key} def={def} />;
    }
    case 'export':
      return <ExportPage tab={arg} />;
    case 'import':
      return <ImportPage />;
    case 'indicators':
      return <IndicatorsPage />;
    case 'recycle':
      return <RecyclePage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <ErrorState status="404" title="页面不存在" />;
  }
}

export function RouteView({ path }: { path: string }) {
  return <Suspense fallback={<LoadingState />}>{screen(path)}</Suspense>;
}

/** The menu key a path selects. */
export function menuKeyOf(path: string): string {
  const [, head, arg] = path.split('/');
  if (!head) return '/';
  if (head === 'ledger' || head === 'export') return arg ? `/${head}/${arg}` : `/${head}`;
  return `/${head}`;
}
