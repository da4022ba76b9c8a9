// The working shell: red header with commission, campaign and the signed-in user, store notices, left menu (what
// this user may open), routed content.
import { Alert, Button, Layout, Typography } from 'antd';
import { useState } from 'react';
import { useAppData } from '../hooks/useAppData';
import { useHashRoute } from '../hooks/useHashRoute';
import { shortStamp } from '../lib/format';
import { isAdmin } from '../lib/permissions';
import { NavMenu } from './NavMenu';
import { menuKeyOf, RouteView } from './routes';
import { UserMenu } from './UserMenu';

const DISMISSED = 'campaign-desk.dismissedNotices';

/** Notices that only inform (a new directory, an upgrade, a restore someone chose); the rest are warnings. */
const INFO_KINDS = new Set(['created', 'migrated', 'backup_restored']);
/** Repairs made at start-up and damage found then: the administrator is offered 检查数据 right in the banner. */
const REPAIR_KINDS = new Set(['restored', 'quarantined', 'repaired', 'damaged']);

function readDismissed(): string[] {
  try {
    return JSON.parse(sessionStorage.getItem(DISMISSED) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export function AppShell() {
  const { info, settings, viewer } = useAppData();
  const [path, go] = useHashRoute();
  const [dismissed, setDismissed] = useState<string[]>(readDismissed);
  const notices = info.notices.filter((n) => !dismissed.includes(`${n.at}|${n.message}`));

  const dismiss = (id: string) => {
    const next = [...dismissed, id];
    setDismissed(next);
    sessionStorage.setItem(DISMISSED, JSON.stringify(next));
  };

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header
        style={{
          background: '#a61b1b',
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          padding: '0 20px',
          height: 56,
        }}
      >
        <Typography.Text
          strong
          style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}
          data-testid="app-title"
        >
          {settings.commissionName} · {settings.campaignName}
        </Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,.75)', whiteSpace: 'nowrap' }}>
          {settings.campaignStart} 至 {settings.campaignEnd}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <UserMenu />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} theme="light" style={{ overflow: 'auto', borderRight: '1px solid #eee' }}>
          <NavMenu settings={settings} viewer={viewer} selected={menuKeyOf(path)} onGo={go} />
        </Layout.Sider>
        <Layout.Content style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          {notices.map((n) => {
            const id = `${n.at}|${n.message}`;
            return (
              <Alert
                key={id}
                type={INFO_KINDS.has(n.kind) ? 'info' : 'warning'}
                showIcon
                banner
                title={`${n.message}${n.at ? `（${shortStamp(n.at)}）` : ''}`}
                action={
                  REPAIR_KINDS.has(n.kind) && isAdmin(viewer) ? (
                    <Button size="small" onClick={() => go('/settings/data')}>
                      检查数据
                    </Button>
                  ) : undefined
                }
                closable={{ onClose: () => dismiss(id) }}
                data-testid="store-notice"
              />
            );
          })}
          <div style={{ flex: 1, minHeight: 0, overflow: 'auto', padding: 16 }} id="page-content">
            <RouteView path={path} viewer={viewer} />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
