// The line above the table: what the task covers and by when, then how many units have 已报 / 未报 / 逾期 — a count
// is coloured only when it is not zero, so the eye goes to what needs chasing.
import { Space, Typography } from 'antd';
import { Fragment } from 'react';
import type { ReturnStatus } from '../../../../src-main/shared/contract/returns';
import { LEDGERS } from '../../../../src-main/shared/ledgers';
import { periodText } from '../../../../src-main/shared/period';
import { dueText, STATE_LABEL, STATE_ORDER, STATE_TEXT } from './returnStates';

export function StatusSummary({ status }: { status: ReturnStatus }) {
  const { task, counts, today } = status;
  const late = today > task.due && counts.reported < status.units.length;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space size={16} wrap data-testid="returns-task-info">
        <Typography.Text type="secondary">
          期间：{periodText(task.from, task.to)}（{task.from} 至 {task.to}）
        </Typography.Text>
        <Typography.Text type="secondary">
          台账：{task.ledgers.map((k) => LEDGERS[k]?.label ?? k).join('、')}
        </Typography.Text>
        <Typography.Text type={late ? 'danger' : 'secondary'}>{dueText(task.due, today)}</Typography.Text>
      </Space>
      <Typography.Text style={{ fontSize: 16 }} data-testid="returns-counts">
        共 {status.units.length} 个单位：
        {STATE_ORDER.map((s, i) => (
          <Fragment key={s}>
            {i > 0 && <Typography.Text type="secondary"> / </Typography.Text>}
            <span
              data-testid={`returns-count-${s}`}
              style={{
                color: counts[s] ? STATE_TEXT[s] : 'rgba(0,0,0,.45)',
                fontWeight: counts[s] ? 600 : 400,
              }}
            >
              {STATE_LABEL[s]} {counts[s]}
            </span>
          </Fragment>
        ))}
      </Typography.Text>
    </Space>
  );
}
