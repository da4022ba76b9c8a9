// Template management for Word reports and Excel statistics: list, upload, set default, remove; shows problems.
// 只读 accounts see the lists only.
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { AppError, Result } from '../../../../src-main/shared/result';
import { readFileBase64 } from '../../api/files';
import { call } from '../../api/client';
import type { ExcelTemplateInfo, WordTemplateInfo } from '../../../../src-main/shared/contract';
import { ProblemList } from '../../components/ProblemList';
import { useAppData } from '../../hooks/useAppData';
import { useChannel } from '../../hooks/useChannel';
import { formatStamp } from '../../lib/format';
import { canWriteAnything } from '../../lib/permissions';

type TemplateInfo = WordTemplateInfo | ExcelTemplateInfo;

function TemplateCard({ kind }: { kind: 'word' | 'excel' }) {
  const { message } = App.useApp();
  const { viewer } = useAppData();
  const canEdit = canWriteAnything(viewer);
  const list = useChannel(kind === 'word' ? 'word:templates:list' : 'excel:templates:list', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [warning, setWarning] = useState<Pick<AppError, 'message' | 'details'> | null>(null);
  const ext = kind === 'word' ? '.docx' : '.xlsx';

  const act = async (label: string, fn: () => Promise<Result<unknown>>) => {
    setBusy(true);
    setError(null);
    setWarning(null);
    const r = await fn();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    void message.success(label);
    list.refresh();
    // An Excel template is kept even with names the statistics do not know: they come back as warnings.
    const problems = (r.data as { template?: { warnings?: string[] } } | null)?.template?.warnings;
    if (problems?.length)
      setWarning({
        message: '模板已保存，但其中有以下问题，导出时这些位置不会被填写：',
        details: { problems },
      });
  };

  const upload = async (file: File) => {
    const dataBase64 = await readFileBase64(file);
    const name = file.name.replace(/\.[^.]+$/, '');
    await act('模板已上传', () =>
      kind === 'word'
        ? call('word:templates:add', { name, fileName: file.name, dataBase64 })
        : call('excel:templates:add', { name, fileName: file.name, dataBase64 }),
    );
  };

  return (
    <Card
      size="small"
      title={kind === 'word' ? 'Word 报告模板' : 'Excel 统计表模板'}
      extra={
        canEdit && (
          <Upload accept={ext} showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
            <Button icon={<UploadOutlined />} loading={busy}>
              上传 {ext} 模板
            </Button>
          </Upload>
        )
      }
      data-testid={`${kind}-templates`}
    >
      {error && <ProblemList error={error} onClose={() => setError(null)} />}
      {warning && <ProblemList error={warning} warning onClose={() => setWarning(null)} />}
      {list.error && !list.data && <ProblemList error={list.error} />}
      <Table<TemplateInfo>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.templates ?? []}
        pagination={false}
        locale={{ emptyText: '还没有上传模板，导出时使用内置格式' }}
        columns={[
          {
            title: '名称',
            render: (_, t) => (
              <Space>
                {t.name}
                {t.isDefault && <Tag color="blue">默认</Tag>}
              </Space>
            ),
          },
          { title: '上传时间', width: 150, render: (_, t) => formatStamp(t.createdAt) },
          {
            title: '操作',
            hidden: !canEdit,
            width: 180,
            render: (_, t) => (
              <Space>
                <Button
                  size="small"
                  disabled={t.isDefault}
                  onClick={() =>
                    void act('已设为默认模板', () =>
                      kind === 'word'
                        ? call('word:templates:setDefault', { id: t.id })
                        : call('excel:templates:setDefault', { id: t.id }),
                    )
                  }
                >
                  设为默认
                </Button>
                <Popconfirm
                  title="删除这个模板？"
                  okText="删除"
                  cancelText="取消"
                  onConfirm={() =>
                    void act('模板已删除', () =>
                      kind === 'word'
                        ? call('word:templates:remove', { id: t.id })
                        : call('excel:templates:remove', { id: t.id }),
                    )
                  }
                >
                  <Button size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function TemplatesManager() {
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="templates-manager">
      <TemplateCard kind="word" />
      <TemplateCard kind="excel" />
    </Space>
  );
}
