// What the import check found for the file as a whole: counts, missing required columns, ignored columns, warnings.
import { Alert, Descriptions, Space } from 'antd';
import type { ImportPreview } from '../../../../src-main/shared/contract';

export function ImportSummaryView({ preview }: { preview: ImportPreview }) {
  const s = preview.summary;
  return (
    <Space
      orientation="vertical"
      size={8}
      style={{ width: '100%', marginBottom: 12 }}
      data-testid="import-summary"
    >
      <Descriptions
        size="small"
        column={4}
        items={[
          { key: 'sheet', label: '工作表', children: `${s.sheetName}（表头在第 ${s.headerRow} 行）` },
          { key: 'total', label: '数据行', children: s.total },
          { key: 'create', label: '将新增', children: s.create },
          { key: 'update', label: '将更新', children: s.update },
          { key: 'skip', label: '将跳过', children: s.skip },
          { key: 'dup', label: '重复', children: s.duplicates },
          { key: 'errRows', label: '有问题的行', children: s.errorRows },
          { key: 'errCount', label: '问题数', children: s.errorCount },
          ...(s.remove !== undefined
            ? [{ key: 'remove', label: '将删除（移入回收站）', children: s.remove }]
            : []),
        ]}
      />
      {s.remove !== undefined && (
        <Alert
          type={s.remove ? 'warning' : 'info'}
          showIcon
          data-testid="import-replaces"
          title={
            s.remove
              ? `这是该单位本期的更正报送，将替换上次报送的记录：以下 ${s.remove} 条本期记录不在新文件中，导入时移入回收站（可从回收站恢复）。`
              : '这是该单位本期的更正报送，将替换上次报送的记录：上次的记录都在新文件中，没有要删除的记录。'
          }
          description={
            preview.removed?.length
              ? preview.removed.map((r) => `${r.date} ${r.title}`).join('；') +
                (s.remove > preview.removed.length ? ` 等 ${s.remove} 条` : '')
              : undefined
          }
        />
      )}
      {preview.missingRequired.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`文件缺少必填列：${preview.missingRequired.join('、')}。请按导入模板补上这些列。`}
        />
      )}
      {preview.unknownColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`以下列不是本台账的字段，将被忽略：${preview.unknownColumns.map((c) => `${c.column}列“${c.header}”`).join('、')}`}
        />
      )}
      {preview.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} />
      ))}
      {preview.rowsTruncated && (
        <Alert type="info" showIcon title="文件较大，下表只列出部分行；统计数字按全部行计算。" />
      )}
    </Space>
  );
}
