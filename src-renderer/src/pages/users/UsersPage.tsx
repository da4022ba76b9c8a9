// 用户管理 (administrator): every account with its role, working groups and state; add, edit (role, groups,
// disable), reset a password, remove, and generate a new recovery code (shown once).
import { KeyOutlined, PlusOutlined, ReloadOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { UserInfo } from '../../../../src-main/shared/contract';
import { call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { RecoveryCodeModal } from '../../components/RecoveryCodeModal';
import { useAppData } from '../../hooks/useAppData';
import { useChannel } from '../../hooks/useChannel';
import { useHotkeys } from '../../hooks/useHotkeys';
import { formatStamp } from '../../lib/format';
import { ResetPasswordModal } from './ResetPasswordModal';
import { RoleTag } from './roles';
import { UserFormModal } from './UserFormModal';

const ROLE_ORDER = { admin: 0, clue: 1, member: 2, readonly: 3 } as const;

export function UsersPage() {
  const { info, settings, user: me, refreshInfo } = useAppData();
  if (!info.accountsEnabled) {
    return (
      <Result
        icon={<UnlockOutlined />}
        title="尚未启用账户"
        subTitle="启用账户并设置管理员后，才能在这里为每位同事建立账户、分配角色。"
        extra={
          <Button type="primary" href="#/settings/account">
            去启用账户
          </Button>
        }
        data-testid="users-not-enabled"
      />
    );
  }
  return (
    <UsersTable
      meId={me?.id}
      groupName={(k) => settings.groups.find((g) => g.key === k)?.name ?? k}
      onSelfChanged={refreshInfo}
    />
  );
}

function UsersTable({
  meId,
  groupName,
  onSelfChanged,
}: {
  meId?: string;
  groupName: (k: string) => string;
  onSelfChanged: () => void;
}) {
  const { message, modal } = App.useApp();
  const list = useChannel('users:list', {});
  const { setData } = list;
  const [editing, setEditing] = useState<UserInfo | 'new' | null>(null);
  const [resetting, setResetting] = useState<UserInfo | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const users = useMemo(
    () =>
      [...(list.data?.users ?? [])].sort(
        (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.username.localeCompare(b.username, 'zh-CN'),
      ),
    [list.data],
  );
  useHotkeys({ 'mod+n': () => setEditing('new') }, editing === null && resetting === null && code === null);

  const upsert = (u: UserInfo) => {
    setData((old) => {
      const all = old?.users ?? [];
      return {
        users: all.some((x) => x.id === u.id) ? all.map((x) => (x.id === u.id ? u : x)) : [...all, u],
      };
    });
    if (u.id === meId) onSelfChanged();
  };

  const remove = async (u: UserInfo) => {
    const r = await call('users:remove', { id: u.id });
    if (!r.ok) return void message.error(r.error.message);
    setData((old) => old && { users: old.users.filter((x) => x.id !== u.id) });
    void message.success(`已删除用户“${u.displayName}”`);
  };

  const regenerate = () => {
    modal.confirm({
      title: '重新生成恢复码？',
      content: '新的恢复码生成后，原来抄写的恢复码立即失效。请准备好纸笔抄写新的恢复码。',
      okText: '生成新恢复码',
      cancelText: '取消',
      onOk: async () => {
        const r = await call('users:newRecoveryCode', {});
        if (r.ok) setCode(r.data.recoveryCode);
        else void message.error(r.error.message);
      },
    });
  };

  if (list.error && !list.data)
    return <ErrorState title="用户列表加载失败" error={list.error} onRetry={list.refresh} />;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="users-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            用户管理
          </Typography.Title>
          <Typography.Text type="secondary">共 {users.length} 个账户</Typography.Text>
        </Space>
        <Space>
          <Tooltip title="重新载入">
            <Button icon={<ReloadOutlined />} onClick={list.refresh} loading={list.loading && !!list.data} />
          </Tooltip>
          <Button icon={<KeyOutlined />} onClick={regenerate}>
            重新生成恢复码
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增用户（Ctrl+N）
          </Button>
        </Space>
      </Space>
      <Table<UserInfo>
        size="middle"
        rowKey="id"
        loading={list.loading && !list.data}
        dataSource={users}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有账户" /> }}
        columns={[
          {
            title: '用户名',
            dataIndex: 'username',
            width: 150,
            render: (v: string, u) => (
              <Space size={4}>
                <Typography.Text strong>{v}</Typography.Text>
                {u.id === meId && <Tag color="gold">我</Tag>}
              </Space>
            ),
          },
          { title: '姓名', dataIndex: 'displayName', width: 120 },
          { title: '角色', width: 130, render: (_, u) => <RoleTag role={u.role} /> },
          {
            title: '工作组',
            render: (_, u) =>
              u.role === 'admin' ? (
                <Typography.Text type="secondary">全部</Typography.Text>
              ) : u.role === 'readonly' ? (
                <Typography.Text type="secondary">—（只读）</Typography.Text>
              ) : u.groups.length ? (
                u.groups.map(groupName).join('、')
              ) : (
                <Typography.Text type="warning">未分配（只能查看）</Typography.Text>
              ),
          },
          {
            title: '问题线索',
            width: 96,
            render: (_, u) =>
              u.clueAccess ? (
                <Tag color="volcano">可查看</Tag>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: '状态',
            width: 150,
            render: (_, u) => (
              <Space size={4} wrap>
                {u.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
                {u.mustChangePassword && !u.disabled && <Tag color="orange">待修改密码</Tag>}
              </Space>
            ),
          },
          { title: '最后修改', width: 150, render: (_, u) => formatStamp(u.updatedAt) },
          {
            title: '操作',
            width: 200,
            render: (_, u) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(u)}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => setResetting(u)}>
                  重置密码
                </Button>
                {u.id === meId ? (
                  <Tooltip title="不能删除自己的账户">
                    <Button type="link" size="small" danger disabled>
                      删除
                    </Button>
                  </Tooltip>
                ) : (
                  <Popconfirm
                    title={`删除用户“${u.displayName}”？`}
                    description="删除后该账户不能再登录；操作日志中的记录保留。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => void remove(u)}
                  >
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
        data-testid="users-table"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        新建或重置密码的账户，用户登录后须先修改密码。把账户设为管理员或线索工作组成员时需要同时设置新密码，用于开通问题线索的密钥。
      </Typography.Text>
      {editing && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            upsert(u);
            setEditing(null);
            void message.success(editing === 'new' ? `已新增用户“${u.displayName}”` : '已保存');
          }}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          onClose={() => setResetting(null)}
          onDone={(u) => {
            upsert(u);
            setResetting(null);
            void message.success(`已重置“${u.displayName}”的密码`);
          }}
        />
      )}
      {code && <RecoveryCodeModal code={code} fresh="regenerated" onDone={() => setCode(null)} />}
    </Space>
  );
}
