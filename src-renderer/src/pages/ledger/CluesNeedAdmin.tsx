// 问题线索 before the administrator exists ('needs_admin'): why the ledger does not open, and the way in — creating
// the administrator (with the recovery code shown once) — after which the ledger opens in place. In a demo store
// the demo's fake clues can be looked at, and a banner says why they cannot be changed yet.
import { LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Result, Typography } from 'antd';
import { useState } from 'react';
import { useAppData } from '../../hooks/useAppData';
import { SetupAdminForm } from '../auth/SetupAdminForm';

// Sentences kept whole (JSX would put a space where a long line of Chinese text wraps in the source).
const WHY =
  '问题线索记载被反映人、反映人等真实人员的姓名，本程序只以加密方式保存，数据目录和备份中都不留明文。' +
  '加密密钥在设置管理员时生成，由管理员（以及以后授权的线索工作组成员）的密码和一次性恢复码保护。';
const UNTIL = '因此在设置管理员之前，问题线索台账不能录入、导入、导出或查看；其他台账和统计照常使用。';
const SETUP_INTRO =
  '管理员通常是办公室负责人。设置后将生成加密密钥，并显示一次性恢复码：所有管理员都忘记密码时，凭它才能找回问题线索，' +
  '请抄写在纸上妥善保管。之后每人用自己的账户登录，只有管理员和线索工作组成员能打开问题线索。';

interface Props {
  /** 'locked': the ledger cannot open (a real store); 'demo': the demo's clues show, read-only. */
  mode: 'locked' | 'demo';
  /** Accounts are on and this window is the administrator: load the ledger again. */
  onReady: () => void;
}

function SetupAdminModal({ onClose, onReady }: { onClose: () => void; onReady: () => void }) {
  const { refreshInfo } = useAppData();
  return (
    <Modal
      open
      title={
        <>
          <SafetyCertificateOutlined /> 设置管理员（启用账户与加密）
        </>
      }
      width={680}
      footer={null}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      rootClassName="setup-admin-modal"
    >
      <Typography.Paragraph type="secondary">{SETUP_INTRO}</Typography.Paragraph>
      <SetupAdminForm
        onCancel={onClose}
        onDone={() => {
          onClose();
          refreshInfo();
          onReady();
        }}
      />
    </Modal>
  );
}

export function CluesNeedAdmin({ mode, onReady }: Props) {
  const [open, setOpen] = useState(false);
  const button = (
    <Button
      type="primary"
      icon={<SafetyCertificateOutlined />}
      onClick={() => setOpen(true)}
      data-testid="clues-setup-admin"
    >
      设置管理员
    </Button>
  );
  const modal = open && <SetupAdminModal onClose={() => setOpen(false)} onReady={onReady} />;

  if (mode === 'demo') {
    return (
      <>
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          title="演示数据中的问题线索是虚构的，只供查看"
          description="问题线索只以加密方式保存：新增、修改或导入问题线索，须先设置管理员（启用账户和加密）。"
          action={button}
          data-testid="clues-demo-read-only"
        />
        {modal}
      </>
    );
  }
  return (
    <>
      <Result
        icon={<LockOutlined style={{ color: '#a61b1b' }} />}
        title="问题线索须加密保存，请先设置管理员"
        subTitle={
          <div style={{ maxWidth: 640, margin: '0 auto', textAlign: 'left' }}>
            <Typography.Paragraph>{WHY}</Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{UNTIL}</Typography.Paragraph>
          </div>
        }
        extra={button}
        data-testid="clues-need-admin"
      />
      {modal}
    </>
  );
}
