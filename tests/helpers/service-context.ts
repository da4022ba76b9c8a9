// A ServiceContext over a real store, for tests that build one service by hand (the router and accounts left
// out): every record read and written through the store, audit events gathered in a list, a fixed clock.
import { silentLogger } from '../../src-main/app/logger';
import { ledgerCollection } from '../../src-main/services/ledger-service';
import type { AccessPolicy, AuditEvent, ServiceContext } from '../../src-main/services/service-context';
import { LEDGER_KEYS } from '../../src-main/shared/ledgers/types';
import type { LedgerKey, LedgerRecord } from '../../src-main/shared/ledgers/types';
import type { Settings } from '../../src-main/shared/settings';
import type { Store } from '../../src-main/store/store';

export const OPEN_POLICY: AccessPolicy = {
  canRead: () => true,
  canWrite: () => true,
  canSeeConfidentialFields: () => true,
};

export function storeServiceContext(
  store: Store,
  opts: { policy?: AccessPolicy; audits?: AuditEvent[] } = {},
): ServiceContext {
  const live = (l: LedgerKey) => store.get<LedgerRecord[]>(ledgerCollection(l)).filter((r) => !r.deletedAt);
  return {
    store,
    repo: {
      all: (l) => store.get<LedgerRecord[]>(ledgerCollection(l)),
      write: async (l, fn) => void (await store.update<LedgerRecord[]>(ledgerCollection(l), fn)),
    },
    logger: silentLogger,
    policy: opts.policy ?? OPEN_POLICY,
    audit: { record: async (e) => void opts.audits?.push(e) },
    now: () => new Date('2026-04-20T10:00:00+08:00'),
    today: () => '2026-04-20',
    settings: () => store.get<Settings>('settings'),
    records: (l) => live(l),
    allLiveRecords: () =>
      Object.fromEntries(LEDGER_KEYS.map((k) => [k, live(k)])) as Record<LedgerKey, LedgerRecord[]>,
  };
}
