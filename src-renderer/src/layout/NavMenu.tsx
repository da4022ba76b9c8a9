// The left menu: home, every ledger from the registry grouped by working group, exports, import, and the rest.
import {
  DashboardOutlined,
  DeleteOutlined,
  ExportOutlined,
  FunctionOutlined,
  ImportOutlined,
  LockOutlined,
  SettingOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { ledgerList } from '../../../src-main/shared/ledgers';
import type { Settings } from '../../../src-main/shared/settings';

type Item = Required<MenuProps>['items'][number];

function ledgerItems(settings: Settings): Item[] {
  const groups = new Map<string, Item[]>();
  for (const def of ledgerList()) {
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
  selected,
  onGo,
}: {
  settings: Settings;
  selected: string;
  onGo: (k: string) => void;
}) {
  const items: Item[] = [
    { key: '/', icon: <DashboardOutlined />, label: '首页' },
    { key: 'ledgers', icon: <TableOutlined />, label: '台账', children: ledgerItems(settings) },
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
    { key: '/import', icon: <ImportOutlined />, label: '导入' },
    { key: '/indicators', icon: <FunctionOutlined />, label: '指标与占位符' },
    { key: '/recycle', icon: <DeleteOutlined />, label: '回收站' },
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
