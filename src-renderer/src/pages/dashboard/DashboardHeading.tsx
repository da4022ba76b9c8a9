// The dashboard's heading row: 工作概览 and the date its 累计 runs to, the page's tools at the end (the period
// picker and buttons, which the first frame, drawn before antd loads, leaves out).
import type { ReactNode } from 'react';
import { chineseMonthDay } from '../../../../src-main/shared/dates';

export function DashboardHeading({ to, tools }: { to: string; tools?: ReactNode }) {
  return (
    <div className="cd-heading">
      <div className="cd-heading-title">
        <h4>工作概览</h4>
        <span className="cd-secondary">累计数截至{chineseMonthDay(to)}</span>
      </div>
      {tools}
    </div>
  );
}
