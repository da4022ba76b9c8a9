// 新增用户 / 编辑用户: role, working groups (for 工作组成员 and 线索工作组成员), disabled; the initial password for a new
// account, and a new password when granting 管理员 or 线索工作组成员 to an account that has no clue key yet (the
// server wraps the key with it). Checked with the contract's schema first, then the server's answer at the field.
import { Alert, Col, Form, Input, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { contract, ROLES } from '../../../../src-main/shared/contract';
import type { UserInfo } from '../../../../src-main/shared/contract';
import type { Role } from '../../../../src-main/shared/context';
import { call } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';
import { checkWith, showServerError } from '../../lib/formErrors';
import { roleLabel, roleNeedsKey } from '../../lib/permissions';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import { ROLE_HELP } from './roles';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  groups: string[];
  disabled: boolean;
  password?: string;
}

interface Props {
  /** The account being edited, or null for a new one. */
  user: UserInfo | null;
  onClose: () => void;
  onSaved: (u: UserInfo) => void;
}

const FIELDS = ['username', 'displayName', 'role', 'groups', 'disabled', 'password'];
const usesGroups = (r: Role | undefined) => r === 'member' || r === 'clue';

function guessField(m: string): string | undefined {
  if (m.includes('用户名')) return 'username';
  if (m.includes('工作组')) return 'groups';
  if (m.includes('密码')) return 'password';
  if (m.includes('姓名')) return 'displayName';
  return undefined;
}

export function UserFormModal({ user, onClose, onSaved }: Props) {
  const { settings, user: me } = useAppData();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const role = Form.useWatch('role', form) ?? user?.role ?? 'member';
  const self = !!user && user.id === me?.id;
  // A new account always gets a password; an existing one only when it is being given the clue key.
  const needsPassword = !user || (roleNeedsKey(role) && !user.clueAccess);

  const submit = async () => {
    setProblem(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const groups = usesGroups(v.role) ? (v.groups ?? []) : [];
    setBusy(true);
    let r;
    if (!user) {
      const args = checkWith(form, contract['users:create'].args, {
        username: v.username,
        displayName: v.displayName,
        role: v.role,
        groups,
        password: v.password,
      });
      if (!args) return setBusy(false);
      r = await call('users:create', args);
    } else {
      const args = checkWith(form, contract['users:update'].args, {
        id: user.id,
        displayName: v.displayName,
        role: v.role,
        groups,
        disabled: v.disabled,
        ...(needsPassword ? { password: v.password } : {}),
      });
      if (!args) return setBusy(false);
      r = await call('users:update', args);
    }
    setBusy(false);
    if (r.ok) return onSaved(r.data);
    setProblem(showServerError(form, r.error, guessField, FIELDS));
  };

  return (
    <Modal
      open
      title={user ? `编辑用户：${user.displayName}` : '新增用户'}
      okText={user ? '保存' : '创建用户'}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={640}
      mask={{ closable: false }}
      rootClassName="user-form-modal"
      destroyOnHidden
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 16 }}
          data-testid="user-form-error"
        />
      )}
      <Form
        form={form}
        name="user"
        layout="vertical"
        requiredMark={false}
        onFinish={() => void submit()}
        initialValues={{
          username: user?.username ?? '',
          displayName: user?.displayName ?? '',
          role: user?.role ?? 'member',
          groups: user?.groups ?? [],
          disabled: user?.disabled ?? false,
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="username"
              label="用户名"
              extra={user ? '用户名创建后不能修改' : '登录时输入；汉字、字母、数字和 . _ -'}
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input disabled={!!user} autoFocus={!user} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="displayName"
              label="姓名"
              rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
            >
              <Input autoFocus={!!user} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="role" label="角色" extra={ROLE_HELP[role]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            disabled={self}
            options={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          />
        </Form.Item>
        {self && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            不能修改自己的角色或停用自己，请由另一位管理员操作。
          </Typography.Paragraph>
        )}
        {usesGroups(role) && (
          <Form.Item
            name="groups"
            label="所在工作组"
            extra={
              role === 'member'
                ? '可修改这些工作组的记录；未选择时只能查看'
                : '问题线索之外，可修改这些工作组的记录'
            }
          >
            <Select
              mode="multiple"
              allowClear
              placeholder="选择工作组"
              options={settings.groups.map((g) => ({ value: g.key, label: g.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        )}
        {user && !self && (
          <Form.Item
            name="disabled"
            label="停用账户"
            valuePropName="checked"
            extra="停用后无法登录，已登录的会话立即结束"
          >
            <Switch checkedChildren="已停用" unCheckedChildren="正常" />
          </Form.Item>
        )}
        {needsPassword &&
          (user ? (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={`设为“${roleLabel(role)}”需要同时设置新密码`}
                description="问题线索的密钥要用该用户的新密码加密保存。请把新密码当面告诉本人，本人下次登录时须改为自己的密码。"
              />
              <NewPasswordFields name="password" label="新密码" />
            </>
          ) : (
            <NewPasswordFields
              name="password"
              label="初始密码"
              confirmLabel="再次输入初始密码"
              extra="至少8位，包含字母、数字、符号中的至少两类；用户首次登录时须改为自己的密码"
            />
          ))}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
