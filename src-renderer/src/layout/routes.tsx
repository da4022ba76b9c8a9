// Hash routes → screens. Screens other than the dashboard load on first visit, to keep start-up fast. A screen this
// user may not open shows 无权查看 before anything is asked of the server.
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { LEDGERS } from '../../../src-main/shared/ledgers';
import type { LedgerKey } from '../../../src-main/shared/ledgers/types';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { NoAccess } from '../components/NoAccess';
import { canSeeLedger, canWriteAnything, isAdmin } from '../lib/permissions';
import type { Viewer } from '../lib/permissions';
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
const ReturnsPage = lazy(() =>
  import('../pages/returns/ReturnsPage').then((m) => ({ default: m.ReturnsPage })),
);
const UsersPage = lazy(() => import('../pages/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));

const ADMIN_ONLY = '管理员';

function screen(path: string, viewer: Viewer): ReactNode {
  const [, head, arg] = path.split('/');
  switch (head) {
    case '':
    case 'dashboard':
      return <DashboardPage />;
    case 'ledger': {
      const def = LEDGERS[arg as LedgerKey];
      if (!def) return <ErrorState status="404" title="没有这个台账" />;
      if (!canSeeLedger(viewer, def))
        return <NoAccess what={`${def.label}台账`} who="管理员和线索工作组成员" />;
      return <LedgerPage key={def.key} def={def} />;
    }
    case 'export':
      return <ExportPage tab={arg} />;
    case 'import':
      if (!canWriteAnything(viewer)) return <NoAccess what="导入" who="可修改数据的账户" />;
      return <ImportPage />;
    case 'returns':
      return <ReturnsPage />;
    case 'indicators':
      return <IndicatorsPage />;
    case 'recycle':
      return <RecyclePage />;
    case 'settings':
      return <SettingsPage tab={arg} />;
    case 'users':
      return isAdmin(viewer) ? <UsersPage /> : <NoAccess what="用户管理" who={ADMIN_ONLY} />;
    case 'audit':
      return isAdmin(viewer) ? <AuditPage /> : <NoAccess what="操作日志" who={ADMIN_ONLY} />;
    default:
      return <ErrorState status="404" title="页面不存在" />;
  }
}

export function RouteView({ path, viewer }: { path: string; viewer: Viewer }) {
  // A screen that fails (its code did not load, or it threw) shows why with 重试 inside the shell; another screen
  // chosen from the menu starts afresh.
  return (
    <ErrorBoundary key={path}>
      <Suspense fallback={<LoadingState />}>{screen(path, viewer)}</Suspense>
    </ErrorBoundary>
  );
}

/** The menu key a path selects. */
export function menuKeyOf(path: string): string {
  const [, head, arg] = path.split('/');
  if (!head) return '/';
  if (head === 'ledger' || head === 'export') return arg ? `/${head}/${arg}` : `/${head}`;
  return `/${head}`;
}
