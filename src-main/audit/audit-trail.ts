// The AuditSink services write to, and the search the log screen and its Excel export read: who did what, when,
// through which door, with confidential values masked before they ever reach the file.
import type { AuditEvent, AuditSink } from '../services/service-context';
import type { CallContext } from '../shared/context';
import { actorName } from '../shared/context';
import type { AuditQuery, AuditRow, AuditVerifyResult } from '../shared/contract/auth';
import { localDate } from '../shared/dates';
import { LEDGERS } from '../shared/ledgers';
import { AppFailure } from '../shared/result';
import type { Logger } from '../store';
import { AuditLog } from './audit-log';
import type { SealMode, SealOutcome } from './audit-log';
import type { AuditLine } from './chain';
import { maskChange } from './mask';

const TARGET_LABELS: Record<string, string> = {
  settings: '设置',
  account: '账户',
  session: '登录',
  store: '数据存储',
  export: '导出',
  audit: '操作日志',
  vault: '线索密钥',
  word: 'Word文档',
  excel: 'Excel表格',
  package: '月报',
  'report-notes': '报告文字',
};

export function targetLabel(target: string): string {
  return Object.prototype.hasOwnProperty.call(LEDGERS, target)
    ? LEDGERS[target as keyof typeof LEDGERS].label
    : (TARGET_LABELS[target] ?? target);
}

export type AuditFilter = Omit<AuditQuery, 'page' | 'pageSize'>;

export interface AuditTrail {
  sink: AuditSink;
  /** Like sink.record, under an explicit user label (a failed sign-in names the attempted account). */
  recordAs(user: string, ctx: CallContext, event: AuditEvent): Promise<void>;
  /** Every matching row, newest first: for the Excel export. */
  rows(filter: AuditFilter): Promise<AuditRow[]>;
  list(q: AuditQuery): Promise<{ rows: AuditRow[]; total: number; page: number; pageSize: number }>;
  /** The chain, and with the audit key in memory its tags and head.json's seal mark. */
  verify(): Promise<AuditVerifyResult>;
  /** Seals the lines written while the audit key was not in memory (see AuditLog.seal). */
  seal(mode?: SealMode): Promise<SealOutcome>;
  close(): Promise<void>;
  /** The file, for tests and the lead's tooling. */
  readonly file: string;
}

function toRow(l: AuditLine): AuditRow {
  const row: AuditRow = {
    seq: l.seq,
    at: l.at,
    user: l.user,
    door: l.door,
    action: l.action,
    target: l.target,
    targetLabel: targetLabel(l.target),
  };
  if (l.recordId !== undefined) row.recordId = l.recordId;
  if (l.detail !== undefined) row.detail = l.detail;
  if (l.before !== undefined) row.before = l.before;
  if (l.after !== undefined) row.after = l.after;
  return row;
}

function matches(l: AuditLine, f: AuditFilter): boolean {
  if (f.from || f.to) {
    const day = localDate(new Date(l.at));
    if ((f.from && day < f.from) || (f.to && day > f.to)) return false;
  }
  if (f.user && !String(l.user).toLowerCase().includes(f.user.toLowerCase())) return false;
  if (f.action && l.action !== f.action) return false;
  if (f.text) {
    const hay = [
      l.action,
      l.target,
      targetLabel(l.target),
      l.recordId,
      l.detail,
      JSON.stringify(l.before ?? ''),
      JSON.stringify(l.after ?? ''),
    ]
      .join('\u0000')
      .toLowerCase();
    if (!hay.includes(f.text.toLowerCase())) return false;
  }
  return true;
}

export function createAuditTrail(opts: {
  dataDir: string;
  now: () => Date;
  logger: Logger;
  /** The audit key while it is in memory (an administrator signed in since the process started), else null. */
  key?: () => Buffer | null;
  /** True once the key has been in use for this log (accounts exist): head.json must then carry a seal mark. */
  keyed?: () => boolean;
  /** Throws when the data directory's lock is no longer ours (see AuditLogOptions.assertOwner). */
  assertOwner?: () => Promise<void>;
}): AuditTrail {
  const log = new AuditLog(opts.dataDir, { key: opts.key, now: opts.now, assertOwner: opts.assertOwner });

  async function recordAs(user: string, ctx: CallContext, event: AuditEvent): Promise<void> {
    const masked = maskChange(event.target, event.before, event.after);
    const detail =
      event.detail ?? (masked.changed?.length ? `修改：${masked.changed.join('、')}` : undefined);
    try {
      await log.append({
        at: opts.now().toISOString(),
        user,
        door: ctx.door,
        action: event.action,
        target: event.target,
        recordId: event.recordId,
        before: masked.before,
        after: masked.after,
        detail,
      });
    } catch (err) {
      // Only the action: the event may carry record content, and the logger must never see clue data.
      opts.logger.error('操作日志写入失败', {
        action: event.action,
        target: event.target,
        error: String(err),
      });
      throw new AppFailure(
        'internal',
        '操作已完成，但操作日志未能写入（磁盘已满或没有写入权限？），请联系技术人员',
      );
    }
  }

  const sink: AuditSink = {
    record: (event, ctx) => recordAs(ctx.user ? ctx.user.username : actorName(ctx), ctx, event),
  };

  async function rows(filter: AuditFilter): Promise<AuditRow[]> {
    const lines = await log.lines();
    const out: AuditRow[] = [];
    for (let i = lines.length - 1; i >= 0; i--) if (matches(lines[i], filter)) out.push(toRow(lines[i]));
    return out;
  }

  return {
    sink,
    recordAs,
    rows,
    async list(q) {
      const { page, pageSize, ...filter } = q;
      const all = await rows(filter);
      return { rows: all.slice((page - 1) * pageSize, page * pageSize), total: all.length, page, pageSize };
    },
    verify: () => log.verify({ anchorRequired: opts.keyed?.() ?? false }),
    seal: (mode) => log.seal(mode),
    close: () => log.close(),
    file: log.file,
  };
}
