// Display formatting shared by tables, cards and exports previews: numbers, percents, lists, timestamps.
import type { IndicatorRaw } from '../../../src-main/shared/indicators';

/** Thousands separators in a string of digits. */
const GROUPS = /\B(?=(\d{3})+$)/g;

/**
 * 1,234 and 3.5 (at most two decimals) as the office reads them: what Intl.NumberFormat('zh-CN') writes, without
 * Intl. The first Chinese formatter loads the locale's ICU data, about 20 ms that the dashboard's first frame
 * waited for (toLocaleString even built a formatter per call).
 */
export function formatNumber(n: number): string {
  const abs = Math.abs(n);
  if (!Number.isFinite(n) || abs >= 1e21) return String(n);
  // Like ICU: the shortest decimal that reads back as the number, rounded half away from zero at two decimals.
  const text = abs < 1e-6 ? '0' : String(abs);
  const [whole, fraction = ''] = text.split('.');
  let cents = BigInt(whole + fraction.slice(0, 2).padEnd(2, '0'));
  if (fraction.charCodeAt(2) >= 0x35) cents += 1n; // '5' or more
  if (cents === 0n) return '0';
  const digits = cents.toString().padStart(3, '0');
  const decimals = digits.slice(-2).replace(/0+$/, '');
  const grouped = digits.slice(0, -2).replace(GROUPS, ',');
  return `${n < 0 ? '-' : ''}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/** An indicator value as shown on a card: lists joined with 、, percents with %. */
export function formatIndicator(v: IndicatorRaw | undefined, unit: string): string {
  if (v === undefined || v === null) return '—';
  if (Array.isArray(v)) return v.length ? v.join('、') : '（无）';
  if (typeof v === 'number') return unit === '%' ? `${formatNumber(v)}%` : formatNumber(v);
  return v || '—';
}

/** ISO timestamp → "2026-04-15 10:03" in local time. */
export function formatStamp(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "4月15日 10:00" — the short form used in notices. */
export function shortStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getMonth() + 1}月${d.getDate()}日 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** File sizes as Windows Explorer shows them: "812 字节", "23.4 KB", "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}
