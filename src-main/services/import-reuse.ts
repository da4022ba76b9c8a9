// The records a preview read, held for the commit that follows it. A clerk previews a file, looks, and commits the
// same file: reading and checking it twice was half of an import's time. The commit takes them only when nothing
// they were checked against has changed: the same bytes, ledger, duplicate option and caller, and the very settings
// object and ledger array the preview saw (the store replaces both on any write). Small files only (their records
// stay in memory meanwhile), the newest preview only, for ten minutes. Anything else reads the file again.
import { createHash } from 'node:crypto';
import type { RecordSink } from '../excel/import-tally';

/** Files with more rows than this are read again at the commit: holding 100,000 records would double the peak. */
export const REUSE_MAX_ROWS = 20_000;
/**
 * Files larger than this are not even collected from (20,000 rows of a ledger are about 1.3 MB of .xlsx): a big
 * file's preview then holds no records at all, and its peak memory is the preview's alone.
 */
export const REUSE_MAX_BYTES = 4 * 1024 * 1024;
const REUSE_MS = 10 * 60_000;

/** What a preview handed on, in file order; `overflow` once more than REUSE_MAX_ROWS came. */
export class HeldRecords implements RecordSink {
  readonly creates: Record<string, unknown>[] = [];
  readonly updates: { id: string; record: Record<string, unknown> }[] = [];
  overflow = false;

  create(record: Record<string, unknown>): void {
    if (this.full()) return;
    this.creates.push(record);
  }

  update(id: string, record: Record<string, unknown>): void {
    if (this.full()) return;
    this.updates.push({ id, record });
  }

  reset(): void {
    this.creates.length = 0;
    this.updates.length = 0;
    this.overflow = false;
  }

  private full(): boolean {
    if (this.creates.length + this.updates.length < REUSE_MAX_ROWS) return false;
    this.overflow = true;
    this.creates.length = 0;
    this.updates.length = 0;
    return true;
  }
}

/** What the commit must see unchanged to take a preview's records. */
export interface ReuseKey {
  file: Uint8Array;
  ledger: string;
  onDuplicate: string;
  /** Who asked: a preview is never someone else's commit. */
  caller: string;
  settings: object;
  records: readonly unknown[];
}

interface Held {
  id: string;
  settings: object;
  records: readonly unknown[];
  at: number;
  held: HeldRecords;
  skipped: number;
}

const idOf = (k: ReuseKey) =>
  createHash('sha256')
    .update(`${k.ledger}\u0000${k.onDuplicate}\u0000${k.caller}\u0000`)
    .update(k.file)
    .digest('hex');

export function createImportReuse(now: () => number = Date.now) {
  let last: Held | null = null;
  return {
    /** Holds what a committable preview read (its records complete), replacing any earlier one. */
    hold(key: ReuseKey, held: HeldRecords, skipped: number): void {
      last = held.overflow
        ? null
        : { id: idOf(key), settings: key.settings, records: key.records, at: now(), held, skipped };
    },
    /** The held records when `key` matches them in every respect; they are given out once. */
    take(key: ReuseKey): { held: HeldRecords; skipped: number } | null {
      const h = last;
      last = null;
      if (!h || now() - h.at > REUSE_MS) return null;
      if (h.settings !== key.settings || h.records !== key.records || h.id !== idOf(key)) return null;
      return { held: h.held, skipped: h.skipped };
    },
  };
}
