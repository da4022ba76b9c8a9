// 报送包: for units that run this program themselves. What the screen offers depends on this installation's place
// ('exchange:identity'): the district office issues 单位配置包 and receives 报送包; a 填报单位 generates them. An office
// installation that has issued nothing can still be made a 填报单位 (on the unit's computer), by the administrator.
import { App, Alert, Card, Collapse, Space, Typography } from 'antd';
import { ErrorState } from '../../../components/ErrorState';
import { LoadingState } from '../../../components/LoadingState';
import { useAppData } from '../../../hooks/useAppData';
import { useChannel } from '../../../hooks/useChannel';
import { formatStamp } from '../../../lib/format';
import { canWriteAnything, isAdmin } from '../../../lib/permissions';
import { IssueConfig } from './IssueConfig';
import { ReceivePackage } from './ReceivePackage';
import { SubmitPackage } from './SubmitPackage';
import { UnitSetup } from './UnitSetup';

export function ExchangePanel() {
  const { viewer, refreshSettings } = useAppData();
  const { message } = App.useApp();
  const identity = useChannel('exchange:identity', {});

  if (identity.error && !identity.data)
    return <ErrorState title="报送包信息加载失败" error={identity.error} onRetry={identity.refresh} />;
  if (!identity.data) return <LoadingState />;

  const admin = isAdmin(viewer);
  const canWrite = canWriteAnything(viewer);
  const me = identity.data;
  const setUp = (name: string) => {
    identity.refresh();
    refreshSettings(); // the unit joined the unit list, so its records can name it
    void message.success(
      me.role === 'unit' ? `已换用新的单位配置包：${name}` : `本机已设为填报单位：${name}`,
    );
  };

  if (me.role === 'unit') {
    const office = me.office ?? '区纪委监委';
    return (
      <Space
        orientation="vertical"
        size={12}
        style={{ width: '100%' }}
        data-testid="exchange-panel"
        data-role="unit"
      >
        <Alert
          type="info"
          showIcon
          title={`本机是填报单位：${me.unit?.name ?? ''}（${office}）`}
          description={`${formatStamp(me.setupAt)} 用单位配置包设置（配置编号 ${me.keyId ?? '—'}）。在本机录入本单位的台账，每期生成报送包交给${office}。`}
          data-testid="exchange-identity"
        />
        <Card size="small" title="生成报送包">
          <SubmitPackage office={office} canSubmit={canWrite} />
        </Card>
        {admin && (
          <Collapse
            size="small"
            items={[
              {
                key: 'setup',
                label: '换用新的单位配置包',
                children: <UnitSetup mode="replace" onDone={setUp} />,
              },
            ]}
          />
        )}
      </Space>
    );
  }

  const issued = me.issued ?? [];
  return (
    <Space
      orientation="vertical"
      size={12}
      style={{ width: '100%' }}
      data-testid="exchange-panel"
      data-role="office"
    >
      <Typography.Text type="secondary">
        下级单位自己使用本软件填报时：先为其签发单位配置包，该单位用它设置后，每期生成报送包交来，在这里检查并合并到本机台账。报来
        Excel 表格的单位，仍在“导入”中导入。
      </Typography.Text>
      <Card size="small" title="接收报送包">
        <ReceivePackage canReceive={canWrite} nothingIssued={!issued.length} />
      </Card>
      <Card
        size="small"
        title="签发单位配置包"
        extra={
          <Typography.Text type="secondary" data-testid="exchange-issued-count">
            已为 {issued.length} 个单位签发
          </Typography.Text>
        }
      >
        <IssueConfig issued={issued} canIssue={admin} onIssued={identity.refresh} />
      </Card>
      {/* Only while nothing was issued: an installation holding units' keys is the office's (the server refuses too). */}
      {admin && !issued.length && (
        <Collapse
          size="small"
          items={[
            {
              key: 'setup',
              label: '把本机设为填报单位（仅在下级单位的电脑上使用）',
              children: <UnitSetup mode="first" onDone={setUp} />,
            },
          ]}
          data-testid="exchange-setup-section"
        />
      )}
    </Space>
  );
}
