// The 操作日志 file: <dataDir>/audit/audit.log, one hash-chained JSON line per event, appended and fsynced one by
// one; head.json remembers the last line written so that lines deleted from the end are noticed too. While the audit
// key is in memory (an administrator signed in since the process started) each line also carries a keyed tag, the
// first such line is preceded by a seal line holding the tags of the lines written without it, and head.json's seal
// mark says up to where every line is tagged.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurable } from '../store/durable-write';
import type { AuditVerifyResult } from '../shared/contract/auth';
import type { AuditLine, Head } from './chain';
import { GENESIS, headMac, lineHash, lineMac, sealableLines, verifyKeyed, verifyLines } from './chain';

export type AuditEntry = Omit<AuditLine, 'seq' | 'prevHash' | 'hash' | 'mac'>;

export interface AuditLogOptions {
  /**
   * A copy of the audit key while it is in memory, else null (lines are then only chained, and sealed later). The
   * log wipes each copy when done with it: the owner may lock (and zero) its own meanwhile.
   */
  key?: () => Buffer | null;
  now?: () => Date;
  /**
   * Throws when the data directory is no longer this program's (its lock deleted or taken over): checked before each
   * line, so two programs never append to one chain and fork it.
   */
  assertOwner?: () => Promise<void>;
}

/** Tags per seal line: keeps a seal line short enough to read back as the file's last line. */
const SEALS_PER_LINE = 500;

export type SealMode = 'strict' | 'scratch' | 'reanchor';
export interface SealOutcome {
  sealed: number;
  /** Chinese: why nothing was sealed (the seal mark is missing or false). */
  problem?: string;
}

/** The one line with this sequence number in `text`, if it parses. */
function lineAt(text: string, seq: number): AuditLine | undefined {
  const found: AuditLine[] = [];
  for (const t of text.split('\n')) {
    if (!t.includes(`"seq":${seq},`)) continue;
    try {
      const v = JSON.parse(t) as AuditLine;
      if (v.seq === seq) found.push(v);
    } catch {
      // damaged: not the line
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Sequence number of the first line of `text` that parses (Infinity if none does). */
function firstSeq(text: string): number {
  for (const t of text.split('\n')) {
    try {
      const v = JSON.parse(t) as Partial<AuditLine>;
      if (Number.isInteger(v.seq)) return v.seq!;
    } catch {
      // a damaged line: the next one
    }
  }
  return Infinity;
}

/** Sequence number of the last line whose own keyed tag checks out (0 if none). */
function lastTagged(text: string, key: Buffer): number {
  const ts = text.split('\n');
  for (let i = ts.length - 1; i >= 0; i--) {
    if (!ts[i].includes('"mac":')) continue;
    try {
      const v = JSON.parse(ts[i]) as AuditLine;
      if (typeof v.mac === 'string' && v.mac === lineMac(key, v)) return v.seq;
    } catch {
      // damaged: keep looking
    }
  }
  return 0;
}

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
  /** The seal mark was looked at with the key by this process (a false one is not retried on every line). */
  private checked = false;
  /** Every line up to this sequence number is known to carry a valid tag; null: not known (no mark moves). */
  private base: number | null = null;

  private readonly key: () => Buffer | null;
  private readonly now: () => Date;
  private readonly assertOwner: () => Promise<void>;

  constructor(dataDir: string, opts: AuditLogOptions = {}) {
    const dir = path.join(dataDir, 'audit');
    this.file = path.join(dir, 'audit.log');
    this.headFile = path.join(dir, 'head.json');
    this.key = opts.key ?? (() => null);
    this.now = opts.now ?? (() => new Date());
    this.assertOwner = opts.assertOwner ?? (async () => undefined);
  }

  /** Appends one event; resolves once it is on disk. Appends are serialized so the chain never forks. */
  append(entry: AuditEntry): Promise<AuditLine> {
    return this.enqueue(async () => {
      await this.assertOwner();
      const key = this.key();
      try {
        // The first tagged line of the process seals what was written before it (once; see seal()).
        if (key && !this.checked) await this.sealStretch(key, 'strict');
        return await this.write(entry, key);
      } finally {
        key?.fill(0);
      }
    });
  }

  /**
   * Seals the lines written without the key (the key must be in memory). 'strict': only after head.json's seal mark,
   * and only if that mark checks out with the key; a missing or false mark is returned as a problem and nothing is
   * sealed (an attacker who strips tags and the mark must not get the stripped lines sealed). 'scratch': the log
   * never had a mark (accounts were just set up): everything intact is sealed. 'reanchor' (the recovery code): after
   * the last line whose own tag checks out, whatever the mark says.
   */
  seal(mode: SealMode = 'strict'): Promise<SealOutcome> {
    return this.enqueue(async () => {
      const key = this.key();
      try {
        return key ? await this.sealStretch(key, mode) : { sealed: 0 };
      } finally {
        key?.fill(0);
      }
    });
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Where sealing starts: after a seal mark that checks out, or (reanchor) after the last line that does. */
  private async sealStart(key: Buffer, head: Head, mode: SealMode): Promise<number | string> {
    const mark = head.sealed;
    if (mode === 'scratch' && !mark) return 1;
    if (mode === 'reanchor') return lastTagged((await readOrNull(this.file)) ?? '', key) + 1;
    if (!mark) return 'head.json 缺少封存标记（文件被替换或改写），新记录暂不封存';
    const target = lineAt(await this.textFrom(mark.seq), mark.seq);
    const ok = target?.mac !== undefined && mark.mac === headMac(key, mark.seq, lineMac(key, target));
    return ok
      ? mark.seq + 1
      : `head.json 的封存标记（序号${mark.seq}）与操作日志密钥的校验不符，新记录暂不封存`;
  }

  /**
   * Writes seal lines for the lines after the seal mark: the tag of each line that is still intact as a link of the
   * chain (an edited one is left out, and verify then names it inside the sealed part). The mark moves to the last
   * seal line, so from then on every new tagged line moves it along.
   */
  private async sealStretch(key: Buffer, mode: SealMode): Promise<SealOutcome> {
    const head = await this.loadHead();
    // Already checked and every line since tagged by this process: nothing to read.
    if (mode === 'strict' && this.checked && this.base === head.seq) return { sealed: 0 };
    this.checked = true;
    const from = await this.sealStart(key, head, mode);
    if (typeof from === 'string') {
      this.base = null;
      return { sealed: 0, problem: from };
    }
    this.base = from - 1;
    if (from > head.seq) return { sealed: 0 };
    const lines = sealableLines(await this.textFrom(from), from, head);
    const skipped = head.seq - from + 1 - lines.length;
    const parts = Math.max(1, Math.ceil(lines.length / SEALS_PER_LINE));
    for (let i = 0; i < parts; i++) {
      const part = lines.slice(i * SEALS_PER_LINE, (i + 1) * SEALS_PER_LINE);
      const range = part.length
        ? `序号${part[0].seq}–${part[part.length - 1].seq}的${part.length}条记录`
        : '';
      // Only the last seal line completes the stretch: the mark may move with it.
      if (i === parts - 1) this.base = (await this.loadHead()).seq;
      await this.write(
        {
          at: this.now().toISOString(),
          user: '（程序）',
          door: 'internal',
          action: '封存操作日志',
          target: 'audit',
          detail:
            `补封${range || '（没有可封存的记录）'}（写入时没有管理员登录）` +
            (i === 0 && skipped > 0 ? `；另有${skipped}条记录封存前已被改动或缺失，未予封存` : ''),
          seals: Object.fromEntries(part.map((l) => [String(l.seq), lineMac(key, l)])),
        },
        key,
      );
    }
    return { sealed: lines.length };
  }

  /** The file's text from (about) the line with sequence number `seq - 1` on: read from the end, chunk by chunk. */
  private async textFrom(seq: number): Promise<string> {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.file, 'r');
    } catch (err) {
      if (code(err) === 'ENOENT') return '';
      throw err;
    }
    try {
      const { size } = await handle.stat();
      for (let chunk = TAIL_BYTES; ; chunk *= 4) {
        const start = Math.max(0, size - chunk);
        const buf = Buffer.alloc(size - start);
        await handle.read(buf, 0, buf.length, start);
        let text = buf.toString('utf8');
        if (start > 0) text = text.slice(text.indexOf('\n') + 1);
        if (start === 0 || firstSeq(text) < seq - 1) return text;
      }
    } finally {
      await handle.close();
    }
  }

  private async write(entry: AuditEntry, key: Buffer | null): Promise<AuditLine> {
    const head = await this.loadHead();
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    const content = { seq: head.seq + 1, ...dropUndefined(entry) };
    const body: Omit<AuditLine, 'hash'> = {
      ...content,
      ...(key ? { mac: lineMac(key, content) } : {}),
      prevHash: head.hash,
    };
    const line: AuditLine = { ...body, hash: lineHash(body) };
    // Opened per line: a file replaced or moved by someone else is never written through a stale handle.
    const handle = await fsp.open(this.file, 'a');
    try {
      await handle.write(`${this.openLine ? '\n' : ''}${JSON.stringify(line)}\n`);
      await handle.sync();
    } catch (err) {
      this.head = null; // the line may be partly on disk: the next append re-reads the tail instead of guessing
      this.base = null;
      this.checked = false;
      throw err;
    } finally {
      await handle.close();
    }
    this.openLine = false;
    // The seal mark moves only with a tagged line right after lines this process knows to be tagged.
    let sealed = head.sealed;
    if (key && line.mac && this.base === head.seq) {
      sealed = { seq: line.seq, mac: headMac(key, line.seq, line.mac) };
      this.base = line.seq;
    }
    this.head = { seq: line.seq, hash: line.hash, ...(sealed ? { sealed } : {}) };
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
    // The seal mark only ever comes from head.json (verify checks it with the key).
    this.head = best
      ? { ...best, ...(saved?.sealed ? { sealed: saved.sealed } : {}) }
      : { seq: 0, hash: GENESIS };
    return this.head;
  }

  private async readHeadFile(): Promise<Head | null> {
    try {
      const v = JSON.parse((await readOrNull(this.headFile)) ?? 'null') as Partial<Head> | null;
      if (!v || !Number.isInteger(v.seq) || typeof v.hash !== 'string') return null;
      const s = v.sealed;
      const sealed =
        s && Number.isInteger(s.seq) && typeof s.mac === 'string' ? { seq: s.seq, mac: s.mac } : undefined;
      return { seq: v.seq!, hash: v.hash, ...(sealed ? { sealed } : {}) };
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

  /**
   * Re-reads the whole file from disk and checks the chain against the newest head known (memory or head.json);
   * with the key in memory, the keyed tags and head.json's seal mark too. `anchorRequired`: the key has been in use
   * (accounts exist), so a missing seal mark is a problem.
   */
  async verify(opts: { anchorRequired?: boolean } = {}): Promise<AuditVerifyResult> {
    await this.queue;
    const text = await readOrNull(this.file);
    const saved = await this.readHeadFile();
    const head = [this.head, saved].filter((x): x is Head => !!x).sort((a, b) => b.seq - a.seq)[0] ?? null;
    // The seal mark as on disk: the one in memory is only what this process wrote there.
    const disk = head
      ? { seq: head.seq, hash: head.hash, ...(saved?.sealed ? { sealed: saved.sealed } : {}) }
      : null;
    if (text === null) {
      const problems = head && head.seq > 0 ? [`操作日志文件已被删除（原有${head.seq}条记录）`] : [];
      return { ok: problems.length === 0, lines: 0, problems };
    }
    const { lines, problems } = verifyLines(text, head);
    const key = this.key();
    const notes: string[] = [];
    if (key) {
      try {
        const named = new Set(problems.map((p) => Number(/^第(\d+)行/.exec(p)?.[1])).filter((n) => n > 0));
        const keyed = verifyKeyed(text, disk, key, { anchorRequired: !!opts.anchorRequired, named });
        problems.push(...keyed.problems);
        notes.push(...keyed.notes);
      } finally {
        key.fill(0);
      }
    } else if (opts.anchorRequired || saved?.sealed || text.includes('"mac":')) {
      notes.push(
        '没有管理员登录，未用密钥核对：只检查了哈希链（能改文件的人可以重算哈希链），请由管理员登录后再检查',
      );
    }
    return { ok: problems.length === 0, lines, problems, ...(notes.length ? { notes } : {}) };
  }

  async close(): Promise<void> {
    await this.queue;
  }
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
