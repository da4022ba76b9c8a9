// The left menu: home, every ledger this user may open grouped by working group, exports, import (not for 只读),
// 报送情况 (everyone may see who has reported; only writers set tasks up, on the screen itself), and for the
// administrator 用户管理 and 操作日志. Hiding is a courtesy: the routes and the server check again.
// Plain links (#/...) with 台账 and 导出 as <details> sections, not antd's Menu: the menu is part of the first frame
// main.tsx draws before antd has loaded, and links keep Tab, Enter and the browser's own focus order.
import {
  AuditOutlined,
  DashboardOutlined,
  DeleteOutlined,
  DownOutlined,
  ExportOutlined,
  FunctionOutlined,
  ImportOutlined,
  LockOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ledgerList } from '../../../src-main/shared/ledgers';
import type { Settings } from '../../../src-main/shared/settings';
import { canSeeLedger, canWriteAnything, isAdmin } from '../lib/permissions';
import type { Viewer } from '../lib/permissions';

interface Link {
  path: string;
  label: string;
  icon?: ReactNode;
}
interface Group {
  key: string;
  label: string;
  links: Link[];
}
interface Section {
  key: string;
  label: string;
  icon: ReactNode;
  /** Links under headings (台账 by working group), or directly (导出). */
  groups?: Group[];
  links?: Link[];
}
type Entry = Link | Section;

const EXPORT_LINKS: Link[] = [
  { path: '/export/report', label: '工作情况报告' },
  { path: '/export/bulletin', label: '简报' },
  { path: '/export/stats', label: '统计表' },
  { path: '/export/ledgers', label: '台账导出' },
  { path: '/export/templates', label: '模板管理' },
];

function ledgerGroups(settings: Settings, viewer: Viewer): Group[] {
  const groups = new Map<string, Link[]>();
  for (const def of ledgerList()) {
    if (!canSeeLedger(viewer, def)) continue;
    const links = groups.get(def.ownerGroup) ?? [];
    links.push({
      path: `/ledger/${def.key}`,
      label: def.label,
      icon: def.confidential ? <LockOutlined /> : undefined,
    });
    groups.set(def.ownerGroup, links);
  }
  const order = settings.groups.map((g) => g.key);
  return [...groups]
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
    .map(([key, links]) => ({ key, label: settings.groups.find((g) => g.key === key)?.name ?? key, links }));
}

function entries(settings: Settings, viewer: Viewer): Entry[] {
  return [
    { path: '/', icon: <DashboardOutlined />, label: '首页' },
    { key: 'ledgers', icon: <TableOutlined />, label: '台账', groups: ledgerGroups(settings, viewer) },
    { key: 'exports', icon: <ExportOutlined />, label: '导出', links: EXPORT_LINKS },
    ...(canWriteAnything(viewer) ? [{ path: '/import', icon: <ImportOutlined />, label: '导入' }] : []),
    { path: '/returns', icon: <ScheduleOutlined />, label: '报送情况' },
    { path: '/indicators', icon: <FunctionOutlined />, label: '指标与占位符' },
    { path: '/recycle', icon: <DeleteOutlined />, label: '回收站' },
    ...(isAdmin(viewer)
      ? [
          { path: '/users', icon: <TeamOutlined />, label: '用户管理' },
          { path: '/audit', icon: <AuditOutlined />, label: '操作日志' },
        ]
      : []),
    { path: '/settings', icon: <SettingOutlined />, label: '设置' },
  ];
}

function NavLink({ link, selected }: { link: Link; selected: string }) {
  return (
    <li>
      <a
        className="cd-nav-item"
        href={`#${link.path}`}
        aria-current={link.path === selected ? 'page' : undefined}
        data-testid="nav-item"
      >
        {link.icon}
        <span>{link.label}</span>
      </a>
    </li>
  );
}

/** `selected` is the menu path of the open screen (routes.tsx menuKeyOf). */
export function NavMenu({
  settings,
  viewer,
  selected,
}: {
  settings: Settings;
  viewer: Viewer;
  selected: string;
}) {
  const current = selected === '/export' ? '/export/report' : selected;
  return (
    <nav aria-label="主菜单" data-testid="nav-menu">
      <ul className="cd-nav">
        {entries(settings, viewer).map((e) =>
          'path' in e ? (
            <NavLink key={e.path} link={e} selected={current} />
          ) : (
            <li key={e.key}>
              <details className="cd-nav-section" open>
                <summary data-testid="nav-item">
                  {e.icon}
                  <span>{e.label}</span>
                  <DownOutlined className="cd-nav-arrow" />
                </summary>
                <ul>
                  {e.groups?.map((g) => (
                    <li key={g.key}>
                      <div className="cd-nav-group">{g.label}</div>
                      <ul>
                        {g.links.map((l) => (
                          <NavLink key={l.path} link={l} selected={current} />
                        ))}
                      </ul>
                    </li>
                  ))}
                  {e.links?.map((l) => (
                    <NavLink key={l.path} link={l} selected={current} />
                  ))}
                </ul>
              </details>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
