// What an import keeps of its rows while the sheet streams: every row counted, only the rows the preview shows
// held (flagged rows first, as the preview channel sends them), and for a commit each record handed on as its row
// is read. Holding a preview object for each of 100,000 rows was a third of the import's peak memory; holding the
// records to hand them on afterwards put two copies of them in memory at once.
import type { ImportCellError, ImportRowPreview } from '../shared/contract/excel';

/** Where a commit's records go as the sheet streams (the ledger service's import batch). */
export interface RecordSink {
  create(record: Record<string, unknown>): void;
  update(id: string, record: Record<string, unknown>): void;
  /** Forgets what it received, so the file can be read again from the start; absent when it cannot. */
  reset?(): void;
}

export class ImportTally {
  total = 0;
  create = 0;
  update = 0;
  skip = 0;
  duplicates = 0;
  errorRows = 0;
  errorCount = 0;
  /** The first error of the file (by row, then column), whatever rows are held. */
  firstError: ImportCellError | undefined;
  /** Receives the commit's records in file order, until the first row with an error (nothing will be written). */
  private sink: RecordSink | null;
  /** Rows with an error or a duplicate, the first `keep` of them. */
  private readonly flagged: ImportRowPreview[] = [];
  /** Clean rows, the first `keep` of them. */
  private readonly clean: ImportRowPreview[] = [];

  /**
   * @param keep rows held for the preview (Infinity: all of them)
   * @param sink where a commit's records go; null for a preview
   */
  constructor(
    private readonly keep: number,
    sink: RecordSink | null = null,
  ) {
    this.sink = sink;
  }

  /** Stored records a row of the file matched (updated, or skipped as a duplicate). */
  readonly matched = new Set<string>();

  add(r: ImportRowPreview): void {
    this.total++;
    if (r.existingId) this.matched.add(r.existingId);
    // 新增 and 更新 count the rows that will be written: a row with an error writes nothing.
    if (!r.errors.length || r.action === 'skip') this[r.action]++;
    if (r.duplicate) this.duplicates++;
    if (r.errors.length) {
      this.errorRows++;
      this.errorCount += r.errors.length;
      this.firstError ??= r.errors[0];
      this.sink = null;
    }
    if (r.errors.length || r.duplicate) {
      if (this.flagged.length < this.keep) this.flagged.push(r);
    } else if (this.clean.length < this.keep) this.clean.push(r);
    if (this.sink && r.record) {
      if (r.action === 'create') this.sink.create(r.record);
      else if (r.action === 'update') this.sink.update(r.existingId!, r.record);
    }
  }

  /** Row objects held for the preview (at most twice `keep`). */
  get held(): number {
    return this.flagged.length + this.clean.length;
  }

  /**
   * The rows the preview shows, in file order: all of them when they fit in `keep`; otherwise the first `keep`
   * flagged rows (what the user must see), then the first clean rows up to `keep` in all.
   */
  rows(): { rows: ImportRowPreview[]; truncated: boolean } {
    const flagged = this.flagged;
    const clean = this.clean.slice(0, Math.max(0, this.keep - flagged.length));
    const rows: ImportRowPreview[] = [];
    let i = 0;
    let j = 0;
    while (i < flagged.length || j < clean.length) {
      if (j >= clean.length || (i < flagged.length && flagged[i].rowNumber < clean[j].rowNumber))
        rows.push(flagged[i++]);
      else rows.push(clean[j++]);
    }
    return { rows, truncated: this.total > this.keep };
  }
}
