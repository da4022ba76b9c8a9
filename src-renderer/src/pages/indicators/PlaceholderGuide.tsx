// A short guide to the placeholder syntax shared by Word and Excel templates (see shared/placeholders.ts).
import { Card, Typography } from 'antd';

const rows: [string, string][] = [
  ['{{指标名}}', '本期数值（所选时间段内）'],
  ['{{指标名|累计}}', '累计数值：教育整顿开始至本期末（截至X月X日）'],
  ['{{指标名|上期}}', '与本期等长的上一个时间段'],
  ['{{单位.指标名}}', '写在表格的一行里：该行按单位逐一重复；{{单位.单位名称}} 填单位名称'],
];

export function PlaceholderGuide() {
  return (
    <Card size="small" title="占位符写法" data-testid="placeholder-guide">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        在 Word 报告模板或 Excel 统计表模板中，把需要填数的地方写成占位符，导出时自动换成统计结果：
      </Typography.Paragraph>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          {rows.map(([code, meaning]) => (
            <tr key={code} style={{ borderTop: '1px solid #f0f0f0' }}>
              <td style={{ padding: '4px 12px 4px 0', whiteSpace: 'nowrap' }}>
                <Typography.Text code>{code}</Typography.Text>
              </td>
              <td style={{ padding: 4 }}>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        列表类指标用“、”连接；数字按中文报告习惯书写。例如：“领导班子重点学习了{'{{领导班子学习内容}}'}
        等内容”。名称写错时，导出前会提示最接近的指标名。
      </Typography.Paragraph>
    </Card>
  );
}
