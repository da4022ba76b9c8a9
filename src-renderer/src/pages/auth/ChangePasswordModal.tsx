// 修改密码 ('auth:changePassword'): from the user menu, or forced after signing in with a password the
// administrator chose (mustChangePassword), when it cannot be dismissed, only left by signing out.
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { contract } from '../../../../src-main/shared/contract';
import { call } from '../../api/client';
import { checkWith, showServerError } from '../../lib/formErrors';
import { NewPasswordFields } from './NewPasswordFields';

interface Values {
  oldPassword: string;
  newPassword: string;
}

interface Props {
  forced?: boolean;
  onClose?: () => void;
  onChanged: () => void;
  onSignOut?: () => void;
}

export function ChangePasswordModal({ forced, onClose, onChanged, onSignOut }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const args = checkWith(form, contract['auth:changePassword'].args, {
      oldPassword: v.oldPassword,
      newPassword: v.newPassword,
    });
    if (!args) return;
    setBusy(true);
    const r = await call('auth:changePassword', args);
    setBusy(false);
    if (r.ok) {
      void message.success('密码已修改');
      onChanged();
      return;
    }
    setProblem(
      showServerError(
        form,
        r.error,
        (m) => (m.includes('原密码') ? 'oldPassword' : m.includes('密码') ? 'newPassword' : undefined),
        ['oldPassword', 'newPassword'],
      ),
    );
  };

  return (
    <Modal
      open
      title={forced ? '请先修改初始密码' : '修改密码'}
      closable={!forced}
      mask={{ closable: false, blur: !!forced }}
      keyboard={!forced}
      onCancel={onClose}
      rootClassName="change-password-modal"
      footer={
        <Space>
          {forced ? <Button onClick={onSignOut}>退出登录</Button> : <Button onClick={onClose}>取消</Button>}
          <Button type="primary" loading={busy} onClick={() => void submit()}>
            修改密码
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      {forced && (
        <Typography.Paragraph type="secondary">
          您的密码是管理员设置的初始密码（或刚被重置），请改为只有您自己知道的密码后再继续使用。
        </Typography.Paragraph>
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 16 }}
          data-testid="change-error"
        />
      )}
      <Form
        form={form}
        name="changePassword"
        layout="vertical"
        requiredMark={false}
        onFinish={() => void submit()}
      >
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <NewPasswordFields name="newPassword" />
        {/* Enter in any field submits. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
