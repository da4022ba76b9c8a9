// The dashboard's first frame: the shell, the menu and the key numbers, drawn from the boot calls' answers with React
// and the shell's own styles only, while the rest of the app (antd, every screen) is still loading. Its links work
// at once (they change the address, which the app reads when it takes over); the period picker, the account corner
// and the dashboard's tables and charts come with the app, a moment later.
import { IconProvider } from '@ant-design/icons';
import type { BootAnswers } from '../boot';
import type { Viewer } from '../lib/permissions';
import { ShellFrame } from '../layout/ShellFrame';
import { DashboardHeading } from '../pages/dashboard/DashboardHeading';
import { KeyNumbers } from '../pages/dashboard/KeyNumbers';

/** Every boot answer present. */
type Answered<T> = { [K in keyof T]-?: NonNullable<T[K]> };

export interface FirstFrameProps extends Answered<BootAnswers> {
  viewer: Viewer;
}

/**
 * What to draw first, or null when the app opens on something else than the dashboard: another screen, the setup
 * wizard, the sign-in page, a forced password change, or a service that did not answer (the app shows why).
 */
export function firstFrameOf({ info, auth, settings, dashboard }: BootAnswers): FirstFrameProps | null {
  if (!info || !auth || !settings || !dashboard || !settings.setupDone) return null;
  const user = info.accountsEnabled ? info.user : null;
  if (info.accountsEnabled && (!user || auth.mustChangePassword)) return null;
  return { info, auth, settings, dashboard, viewer: { accountsEnabled: info.accountsEnabled, user } };
}

/** The icons' base styles are in shell.css, as antd.css has them for the app: no icon inserts them at run time. */
const ICONS = { zeroRuntime: true };

export function FirstFrame({ info, settings, dashboard, viewer }: FirstFrameProps) {
  return (
    <IconProvider value={ICONS}>
      <ShellFrame info={info} settings={settings} viewer={viewer} selected="/" stage="first-frame">
        <div className="cd-stack" data-testid="first-frame">
          <DashboardHeading to={dashboard.query.to} />
          <KeyNumbers indicators={dashboard.indicators} names={dashboard.keyNumbers} />
        </div>
      </ShellFrame>
    </IconProvider>
  );
}

/** In place of everything when the app's code could not be loaded (the service stopped, say): say so, offer a reload. */
export function AppLoadFailed() {
  return (
    <div className="cd-shell">
      <div className="cd-load-failed" role="alert" data-testid="app-load-failed">
        <strong>工作台界面未能载入</strong>
        <span>程序文件未能读取，或本机服务已停止。请重新载入；仍然不行时，请重新启动工作台。</span>
        <button type="button" className="cd-button" onClick={() => window.location.reload()}>
          重新载入
        </button>
      </div>
    </div>
  );
}
