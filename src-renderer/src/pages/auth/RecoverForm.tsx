// 忘记密码: an administrator who has forgotten the password sets a new one with the recovery code from setup
// ('auth:recover'), and is signed in with it; if the account list had been edited outside the app, what the recovery
// put back is shown once. Other users ask an administrator to reset theirs.
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { contract } from '../../../../src-main/shared/contract';
import type { RecoverResult } from '../../../../src-main/shared/contract';
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
  onDone: (r: RecoverResult) => void;
  onCancel: () => void;
}) {
  const { modal } = App.useApp();
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
    if (r.ok) {
      if (r.data.notes.length) {
        modal.info({
          title: '账户数据已按程序写入时的内容恢复',
          width: 560,
          content: (
            <ul data-testid="recover-notes">
              {r.data.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ),
        });
      }
      return onDone(r.data);
    }
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
        用启用账户时抄写的恢复码为管理员设置新密码并登录；账户数据被改动、登录被暂停时也用它进入。其他用户忘记密码，请联系管理员在“用户管理”中重置。
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
