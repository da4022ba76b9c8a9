// Handlers of the 操作日志 channels: search with paging for the log screen, and the hash-chain check.
import type { AuditTrail } from '../audit/audit-trail';
import type { auditContract, FragmentHandlers } from '../shared/contract/auth';

/** Typed as HandlersFor<keyof typeof auditContract> once auditContract is merged into the one contract. */
export function createAuditHandlers(deps: { trail: AuditTrail }): FragmentHandlers<typeof auditContract> {
  return {
    'audit:list': async (q) => deps.trail.list(q),
    'audit:verify': async () => deps.trail.verify(),
    'audit:export': async (filter, ctx) => {
      const rows = await deps.trail.rows(filter);
      const parts = [
        filter.from || filter.to ? `${filter.from ?? '开始'}至${filter.to ?? '今'}` : '全部日期',
        filter.user ? `用户“${filter.user}”` : '',
        filter.action ? `操作“${filter.action}”` : '',
        filter.text ? `含“${filter.text}”` : '',
      ].filter(Boolean);
      // exceljs loads here, on the first export, not with the app (see app/lazy-handlers.ts).
      const { buildAuditWorkbook } = await import('../excel/audit-export');
      const buf = await buildAuditWorkbook(rows, { title: '操作日志', filter: parts.join('，') });
      await deps.trail.sink.record(
        { action: '导出', target: 'audit', detail: `操作日志 ${rows.length} 条` },
        ctx,
      );
      return { fileName: `操作日志（${parts[0]}）.xlsx`, dataBase64: buf.toString('base64') };
    },
  };
}
