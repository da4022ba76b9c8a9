// Creating the first administrator ('auth:setupAdmin') where a screen needs it (问题线索 before accounts exist):
// the form, then the recovery code shown once; `onDone` runs after the code was confirmed as written down.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, Row, Space } from 'antd';
import { useState } from 'react';
import { contract } from '../../../../src-main/shared/contract';
import { call } from '../../api/client';
import { RecoveryCodeModal } from '../../components/RecoveryCodeModal';
import { checkWith, showServerError } from '../../lib/formErrors';
import { NewPasswordFields } from './NewPasswordFields';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
}

interface Props {
  /** After the recovery code was confirmed: accounts are on and this window is signed in as the administrator. */
  onDone: () => void;
  onCancel?: () => void;
}

export function SetupAdminForm({ onDone, onCancel }: Props) {
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
    <>
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 16 }}
          data-testid="setup-admin-error"
        />
      )}
      <Form
        form={form}
        name="setupAdmin"
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
        data-testid="setup-admin-form"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="username"
              label="管理员用户名"
              extra="登录时输入，如 admin 或姓名拼音"
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input autoComplete="username" autoFocus />
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
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} icon={<SafetyCertificateOutlined />}>
            设置管理员并启用加密
          </Button>
          {onCancel && <Button onClick={onCancel}>取消</Button>}
        </Space>
      </Form>
      {code && (
        <RecoveryCodeModal
          code={code}
          onDone={() => {
            setCode(null);
            onDone();
          }}
        />
      )}
    </>
  );
}
