// 忘记密码: an administrator who has forgotten the password sets a new one with the recovery code from setup
// ('auth:recover'). Other users ask an administrator to reset theirs.
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { contract } from '../../../../src-main/shared/contract';
import { call } from '../../api/client';
import { useCountdown } from '../../hooks/useCountdown';
import { checkWith, retryAfter, showServerError } from '../../lib/formErrors';
import { NewPasswordFields } from './NewPasswordFields';

interface Values {
  username: string;
  recoveryCode: string;
  newPassword: string;
}

export function RecoverForm({
  onDone,
  onCancel,
}: {
  onDone: (username: string) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const wait = useCountdown();

  const submit = async (v: Values) => {
    const args = checkWith(form, contract['auth:recover'].args, {
      username: v.username,
      recoveryCode: v.recoveryCode,
      newPassword: v.newPassword,
    });
    if (!args) return;
    setBusy(true);
    const r = await call('auth:recover', args);
    setBusy(false);
    if (r.ok) return onDone(args.username);
    const secs = retryAfter(r.error);
    if (secs) wait.start(secs);
    setProblem(
      showServerError(
        form,
        r.error,
        (m) => (m.includes('恢复码') ? 'recoveryCode' : m.includes('密码') ? 'newPassword' : undefined),
        ['username', 'recoveryCode', 'newPassword'],
      ),
    );
  };

  return (
    <Form form={form} name="recover" layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
      <Typography.Paragraph type="secondary">
        用启用账户时抄写的恢复码为管理员设置新密码。其他用户忘记密码，请联系管理员在“用户管理”中重置。
      </Typography.Paragraph>
      {problem && (
        <Alert
          type="error"
          showIcon
          title={wait.left > 0 ? `${problem}（${wait.left} 秒后可再试）` : problem}
          style={{ marginBottom: 16 }}
          data-testid="recover-error"
        />
      )}
      <Form.Item
        name="username"
        label="管理员用户名"
        rules={[{ required: true, whitespace: true, message: '请输入管理员用户名' }]}
      >
        <Input autoFocus autoComplete="username" />
      </Form.Item>
      <Form.Item
        name="recoveryCode"
        label="恢复码"
        rules={[{ required: true, whitespace: true, message: '请输入恢复码' }]}
        extra="字母不区分大小写，短横线可省略"
      >
        <Input
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
          autoComplete="off"
          spellCheck={false}
          style={{ fontFamily: 'monospace' }}
        />
      </Form.Item>
      <NewPasswordFields name="newPassword" />
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Button onClick={onCancel}>返回登录</Button>
        <Button type="primary" htmlType="submit" loading={busy} disabled={wait.left > 0}>
          重置密码
        </Button>
      </Space>
    </Form>
  );
}
