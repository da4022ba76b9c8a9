// The header's account corner: who is signed in and as what, with 修改密码, 锁定屏幕 and 退出登录. Before accounts
// are enabled it says so and leads to 设置 → 账户与安全.
import { DownOutlined, KeyOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useAppData } from '../hooks/useAppData';
import { roleLabel } from '../lib/permissions';
import { ChangePasswordModal } from '../pages/auth/lazy';

const onRed = { color: '#fff' } as const;

export function UserMenu() {
  const { info, user, lock, signOut } = useAppData();
  const [changing, setChanging] = useState(false);
  const door = info.door === 'http' ? '网页版' : info.door === 'ipc' ? '桌面版' : info.door;

  if (!info.accountsEnabled || !user) {
    return (
      <Tooltip title={`数据目录：${info.dataDir}`}>
        <Space size={8}>
          <Tag style={{ background: 'rgba(255,255,255,.15)', color: '#fff', border: 0, margin: 0 }}>
            {door} · 本机用户
          </Tag>
          <Button
            size="small"
            type="text"
            style={onRed}
            icon={<LockOutlined />}
            href="#/settings/account"
            data-testid="enable-accounts-link"
          >
            未启用账户
          </Button>
        </Space>
      </Tooltip>
    );
  }

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
            { key: 'lock', icon: <LockOutlined />, label: '锁定屏幕' },
            { type: 'divider' },
            { key: 'signout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setChanging(true);
            else if (key === 'lock') lock();
            else if (key === 'signout') void signOut();
          },
        }}
      >
        <Button type="text" style={{ ...onRed, height: 40 }} data-testid="user-menu" aria-label="账户菜单">
          <Space size={8}>
            <UserOutlined />
            <span data-testid="user-name">{user.displayName}</span>
            <Tag
              style={{ background: 'rgba(255,255,255,.2)', color: '#fff', border: 0, margin: 0 }}
              data-testid="user-role"
            >
              {roleLabel(user.role)}
            </Tag>
            <span style={{ opacity: 0.75, fontSize: 12 }}>{door}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      {changing && (
        <ChangePasswordModal onClose={() => setChanging(false)} onChanged={() => setChanging(false)} />
      )}
    </>
  );
}
