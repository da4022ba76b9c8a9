// Settings → 账户与安全: the idle-lock minutes, and either 启用账户 (the first administrator, 'auth:setupAdmin', then
// the recovery code shown once) or, once accounts exist, who is signed in and the way to 修改密码 / 用户管理.
import { KeyOutlined, SafetyCertificateOutlined, TeamOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  ConfigProvider,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Tag,
} from 'antd';
import { useState } from 'react';
import { contract } from '../../../../src-main/shared/contract';
import { call } from '../../api/client';
import { RecoveryCodeModal } from '../../components/RecoveryCodeModal';
import { useAppData } from '../../hooks/useAppData';
import { checkWith, showServerError } from '../../lib/formErrors';
import { isAdmin, roleLabel } from '../../lib/permissions';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { NewPasswordFields } from '../auth/NewPasswordFields';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
}

function EnableAccounts() {
  const { refreshInfo } = useAppData();
  const [form] = Form.useForm<SetupValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);

  const submit = async (v: SetupValues) => {
    setProblem(null);
    const args = checkWith(form, contract['auth:setupAdmin'].args, {
      username: v.username,
      displayName: v.displayName,
      password: v.password,
    });
    if (!args) return;
    setBusy(true);
    const r = await call('auth:setupAdmin', args);
    setBusy(false);
    if (r.ok) return setCode(r.data.recoveryCode);
    setProblem(
      showServerError(
        form,
        r.error,
        (m) => (m.includes('用户名') ? 'username' : m.includes('密码') ? 'password' : undefined),
        ['username', 'displayName', 'password'],
      ),
    );
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <UnlockOutlined />
          启用账户
        </Space>
      }
      data-testid="enable-accounts"
    >
      <Alert
        type="warning"
        showIcon
        title="目前未启用账户：打开本程序的任何人都能查看和修改全部数据"
        description="启用后，每人用自己的账户登录：管理员分配角色（管理员、工作组成员、线索工作组成员、只读），问题线索加密保存、只有管理员和线索工作组成员能打开，所有修改和导出记入操作日志，离开电脑一段时间会自动锁屏。"
        style={{ marginBottom: 16 }}
      />
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 16 }}
          data-testid="enable-error"
        />
      )}
      <Form
        form={form}
        name="enableAccounts"
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        style={{ maxWidth: 560 }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="username"
              label="管理员用户名"
              extra="登录时输入，如 admin 或姓名拼音"
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input autoComplete="username" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="displayName"
              label="姓名"
              extra="显示在页面和操作日志中"
              rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <NewPasswordFields name="password" label="管理员密码" confirmLabel="再次输入密码" inline />
        <Button type="primary" htmlType="submit" loading={busy} icon={<SafetyCertificateOutlined />}>
          启用账户
        </Button>
      </Form>
      {code && (
        <RecoveryCodeModal
          code={code}
          onDone={() => {
            setCode(null);
            refreshInfo();
          }}
        />
      )}
    </Card>
  );
}

function AccountStatus() {
  const { user, auth, viewer } = useAppData();
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  return (
    // The settings form is disabled for non-administrators; a user's own account is always theirs to manage.
    <ConfigProvider componentDisabled={false}>
      <Card
        size="small"
        title={
          <Space>
            <SafetyCertificateOutlined />
            账户已启用
          </Space>
        }
        data-testid="account-status"
      >
        <Descriptions
          size="small"
          column={2}
          items={[
            {
              key: 'me',
              label: '当前登录',
              children: (
                <Space>
                  <span>{`${user.displayName}（${user.username}）`}</span>
                  <Tag>{roleLabel(user.role)}</Tag>
                </Space>
              ),
            },
            {
              key: 'clues',
              label: '问题线索',
              children: auth.cluesUnlocked ? '加密保存（当前已解锁）' : '加密保存（当前锁定）',
            },
          ]}
        />
        <Space style={{ marginTop: 12 }}>
          <Button icon={<KeyOutlined />} onClick={() => setChanging(true)}>
            修改我的密码
          </Button>
          {isAdmin(viewer) && (
            <Button icon={<TeamOutlined />} href="#/users">
              用户管理
            </Button>
          )}
        </Space>
      </Card>
      {changing && (
        <ChangePasswordModal onClose={() => setChanging(false)} onChanged={() => setChanging(false)} />
      )}
    </ConfigProvider>
  );
}

export function AccountSection() {
  const { info } = useAppData();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="account-section">
      <Card size="small" title="自动锁屏">
        <Form.Item
          name="lockMinutes"
          label="自动锁屏分钟数"
          extra="这么长时间没有鼠标或键盘操作，屏幕锁定，须重新输入密码；登录同时失效。启用账户后生效。"
          style={{ maxWidth: 420, marginBottom: 0 }}
        >
          <InputNumber min={0} max={1000} precision={0} suffix="分钟" style={{ width: 200 }} />
        </Form.Item>
      </Card>
      {info.accountsEnabled ? <AccountStatus /> : <EnableAccounts />}
    </Space>
  );
}
