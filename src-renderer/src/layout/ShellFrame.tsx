// The working shell's frame: red header with commission and campaign, the left menu, store notices, and the page.
// Drawn by the first frame (main.tsx, before antd loads) and by AppShell alike, so the two look the same and the
// full app taking over changes nothing on screen but what it adds (the account corner, the page's tools).
import type { ReactNode } from 'react';
import type { AppInfo } from '../../../src-main/shared/contract';
import type { Settings } from '../../../src-main/shared/settings';
import { isAdmin } from '../lib/permissions';
import type { Viewer } from '../lib/permissions';
import { NavMenu } from './NavMenu';
import { StoreNotices } from './StoreNotices';

interface Props {
  info: AppInfo;
  settings: Settings;
  viewer: Viewer;
  /** The menu path of the open screen (routes.tsx menuKeyOf). */
  selected: string;
  /** Drawn by main.tsx's first frame (before antd loads) or by the app: tests and styles can tell them apart. */
  stage: 'first-frame' | 'app';
  /** The header's end: the account corner, once the full app has loaded. */
  headerEnd?: ReactNode;
  children: ReactNode;
}

export function ShellFrame({ info, settings, viewer, selected, stage, headerEnd, children }: Props) {
  return (
    <div className="cd-shell" data-stage={stage}>
      <header className="cd-header">
        <span className="cd-header-title" data-testid="app-title">
          {settings.commissionName} · {settings.campaignName}
        </span>
        <span className="cd-header-dates">
          {settings.campaignStart} 至 {settings.campaignEnd}
        </span>
        <div className="cd-header-end">{headerEnd}</div>
      </header>
      <div className="cd-body">
        <aside className="cd-sider">
          <NavMenu settings={settings} viewer={viewer} selected={selected} />
        </aside>
        <main className="cd-main">
          <StoreNotices notices={info.notices} admin={isAdmin(viewer)} />
          <div className="cd-page" id="page-content">
            {children}
          </div>
        </main>
      </div>
    </div>
  );
}
