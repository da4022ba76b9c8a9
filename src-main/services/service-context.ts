// What every service receives from the composition root: the store, the clock, the logger, the access policy,
// the audit sink and read access to settings and live records. Services never import electron, so they run
// and are tested in plain Node.
import type { CallContext } from '../shared/context';
import type { AuditAction } from '../shared/contract/auth';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import type { Logger, Store } from '../store';

/** Ledger-level access rules; the router has already checked channel-level access. */
export interface AccessPolicy {
  canRead(ledger: LedgerKey, ctx: CallContext): boolean;
  /** `group` is the owning working group of the record being written. */
  canWrite(ledger: LedgerKey, group: string, ctx: CallContext): boolean;
  /** May this caller export the confidential fields (e.g. 反映人) of a confidential ledger? */
  canSeeConfidentialFields(ledger: LedgerKey, ctx: CallContext): boolean;
}

export interface AuditEvent {
  /** One of AUDIT_ACTIONS (Chinese, as the log screen filters by it). */
  action: AuditAction;
  /** What it concerns: a ledger key, 'settings', 'account', 'export'… */
  target: string;
  recordId?: string;
  before?: unknown;
  after?: unknown;
  detail?: string;
}

export interface AuditSink {
  record(event: AuditEvent, ctx: CallContext): Promise<void>;
}

/**
 * Where ledger records live. The plain implementation reads and writes store collections; the confidential
 * one (clues) decrypts and encrypts, and refuses while locked.
 */
export interface RecordRepository {
  /** Every record of the ledger, recycled ones included. */
  all(ledger: LedgerKey): LedgerRecord[];
  /** Serialized, validated-before, durable-after write of the ledger's whole record list. */
  write(ledger: LedgerKey, fn: (records: LedgerRecord[]) => LedgerRecord[]): Promise<void>;
}

export interface ServiceContext {
  store: Store;
  repo: RecordRepository;
  logger: Logger;
  policy: AccessPolicy;
  audit: AuditSink;
  /** The office's clock; tests pass a fixed one. */
  now(): Date;
  /** Today's local date, YYYY-MM-DD. */
  today(): string;
  settings(): Settings;
  /** Live (not recycled) records of a ledger that this caller may read; throws forbidden otherwise. */
  records(ledger: LedgerKey, ctx: CallContext): LedgerRecord[];
  /** Every ledger's live records for statistics (confidential ones included: indicators only count them). */
  allLiveRecords(): Record<LedgerKey, LedgerRecord[]>;
}
