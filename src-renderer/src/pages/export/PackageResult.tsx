// What 「生成月报」 produced: the folder (copy its path; open it on the desktop), each file with its size (download in
// web mode, open on the desktop), and what to check before sending it, said plainly.
import {
  CopyOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  FolderOpenOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Typography } from 'antd';
import type { MonthlyPackage, PackageFile } from '../../../../src-main/shared/contract';
import type { Result } from '../../../../src-main/shared/result';
import { isDesktop } from '../../api/client';
import { openInSystem, saveGeneratedFile, showInFolder } from '../../api/files';
import { copyText } from '../../lib/clipboard';
import { formatBytes } from '../../lib/format';
import { periodText } from '../../../../src-main/shared/period';

const KIND_LABEL: Record<PackageFile['kind'], string> = {
  report: '工作情况报告',
  stats: '统计表',
  superior: '上级模板',
};

interface Props {
  pkg: MonthlyPackage;
  /** The period's own text was saved after this package was made: the report in it is out of date. */
  notesChanged: boolean;
  busy: boolean;
  onRegenerate: () => void;
  onEditNotes: () => void;
}

export function PackageResult({ pkg, notesChanged, busy, onRegenerate, onEditNotes }: Props) {
  const { message } = App.useApp();
  const desktop = isDesktop();
  const label = periodText(pkg.from, pkg.to);

  const report = async (r: Promise<Result<unknown>>) => {
    const out = await r;
    // Long enough to read a sentence naming the file and what to do (a file WPS holds, a full disk).
    if (!out.ok) void message.error({ content: out.error.message, duration: 10 });
  };
  const copy = async () => {
    if (await copyText(pkg.folder)) void message.success('已复制文件夹路径');
    else void message.error('无法复制，请手动选中路径复制');
  };
  const download = (f: PackageFile) =>
    f.dataBase64 && report(saveGeneratedFile({ fileName: f.fileName, dataBase64: f.dataBase64 }));
  const mentionsNotes = pkg.warnings.some((w) => w.includes('本期文字'));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="monthly-result">
      <Alert
        type="success"
        showIcon
        title={`已生成${label}月报，共${pkg.files.length}个文件`}
        description={
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap size={8}>
              <Typography.Text type="secondary">保存位置：</Typography.Text>
              <Typography.Text code data-testid="monthly-folder" style={{ wordBreak: 'break-all' }}>
                {pkg.folder}
              </Typography.Text>
              <Button size="small" icon={<CopyOutlined />} onClick={() => void copy()}>
                复制路径
              </Button>
              {desktop && (
                <Button
                  size="small"
                  icon={<FolderOpenOutlined />}
                  onClick={() => void report(openInSystem(pkg.folder))}
                >
                  打开文件夹
                </Button>
              )}
            </Space>
            {!desktop && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                文件已保存在运行工作台的电脑上；在本浏览器中使用，请点各文件的“下载”。
              </Typography.Text>
            )}
          </Space>
        }
      />
      <Table<PackageFile>
        size="small"
        rowKey="path"
        pagination={false}
        dataSource={pkg.files}
        data-testid="monthly-files"
        columns={[
          {
            title: '文件',
            render: (_, f) => (
              <Space>
                {f.kind === 'report' ? (
                  <FileWordOutlined style={{ color: '#2b579a', fontSize: 18 }} />
                ) : (
                  <FileExcelOutlined style={{ color: '#217346', fontSize: 18 }} />
                )}
                <span data-testid="monthly-file-name">{f.fileName}</span>
              </Space>
            ),
          },
          { title: '类别', width: 130, render: (_, f) => <Tag>{KIND_LABEL[f.kind]}</Tag> },
          {
            title: '大小',
            width: 100,
            align: 'right',
            render: (_, f) => <span data-testid="monthly-file-size">{formatBytes(f.size)}</span>,
          },
          {
            title: '操作',
            width: desktop ? 220 : 110,
            render: (_, f) =>
              desktop ? (
                <Space size={4}>
                  <Button size="small" onClick={() => void report(openInSystem(f.path))}>
                    打开文件
                  </Button>
                  <Button size="small" type="link" onClick={() => void report(showInFolder(f.path))}>
                    在文件夹中显示
                  </Button>
                </Space>
              ) : (
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  disabled={!f.dataBase64}
                  onClick={() => void download(f)}
                  aria-label={`下载${f.fileName}`}
                >
                  下载
                </Button>
              ),
          },
        ]}
      />
      {notesChanged && (
        <Alert
          type="info"
          showIcon
          title="本期文字已在生成后修改，重新生成后报告才会用上新的文字。"
          action={
            <Button size="small" icon={<ReloadOutlined />} loading={busy} onClick={onRegenerate}>
              重新生成
            </Button>
          }
          data-testid="monthly-stale"
        />
      )}
      {pkg.warnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`报送前请检查以下${pkg.warnings.length}项：`}
          data-testid="monthly-warnings"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {pkg.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
          action={
            mentionsNotes ? (
              <Button size="small" onClick={onEditNotes}>
                修改本期文字
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Typography.Text type="secondary" data-testid="monthly-no-warnings">
          没有需要提醒的事项。报送前请在 Word 中通读一遍报告。
        </Typography.Text>
      )}
      {pkg.fonts.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          报告使用字体：{pkg.fonts.join('、')}。如打开后字体不对，请在本机安装这些字体，或在“设置 →
          公文格式”中改用本机已有的字体。
        </Typography.Text>
      )}
    </Space>
  );
}
