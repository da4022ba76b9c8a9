// The 操作日志 file: <dataDir>/audit/audit.log, one hash-chained JSON line per event, appended and fsynced one by
// one; head.json remembers the last line written so that lines deleted from the end are noticed too.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurable } from '../store/durable-write';
import type { AuditVerifyResult } from '../shared/contract/auth';
import type { AuditLine, Head } from './chain';
import { GENESIS, lineHash, verifyLines } from './chain';

export type AuditEntry = Omit<AuditLine, 'seq' | 'prevHash' | 'hash'>;

const TAIL_BYTES = 256 * 1024;

function code(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

async function readOrNull(file: string): Promise<string | null> {
  try {
    return await fsp.readFile(file, 'utf8');
  } catch (err) {
    if (code(err) === 'ENOENT') return null;
    throw err;
  }
}

export class AuditLog {
  readonly file: string;
  readonly headFile: string;
  private head: Head | null = null;
  /** The file ends without a newline (a crash mid-line): the next append starts a fresh line. */
  private openLine = false;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    const dir = path.join(dataDir, 'audit');
    this.file = path.join(dir, 'audit.log');
    this.headFile = path.join(dir, 'head.json');
  }

  /** Appends one event; resolves once it is on disk. Appends are serialized so the chain never forks. */
  append(entry: AuditEntry): Promise<AuditLine> {
    const run = this.queue.then(() => this.write(entry));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(entry: AuditEntry): Promise<AuditLine> {
    const head = await this.loadHead();
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    const body: Omit<AuditLine, 'hash'> = { seq: head.seq + 1, ...dropUndefined(entry), prevHash: head.hash };
    const line: AuditLine = { ...body, hash: lineHash(body) };
    // Opened per line: a file replaced or moved by someone else is never written through a stale handle.
    const handle = await fsp.open(this.file, 'a');
    try {
      await handle.write(`${this.openLine ? '\n' : ''}${JSON.stringify(line)}\n`);
      await handle.sync();
    } catch (err) {
      this.head = null; // the line may be partly on disk: the next append re-reads the tail instead of guessing
      throw err;
    } finally {
      await handle.close();
    }
    this.openLine = false;
    this.head = { seq: line.seq, hash: line.hash };
    await writeFileDurable(this.headFile, JSON.stringify(this.head));
    return line;
  }

  /** The chain's last link: the later of the file's last line and head.json (lines deleted at the end keep their gap). */
  private async loadHead(): Promise<Head> {
    if (this.head) return this.head;
    let fromFile: Head | null = null;
    try {
      const h = await fsp.open(this.file, 'r');
      try {
        const { size } = await h.stat();
        const start = Math.max(0, size - TAIL_BYTES);
        const buf = Buffer.alloc(size - start);
        await h.read(buf, 0, buf.length, start);
        const text = buf.toString('utf8');
        this.openLine = text.length > 0 && !text.endsWith('\n');
        for (const t of text.split('\n').reverse()) {
          try {
            const v = JSON.parse(t) as Partial<AuditLine>;
            if (Number.isInteger(v.seq) && typeof v.hash === 'string') {
              fromFile = { seq: v.seq!, hash: v.hash };
              break;
            }
          } catch {
            // an incomplete or damaged line: the one before it is the last usable link
          }
        }
      } finally {
        await h.close();
      }
    } catch (err) {
      if (code(err) !== 'ENOENT') throw err;
    }
    const saved = await this.readHeadFile();
    const best = [fromFile, saved].filter((x): x is Head => !!x).sort((a, b) => b.seq - a.seq)[0];
    this.head = best ?? { seq: 0, hash: GENESIS };
    return this.head;
  }

  private async readHeadFile(): Promise<Head | null> {
    try {
      const v = JSON.parse((await readOrNull(this.headFile)) ?? 'null') as Partial<Head> | null;
      return v && Number.isInteger(v.seq) && typeof v.hash === 'string'
        ? { seq: v.seq!, hash: v.hash }
        : null;
    } catch {
      return null;
    }
  }

  /** Every line as written (unparseable lines are skipped: verify() reports them). */
  async lines(): Promise<AuditLine[]> {
    await this.queue;
    const text = (await readOrNull(this.file)) ?? '';
    const out: AuditLine[] = [];
    for (const t of text.split('\n')) {
      if (!t) continue;
      try {
        out.push(JSON.parse(t) as AuditLine);
      } catch {
        // reported by verify()
      }
    }
    return out;
  }

  /** Re-reads the whole file from disk and checks the chain against the newest head known (memory or head.json). */
  async verify(): Promise<AuditVerifyResult> {
    await this.queue;
    const text = await readOrNull(this.file);
    const saved = await this.readHeadFile();
    const head = [this.head, saved].filter((x): x is Head => !!x).sort((a, b) => b.seq - a.seq)[0] ?? null;
    if (text === null) {
      const problems = head && head.seq > 0 ? [`操作日志文件已被删除（原有${head.seq}条记录）`] : [];
      return { ok: problems.length === 0, lines: 0, problems };
    }
    const { lines, problems } = verifyLines(text, head);
    return { ok: problems.length === 0, lines, problems };
  }

  async close(): Promise<void> {
    await this.queue;
  }
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
