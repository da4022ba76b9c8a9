// Sign-in, shown once the administrator has set up accounts (app:info says accountsEnabled and nobody is signed in).
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { AppError } from '../../../../src-main/shared/result';
import { call } from '../../api/client';

export function SignInPage({ title, onSignedIn }: { title: string; onSignedIn: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    const r = await call('auth:signIn', v);
    setBusy(false);
    if (r.ok) onSignedIn();
    else setError(r.error);
  };

  return (
    <div
      style={{
        minHeight: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#f5f6f8',
      }}
    >
      <Card style={{ width: 380 }} data-testid="sign-in">
        <Typography.Title level={4} style={{ textAlign: 'center' }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          请使用管理员分配的账户登录
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Form
          name="signin"
          layout="vertical"
          onFinish={(v: { username: string; password: string }) => void submit(v)}
        >
          <Form.Item name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
