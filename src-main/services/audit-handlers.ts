// Handlers of the 操作日志 channels: search with paging for the log screen, and the hash-chain check.
import type { AuditTrail } from '../audit/audit-trail';
import type { auditContract, FragmentHandlers } from '../shared/contract/auth';

/** Typed as HandlersFor<keyof typeof auditContract> once auditContract is merged into the one contract. */
export function createAuditHandlers(deps: { trail: AuditTrail }): FragmentHandlers<typeof auditContract> {
  return {
    'audit:list': async (q) => deps.trail.list(q),
    'audit:verify': async () => deps.trail.verify(),
  };
}
