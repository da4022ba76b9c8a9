// Username and password → 'auth:signIn', for the sign-in screen and the lock screen (there with the name fixed).
// A wrong password shows the server's message; too many failures show a countdown and hold the button back (for a
// door paused after failures over many names, with the server's hint that the recovery code still works).
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { SignInResult } from '../../../../src-main/shared/contract';
import type { AppError } from '../../../../src-main/shared/result';
import { call } from '../../api/client';
import { useCountdown } from '../../hooks/useCountdown';
import { retryAfter } from '../../lib/formErrors';

interface Props {
  /** Lock screen: sign in again as this user only. */
  fixedUsername?: string;
  initialUsername?: string;
  submitLabel?: string;
  onSignedIn: (r: SignInResult) => void;
}

export function SignInForm({ fixedUsername, initialUsername, submitLabel = '登录', onSignedIn }: Props) {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const wait = useCountdown();
  const waiting = wait.left > 0;

  const submit = async (v: { username: string; password: string }) => {
    if (busy || waiting) return;
    setBusy(true);
    const r = await call('auth:signIn', { username: fixedUsername ?? v.username, password: v.password });
    setBusy(false);
    if (r.ok) {
      setError(null);
      onSignedIn(r.data);
      return;
    }
    setError(r.error);
    const secs = retryAfter(r.error);
    if (secs) wait.start(secs);
    form.setFieldValue('password', '');
    form.focusField('password');
  };

  const locked = error && retryAfter(error);
  return (
    <Form
      form={form}
      name="signin"
      layout="vertical"
      initialValues={{ username: fixedUsername ?? initialUsername ?? '' }}
      onFinish={(v) => void submit(v)}
      requiredMark={false}
    >
      {error &&
        (locked && waiting ? (
          <Alert
            type="warning"
            showIcon
            title="登录失败次数过多"
            description={
              error.message.includes('恢复码')
                ? `${error.message}（还需等待 ${wait.left} 秒）`
                : `为防止密码被猜测，请在 ${wait.left} 秒后再试。`
            }
            style={{ marginBottom: 16 }}
            data-testid="signin-countdown"
          />
        ) : (
          <Alert
            type={locked ? 'info' : 'error'}
            showIcon
            title={locked ? '等待结束，现在可以再试了' : error.message}
            style={{ marginBottom: 16 }}
            data-testid="signin-error"
          />
        ))}
      {!fixedUsername && (
        <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input
            prefix={<UserOutlined />}
            placeholder="用户名"
            autoFocus={!initialUsername}
            autoComplete="username"
            aria-label="用户名"
          />
        </Form.Item>
      )}
      <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password
          prefix={<LockOutlined />}
          placeholder="密码"
          autoFocus={!!fixedUsername || !!initialUsername}
          autoComplete="current-password"
          aria-label="密码"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy} disabled={waiting}>
        {waiting ? `请等待 ${wait.left} 秒` : submitLabel}
      </Button>
    </Form>
  );
}
