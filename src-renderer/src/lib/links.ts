// Hash links one screen uses to send the person to a spot on another (kept here so the eager dashboard does not
// pull a lazily loaded screen's module in just for a string).

/** 导出 → 工作情况报告 with the 「生成月报」 button focused: the dashboard's 生成月报. */
export const MONTHLY_FOCUS_HASH = '/export/report?focus=monthly';
