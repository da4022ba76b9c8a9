// Where the office chooses 报送包: one, or a month's from many units at once (picked together or dragged in
// together). Says what was chosen; choosing again replaces the whole choice.
import { InboxOutlined } from '@ant-design/icons';
import { Typography, Upload } from 'antd';
import type { ChosenFile } from './packageFile';

/** File names listed in the drop zone; the rest are counted (each package's own panel names its file). */
const LISTED = 6;

interface Props {
  files: ChosenFile[];
  disabled: boolean;
  /** The files of one pick or one drop, together. */
  onChoose: (files: File[]) => void;
}

export function PackageDropZone({ files, disabled, onChoose }: Props) {
  const many = files.length > 1;
  return (
    <div data-testid="exchange-receive-upload">
      <Upload.Dragger
        accept=".json"
        multiple
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(f, batch) => {
          // Called for each file of the batch: the whole batch is taken once, at its first file.
          if (f === batch[0]) onChoose(batch);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text" data-testid="exchange-chosen">
          {files.length === 1 && `已选择：${files[0].fileName}（点击或拖入可更换）`}
          {many && `已选择 ${files.length} 个报送包（点击或拖入可更换）`}
          {!files.length && '点击或把下级单位的报送包（.json）拖到这里，可一次选择多个'}
        </p>
        {many && (
          <Typography.Paragraph
            type="secondary"
            style={{ margin: '0 24px 8px', wordBreak: 'break-all' }}
            data-testid="exchange-chosen-files"
          >
            {files
              .slice(0, LISTED)
              .map((f) => f.fileName)
              .join('、')}
            {files.length > LISTED && ` 等 ${files.length} 个文件`}
          </Typography.Paragraph>
        )}
        <p className="ant-upload-hint">
          先检查、列出将要新增和更新的记录，确认后才合并到本机台账。一个月各单位的报送包可以一起选择，一起合并。
        </p>
      </Upload.Dragger>
    </div>
  );
}
