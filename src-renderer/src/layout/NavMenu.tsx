// The left menu: home, every ledger this user may open grouped by working group, exports, import (not for 只读),
// 报送情况 (everyone may see who has reported; only writers set tasks up, on the screen itself), and for the
// administrator 用户管理 and 操作日志. Hiding is a courtesy: the routes and the server check again.
import {
  AuditOutlined,
  DashboardOutlined,
  DeleteOutlined,
  ExportOutlined,
  FunctionOutlined,
  ImportOutlined,
  LockOutlined,
  ScheduleOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { ledgerList } from '../../../src-main/shared/ledgers';
import type { Settings } from '../../../src-main/shared/settings';
import { canSeeLedger, canWriteAnything, isAdmin } from '../lib/permissions';
import type { Viewer } from '../lib/permissions';

type Item = Required<MenuProps>['items'][number];

function ledgerItems(settings: Settings, viewer: Viewer): Item[] {
  const groups = new Map<string, Item[]>();
  for (const def of ledgerList()) {
    if (!canSeeLedger(viewer, def)) continue;
    const items = groups.get(def.ownerGroup) ?? [];
    items.push({
      key: `/ledger/${def.key}`,
      label: def.label,
      icon: def.confidential ? <LockOutlined /> : undefined,
    });
    groups.set(def.ownerGroup, items);
  }
  const order = settings.groups.map((g) => g.key);
  return [...groups]
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
    .map(([key, children]) => ({
      type: 'group' as const,
      key: `group-${key}`,
      label: settings.groups.find((g) => g.key === key)?.name ?? key,
      children,
    }));
}

export function NavMenu({
  settings,
  viewer,
  selected,
  onGo,
}: {
  settings: Settings;
  viewer: Viewer;
  selected: string;
  onGo: (k: string) => void;
}) {
  const admin = isAdmin(viewer);
  const items: Item[] = [
    { key: '/', icon: <DashboardOutlined />, label: '首页' },
    { key: 'ledgers', icon: <TableOutlined />, label: '台账', children: ledgerItems(settings, viewer) },
    {
      key: 'exports',
      icon: <ExportOutlined />,
      label: '导出',
      children: [
        { key: '/export/report', label: '工作情况报告' },
        { key: '/export/bulletin', label: '简报' },
        { key: '/export/stats', label: '统计表' },
        { key: '/export/ledgers', label: '台账导出' },
        { key: '/export/templates', label: '模板管理' },
      ],
    },
    ...(canWriteAnything(viewer) ? [{ key: '/import', icon: <ImportOutlined />, label: '导入' }] : []),
    { key: '/returns', icon: <ScheduleOutlined />, label: '报送情况' },
    { key: '/indicators', icon: <FunctionOutlined />, label: '指标与占位符' },
    { key: '/recycle', icon: <DeleteOutlined />, label: '回收站' },
    ...(admin
      ? [
          { key: '/users', icon: <TeamOutlined />, label: '用户管理' },
          { key: '/audit', icon: <AuditOutlined />, label: '操作日志' },
        ]
      : []),
    { key: '/settings', icon: <SettingOutlined />, label: '设置' },
  ];
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected === '/export' ? '/export/report' : selected]}
      defaultOpenKeys={['ledgers', 'exports']}
      onClick={({ key }) => onGo(key)}
      style={{ borderInlineEnd: 0 }}
      data-testid="nav-menu"
    />
  );
}
