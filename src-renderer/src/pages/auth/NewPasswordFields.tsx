// A new password typed twice, with the rules the accounts service applies spelled out beneath it.
import { Col, Form, Input, Row } from 'antd';

export const PASSWORD_RULES_TEXT = '至少8位，包含字母、数字、符号中的至少两类，不能与用户名相同';

interface Props {
  /** Field name of the password (the contract's key: password / newPassword). */
  name: string;
  label?: string;
  confirmLabel?: string;
  extra?: string;
  autoFocus?: boolean;
  /** Side by side (wide forms) instead of one under the other. */
  inline?: boolean;
}

export function NewPasswordFields({
  name,
  label = '新密码',
  confirmLabel = '再次输入新密码',
  extra = PASSWORD_RULES_TEXT,
  autoFocus,
  inline,
}: Props) {
  const first = (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[{ required: true, message: `请输入${label}` }]}
    >
      <Input.Password autoComplete="new-password" autoFocus={autoFocus} />
    </Form.Item>
  );
  const second = (
    <Form.Item
      name={`${name}Confirm`}
      label={confirmLabel}
      dependencies={[name]}
      rules={[
        { required: true, message: '请再次输入密码' },
        ({ getFieldValue }) => ({
          validator: (_, v: unknown) =>
            !v || getFieldValue(name) === v
              ? Promise.resolve()
              : Promise.reject(new Error('两次输入的密码不一致')),
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
  if (!inline)
    return (
      <>
        {first}
        {second}
      </>
    );
  return (
    <Row gutter={16}>
      <Col span={12}>{first}</Col>
      <Col span={12}>{second}</Col>
    </Row>
  );
}
