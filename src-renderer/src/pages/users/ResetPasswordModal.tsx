// 重置密码 ('users:resetPassword'): the administrator sets a new password for someone who forgot theirs; the user's
// sessions end and they must change it at the next sign-in.
import { Alert, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { contract } from '../../../../src-main/shared/contract';
import type { UserInfo } from '../../../../src-main/shared/contract';
import { call } from '../../api/client';
import { checkWith, showServerError } from '../../lib/formErrors';
import { NewPasswordFields } from '../auth/NewPasswordFields';

export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: UserInfo;
  onClose: () => void;
  onDone: (u: UserInfo) => void;
}) {
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    setProblem(null);
    let v: { password: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const args = checkWith(form, contract['users:resetPassword'].args, { id: user.id, password: v.password });
    if (!args) return;
    setBusy(true);
    const r = await call('users:resetPassword', args);
    setBusy(false);
    if (r.ok) return onDone(r.data);
    setProblem(
      showServerError(form, r.error, (m) => (m.includes('密码') ? 'password' : undefined), ['password']),
    );
  };

  return (
    <Modal
      open
      title={`重置密码：${user.displayName}（${user.username}）`}
      okText="重置密码"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      mask={{ closable: false }}
      rootClassName="reset-password-modal"
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        重置后，该用户已登录的地方立即退出；用新密码登录后须改为自己的密码。请把新密码当面告诉本人。
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} name="reset" layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <NewPasswordFields name="password" autoFocus />
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
