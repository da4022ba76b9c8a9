// The sign-in screen, shown whenever accounts are enabled and nobody is signed in (at start, after signing out, or
// when the server no longer knows the session). 忘记密码 leads to the recovery code, which signs the administrator in.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Typography } from 'antd';
import { useState } from 'react';
import type { SignInResult } from '../../../../src-main/shared/contract';
import { RecoverForm } from './RecoverForm';
import { SignInForm } from './SignInForm';

interface Props {
  title: string;
  /** Set when the account files are inconsistent (auth:status.problem): nobody can sign in until it is fixed. */
  problem?: string;
  onSignedIn: (r: SignInResult) => void;
}

export function SignInPage({ title, problem, onSignedIn }: Props) {
  const [mode, setMode] = useState<'signin' | 'recover'>('signin');

  return (
    <div
      style={{
        minHeight: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(180deg, #a61b1b 0, #a61b1b 42%, #f5f6f8 42%)',
        padding: 16,
      }}
    >
      <Card style={{ width: 400, boxShadow: '0 6px 24px rgba(0,0,0,.12)' }} data-testid="sign-in">
        <div style={{ textAlign: 'center', marginBottom: 8 }}>
          <SafetyCertificateOutlined style={{ fontSize: 36, color: '#a61b1b' }} />
        </div>
        <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
          {mode === 'signin' ? title : '使用恢复码重置管理员密码'}
        </Typography.Title>
        {problem && (
          <Alert
            type="error"
            showIcon
            title="账户数据有问题"
            description={problem}
            style={{ marginBottom: 16 }}
          />
        )}
        {mode === 'signin' ? (
          <>
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
              请使用管理员分配的账户登录
            </Typography.Paragraph>
            <SignInForm onSignedIn={onSignedIn} />
            <div style={{ textAlign: 'right', marginTop: 12 }}>
              <Typography.Link onClick={() => setMode('recover')} data-testid="forgot-password">
                忘记密码？
              </Typography.Link>
            </div>
          </>
        ) : (
          <RecoverForm onCancel={() => setMode('signin')} onDone={onSignedIn} />
        )}
      </Card>
    </div>
  );
}
