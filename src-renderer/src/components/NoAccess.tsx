// The designed 无权查看 screen: for a screen or ledger this account may not open (reached by typing its address).
import { LockOutlined } from '@ant-design/icons';
import { Button, Result, Typography } from 'antd';
import { useAppData } from '../hooks/useAppData';
import { roleLabel } from '../lib/permissions';

interface Props {
  /** What cannot be opened, e.g. 问题线索台账, 用户管理. */
  what: string;
  /** Who may open it, e.g. 管理员和线索工作组成员. */
  who: string;
}

export function NoAccess({ what, who }: Props) {
  const { user } = useAppData();
  return (
    <Result
      icon={<LockOutlined style={{ color: '#a61b1b' }} />}
      title="无权查看"
      subTitle={
        <>
          <div>
            {what}仅限{who}查看。
          </div>
          {user && (
            <Typography.Text type="secondary">
              您当前的身份是“{roleLabel(user.role)}”。如确需查看，请联系管理员调整账户权限。
            </Typography.Text>
          )}
        </>
      }
      extra={
        <Button type="primary" href="#/">
          返回首页
        </Button>
      }
      data-testid="no-access"
    />
  );
}
