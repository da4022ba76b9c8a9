// Template management for Word reports and Excel statistics: list, upload, set default, remove; shows problems.
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { AppError, Result } from '../../../../src-main/shared/result';
import { readFileBase64 } from '../../api/files';
import { callPending, templatesOf } from '../../api/pending';
import type { TemplateInfo } from '../../api/pending';
import { ProblemList } from '../../components/ProblemList';
import { usePendingQuery } from '../../hooks/usePendingQuery';
import { formatStamp } from '../../lib/format';

function TemplateCard({ kind }: { kind: 'word' | 'excel' }) {
  const { message } = App.useApp();
  const list = usePendingQuery(kind === 'word' ? 'word:templates:list' : 'excel:templates:list', {});
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
    const problems = (r.data as { problems?: unknown[] } | null)?.problems;
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
        ? callPending('word:templates:add', { name, fileName: file.name, dataBase64 })
        : callPending('excel:templates:add', { name, fileName: file.name, dataBase64 }),
    );
  };

  return (
    <Card
      size="small"
      title={kind === 'word' ? 'Word 报告模板' : 'Excel 统计表模板'}
      extra={
        <Upload accept={ext} showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
          <Button icon={<UploadOutlined />} loading={busy}>
            上传 {ext} 模板
          </Button>
        </Upload>
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
        dataSource={templatesOf(list.data)}
        pagination={false}
        locale={{ emptyText: '还没有上传模板，导出时使用内置格式' }}
        columns={[
          {
            title: '名称',
            render: (_, t) => (
              <Space>
                {t.name}
                {t.isDefault && <Tag color="blue">默认</Tag>}
                {t.builtIn && <Tag>内置</Tag>}
              </Space>
            ),
          },
          { title: '上传时间', width: 150, render: (_, t) => formatStamp(t.createdAt ?? t.addedAt) },
          {
            title: '操作',
            width: 180,
            render: (_, t) => (
              <Space>
                <Button
                  size="small"
                  disabled={t.isDefault}
                  onClick={() =>
                    void act('已设为默认模板', () =>
                      kind === 'word'
                        ? callPending('word:templates:setDefault', { id: t.id })
                        : callPending('excel:templates:setDefault', { id: t.id }),
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
                        ? callPending('word:templates:remove', { id: t.id })
                        : callPending('excel:templates:remove', { id: t.id }),
                    )
                  }
                >
                  <Button size="small" danger disabled={t.builtIn}>
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
