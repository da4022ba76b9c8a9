// Date formats for users (Chinese, local time) and for file names (sortable, no characters Windows forbids).

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "2026年11月25日 09:22:31", local time: what the user sees in notices and error messages. */
export function formatForUser(date: Date | string): string {
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return String(date);
  return (
    `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

/** "20261125-092231-123", local time, for backup and quarantine file names. */
export function fileStamp(date: Date): string {
  return `${localDay(date)}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}-${pad(date.getMilliseconds(), 3)}`;
}

/** "20261125", the local calendar day: "one automatic backup per day" means the user's day, not UTC's. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}
