// The lock screen: covers everything (idle for settings.lockMinutes, locked by hand, or the server ended the session)
// and asks the same user's password again. The page underneath stays mounted, so unsaved work survives, but it is
// fully covered, made inert (no Tab into it) and its shortcuts are off while locked.
import { LockOutlined, SwapOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { SessionUser } from '../../../../src-main/shared/context';
import type { SignInResult } from '../../../../src-main/shared/contract';
import { roleLabel } from '../../lib/permissions';
import { SignInForm } from './SignInForm';

export type LockReason = 'idle' | 'manual' | 'expired';

const REASON: Record<LockReason, string> = {
  idle: '长时间未操作，屏幕已锁定',
  manual: '屏幕已锁定',
  expired: '登录已失效（超时或账户被修改），请重新输入密码',
};

/** Set on <html> while locked: page shortcuts (useHotkeys) stay quiet. */
export const LOCKED_ATTR = 'data-locked';

interface Props {
  user: SessionUser;
  reason: LockReason;
  since: Date;
  onUnlocked: (r: SignInResult) => void;
  onSwitchUser: () => void;
}

export function LockScreen({ user, reason, since, onUnlocked, onSwitchUser }: Props) {
  useEffect(() => {
    const root = document.documentElement;
    root.setAttribute(LOCKED_ATTR, 'true');
    // Everything else on the page (the app, open drawers and dialogs, messages) becomes unreachable.
    const others = [...document.body.children].filter(
      (el): el is HTMLElement => el instanceof HTMLElement && !el.hasAttribute('data-lock-screen'),
    );
    const made = others.filter((el) => !el.inert);
    for (const el of made) el.inert = true;
    return () => {
      root.removeAttribute(LOCKED_ATTR);
      for (const el of made) el.inert = false;
    };
  }, []);

  const time = `${String(since.getHours()).padStart(2, '0')}:${String(since.getMinutes()).padStart(2, '0')}`;
  return createPortal(
    <div
      data-lock-screen
      data-testid="lock-screen"
      role="dialog"
      aria-modal="true"
      aria-label="屏幕已锁定"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 5000,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        // Opaque: nothing of the page may be read around the card.
        background: 'linear-gradient(160deg, #7d1414 0%, #a61b1b 45%, #3a0a0a 100%)',
      }}
    >
      <Card style={{ width: 380, boxShadow: '0 10px 40px rgba(0,0,0,.35)' }}>
        <Space orientation="vertical" size={4} style={{ width: '100%', alignItems: 'center' }}>
          <Avatar size={56} style={{ background: '#a61b1b' }} icon={<LockOutlined />} />
          <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
            {user.displayName}
          </Typography.Title>
          <Space size={6}>
            <Typography.Text type="secondary">{user.username}</Typography.Text>
            <Tag>{roleLabel(user.role)}</Tag>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 16px', textAlign: 'center' }}>
            {REASON[reason]}（{time}）
          </Typography.Paragraph>
        </Space>
        <SignInForm fixedUsername={user.username} submitLabel="解锁" onSignedIn={onUnlocked} />
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button type="link" icon={<SwapOutlined />} onClick={onSwitchUser}>
            退出并切换账户
          </Button>
        </div>
      </Card>
    </div>,
    document.body,
  );
}
