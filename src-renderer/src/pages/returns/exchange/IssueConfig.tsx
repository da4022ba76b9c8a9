// 签发单位配置包 (office): every unit of 设置 with whether it was given a configuration, and for the administrator a
// button to issue one. A unit holds one key at a time, so re-issuing is confirmed: the unit's earlier packages are
// no longer accepted. The file is saved as every generated file is (a save dialog, or a download in web mode).
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { UnitIdentity } from '../../../../../src-main/shared/contract/exchange';
import { call } from '../../../api/client';
import { ProblemList } from '../../../components/ProblemList';
import { useAppData } from '../../../hooks/useAppData';
import { useFileTask } from '../../../hooks/useFileTask';
import { formatStamp } from '../../../lib/format';

type Issued = NonNullable<UnitIdentity['issued']>[number];

interface Row {
  id: string;
  name: string;
  kind?: string;
  active: boolean;
  /** Gone from 设置's unit list since it was issued: listed (its packages still come in), not re-issuable. */
  removed: boolean;
  issued?: Issued;
}

interface Props {
  issued: Issued[];
  canIssue: boolean;
  /** After a configuration was issued: the table shows it. */
  onIssued: () => void;
}

export function IssueConfig({ issued, canIssue, onIssued }: Props) {
  const { settings } = useAppData();
  const { modal } = App.useApp();
  const task = useFileTask();
  const [issuing, setIssuing] = useState<string | null>(null);

  const rows = useMemo<Row[]>(() => {
    const by = new Map(issued.map((i) => [i.unit, i]));
    const known = new Set(settings.units.map((u) => u.id));
    return [
      ...settings.units.map((u) => ({
        id: u.id,
        name: u.name,
        kind: u.kind,
        active: u.active,
        removed: false,
        issued: by.get(u.id),
      })),
      ...issued
        .filter((i) => !known.has(i.unit))
        .map((i) => ({ id: i.unit, name: i.unitName, active: false, removed: true, issued: i })),
    ];
  }, [settings.units, issued]);

  const issue = async (row: Row) => {
    setIssuing(row.id);
    await task.run(`${row.name}单位配置包`, () => call('exchange:issueConfig', { unit: row.id }));
    setIssuing(null);
    // Issued even when the save was cancelled (the key is made first): the table says so either way.
    onIssued();
  };

  const ask = (row: Row) => {
    if (!row.issued) return void issue(row);
    modal.confirm({
      title: `重新签发${row.name}的单位配置包？`,
      content: (
        <>
          <p>
            上次签发于 {formatStamp(row.issued.issuedAt)}
            。重新签发后，原来的配置包作废：该单位用它生成的报送包（包括已生成、尚未交来的）本机将不再接收。
          </p>
          <p style={{ marginBottom: 0 }}>
            该单位需要用新的配置包重新设置本机（“报送包”页中的“换用新的单位配置包”），再生成报送包。
          </p>
        </>
      ),
      okText: '重新签发',
      okButtonProps: { danger: true },
      cancelText: '取消',
      autoFocusButton: 'cancel',
      onOk: () => void issue(row),
    });
  };

  const columns: TableColumnsType<Row> = [
    {
      title: '单位',
      dataIndex: 'name',
      render: (name: string, r) => (
        <>
          <Typography.Text strong>{name}</Typography.Text>
          {r.removed ? (
            <Tag style={{ marginInlineStart: 8 }}>已从单位列表删除</Tag>
          ) : (
            !r.active && <Tag style={{ marginInlineStart: 8 }}>已停用</Tag>
          )}
        </>
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 110, render: (k?: string) => k ?? '—' },
    {
      title: '单位配置包',
      key: 'issued',
      width: 280,
      render: (_: unknown, r) =>
        r.issued ? (
          <span data-testid="exchange-issued" data-issued="true">
            <Tag color="green">已签发</Tag>
            <Tooltip title={`配置编号 ${r.issued.keyId}`}>
              <Typography.Text type="secondary" tabIndex={0}>
                {formatStamp(r.issued.issuedAt)}
              </Typography.Text>
            </Tooltip>
          </span>
        ) : (
          <span data-testid="exchange-issued" data-issued="false">
            <Tag>未签发</Tag>
          </span>
        ),
    },
    ...(canIssue
      ? [
          {
            title: '操作',
            key: 'action',
            width: 120,
            render: (_: unknown, r: Row) =>
              r.removed ? null : (
                <Button
                  size="small"
                  icon={<SafetyCertificateOutlined />}
                  loading={issuing === r.id}
                  disabled={task.busy && issuing !== r.id}
                  onClick={() => ask(r)}
                  data-testid={`exchange-issue-${r.id}`}
                >
                  {r.issued ? '重新签发' : '签发'}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {task.error && <ProblemList error={task.error} onClose={task.clearError} />}
      <Table<Row>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: '单位列表为空：请先在“设置 → 单位”中添加单位。' }}
        data-testid="exchange-units"
      />
      {!canIssue && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          单位配置包含有该单位的签名密钥，只有管理员可以签发。
        </Typography.Text>
      )}
    </div>
  );
}
