// After 确认合并: what was merged, from one 报送包 or from several at once, and the way to the next.
import { Button, Result } from 'antd';
import type { MergeReport } from '../../../../../src-main/shared/contract/exchange';
import { periodText } from '../../../../../src-main/shared/period';
import { doneText, totalsOf, unitCount } from './mergeCounts';
import type { Side } from './mergeCounts';

/** "青山镇纪委、东湖镇纪委等 12 个单位" */
function unitsText(reports: MergeReport[]): string {
  const names = [...new Set(reports.map((r) => r.unit.name))];
  return names.length > 3 ? `${names.slice(0, 3).join('、')}等 ${names.length} 个单位` : names.join('、');
}

export function ReceiveDone({
  reports,
  side,
  onNext,
}: {
  reports: MergeReport[];
  side: Side | undefined;
  onNext: () => void;
}) {
  const [first] = reports;
  const many = reports.length > 1;
  const periods = new Set(reports.map((r) => `${r.from}~${r.to}`));
  return (
    <Result
      status="success"
      title={
        many
          ? `已合并 ${reports.length} 个报送包（${unitCount(reports)} 个单位${periods.size === 1 ? `，${periodText(first.from, first.to)}` : ''}）`
          : `已合并${first.unit.name}的报送包（${first.from} 至 ${first.to}）`
      }
      subTitle={
        many
          ? `${unitsText(reports)}：合计${doneText(totalsOf(reports), side)}`
          : doneText(totalsOf(reports), side)
      }
      extra={
        <Button type="primary" onClick={onNext} autoFocus data-testid="exchange-next">
          {many ? '接收下一批报送包' : '接收下一个报送包'}
        </Button>
      }
      data-testid="exchange-done"
    />
  );
}
