// The hash chain of the 操作日志: canonical JSON, the line hash, and the check that names each tampered line. The
// chain alone stops nobody who can rewrite the file (recompute every hash and head.json): lines written while an
// administrator is signed in also carry a keyed tag (src-main/auth/integrity.ts), and lines written before get theirs
// in a seal line at the next such moment; verifyKeyed() names any line whose tag does not hold.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

export interface AuditLine {
  seq: number;
  at: string;
  user: string;
  door: string;
  action: string;
  target: string;
  recordId?: string;
  before?: unknown;
  after?: unknown;
  detail?: string;
  /** Keyed tag of this line (lineMac), when the audit key was in memory as it was written. */
  mac?: string;
  /** On a seal line: the keyed tags of earlier lines written without the key, by sequence number. */
  seals?: Record<string, string>;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level: the same line always hashes the same, whatever the key order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonical(x))).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** sha256 over the previous hash and the canonical line without its own hash. */
export function lineHash(line: Omit<AuditLine, 'hash'> & { hash?: string }): string {
  const { hash: _own, ...rest } = line;
  return createHash('sha256').update(line.prevHash).update(canonical(rest)).digest('hex');
}

export interface Head {
  seq: number;
  hash: string;
  /** Every line up to `seq` carries a valid keyed tag (its own or a seal line's); `mac` ties this to that line. */
  sealed?: { seq: number; mac: string };
}

function tag(key: Buffer, data: string): string {
  return createHmac('sha256', key).update(data, 'utf8').digest().subarray(0, 16).toString('hex');
}

function sameTag(a: unknown, b: string): boolean {
  return typeof a === 'string' && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Keyed tag of a line: everything it says (its sequence number included), not the chain fields or its own tag. */
export function lineMac(
  key: Buffer,
  line: Omit<AuditLine, 'hash' | 'prevHash'> & Partial<AuditLine>,
): string {
  const { hash: _h, prevHash: _p, mac: _m, ...content } = line;
  return tag(key, `line\n${canonical(content)}`);
}

/** Keyed tag of head.json's seal mark: the sealed sequence number and that line's own tag. */
export function headMac(key: Buffer, seq: number, lineTag: string): string {
  return tag(key, `head\n${seq}\n${lineTag}`);
}

function isLine(v: unknown): v is AuditLine {
  const l = v as Partial<AuditLine> | null;
  return (
    typeof l === 'object' &&
    l !== null &&
    Number.isInteger(l.seq) &&
    typeof l.hash === 'string' &&
    typeof l.prevHash === 'string'
  );
}

/**
 * Checks every line: its own hash (edited), its link to the line before it in sequence (edited and re-hashed),
 * gaps in the sequence (deleted), lines out of sequence (reordered), and the tail against the last known head
 * (deleted at the end). Messages name the line number as a text editor shows it.
 */
export function verifyLines(text: string, head: Head | null): { lines: number; problems: string[] } {
  const raw = text.split('\n');
  const complete = raw[raw.length - 1] === '';
  if (complete) raw.pop();
  const problems: string[] = [];
  type Parsed =
    { n: number; line: AuditLine; selfOk: true } | { n: number; line: AuditLine | null; selfOk: false };
  const parsed: Parsed[] = [];
  raw.forEach((t, i) => {
    const n = i + 1;
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      const partial = !complete && i === raw.length - 1;
      problems.push(
        partial ? `第${n}行不完整（可能是写入时断电），其内容无法核对` : `第${n}行无法解析：内容被修改或损坏`,
      );
      return void parsed.push({ n, line: null, selfOk: false });
    }
    if (!isLine(v)) {
      problems.push(`第${n}行缺少序号或哈希：内容被修改`);
      return void parsed.push({ n, line: null, selfOk: false });
    }
    if (lineHash(v) === v.hash) return void parsed.push({ n, line: v, selfOk: true });
    problems.push(`第${n}行（序号${v.seq}）内容被修改`);
    parsed.push({ n, line: v, selfOk: false });
  });

  const good = parsed.filter((x): x is Extract<Parsed, { selfOk: true }> => x.selfOk);
  const bySeq = new Map<number, (typeof good)[number]>();
  // A line whose own hash fails has an untrusted seq: it stands in its position and is reported once, above.
  for (const p of good) {
    if (bySeq.has(p.line.seq))
      problems.push(
        `第${p.n}行（序号${p.line.seq}）与第${bySeq.get(p.line.seq)!.n}行序号重复：有记录被复制或插入`,
      );
    else bySeq.set(p.line.seq, p);
  }

  // Lines that cannot be trusted (unparseable, or their own hash fails) may each stand for one sequence number:
  // a gap they can explain is not reported again as a deletion.
  let prevSeq = 0;
  let prevN = 0;
  let unknown = 0;
  for (const p of parsed) {
    if (!p.selfOk) {
      unknown += 1;
      continue;
    }
    const { seq } = p.line;
    if (seq > prevSeq + 1 + unknown) {
      const missing: number[] = [];
      for (let s = prevSeq + 1; s < seq; s++) if (!bySeq.has(s)) missing.push(s);
      const deleted = missing.length - unknown;
      if (missing.length === seq - prevSeq - 1) {
        const where = prevN ? `第${prevN}行与第${p.n}行之间` : `第${p.n}行之前`;
        const range = missing.length > 1 ? `${missing[0]}–${missing[missing.length - 1]}` : `${missing[0]}`;
        problems.push(
          unknown
            ? `${where}有${deleted}条记录被删除（序号${range}中）`
            : `${where}的${deleted}条记录（序号${range}）被删除`,
        );
      } else {
        problems.push(`第${p.n}行（序号${seq}）顺序错误：应在序号${prevSeq + 1}之后`);
      }
    } else if (seq <= prevSeq && bySeq.get(seq) === p) {
      problems.push(`第${p.n}行（序号${seq}）顺序错误：位于序号${prevSeq}之后`);
    }
    if (seq > prevSeq) {
      prevSeq = seq;
      prevN = p.n;
      unknown = 0;
    }
  }

  // Links: order-independent, so a reordered line is reported once (above) and an edited-then-rehashed one here.
  for (const p of good) {
    const before = p.line.seq === 1 ? null : bySeq.get(p.line.seq - 1);
    const want = p.line.seq === 1 ? GENESIS : before?.line.hash;
    if (want === undefined || p.line.prevHash === want) continue;
    if (before)
      problems.push(`第${before.n}行（序号${before.line.seq}）内容被修改（与下一条记录的哈希链不符）`);
    else if (!before) problems.push(`第${p.n}行（序号1）内容被修改（链首哈希不符）`);
  }

  if (head && head.seq > 0) {
    const last = bySeq.get(prevSeq);
    if (head.seq > prevSeq + unknown) {
      const gone = head.seq - prevSeq - unknown;
      const range = head.seq - prevSeq > 1 ? `${prevSeq + 1}–${head.seq}` : `${head.seq}`;
      problems.push(`末尾的${gone}条记录（序号${range}）被删除`);
    } else if (head.seq === prevSeq && unknown === 0 && last && last.line.hash !== head.hash) {
      problems.push(`第${last.n}行（序号${last.line.seq}）内容被修改（与最后写入的哈希不符）`);
    }
  }
  return { lines: raw.length, problems: [...new Set(problems)] };
}

/** A line that parses, with its line number in the file. */
interface Numbered {
  n: number;
  line: AuditLine;
}

function parseAll(text: string): Numbered[] {
  const out: Numbered[] = [];
  text.split('\n').forEach((t, i) => {
    if (!t) return;
    try {
      const v: unknown = JSON.parse(t);
      if (isLine(v)) out.push({ n: i + 1, line: v });
    } catch {
      // reported by verifyLines
    }
  });
  return out;
}

/**
 * Lines of a stretch that may be sealed: their own hash holds, they link to the line before them, the line after
 * them links to them, and the last one is head.json's. A line edited (even with its hash recomputed) before the
 * stretch is sealed fails one of these unless the whole rest of the chain was recomputed too.
 */
export function sealableLines(text: string, fromSeq: number, head: Head): AuditLine[] {
  const lines = parseAll(text).map((p) => p.line);
  const bySeq = new Map<number, AuditLine[]>();
  for (const l of lines) bySeq.set(l.seq, [...(bySeq.get(l.seq) ?? []), l]);
  const only = (seq: number) => (bySeq.get(seq)?.length === 1 ? bySeq.get(seq)![0] : undefined);
  const out: AuditLine[] = [];
  for (const l of lines) {
    if (l.seq < fromSeq || l.seq > head.seq || only(l.seq) !== l || lineHash(l) !== l.hash) continue;
    const before = l.seq === 1 ? { hash: GENESIS } : only(l.seq - 1);
    const after = only(l.seq + 1);
    if (!before || before.hash !== l.prevHash) continue;
    if (after ? after.prevHash !== l.hash : l.seq === head.seq && l.hash !== head.hash) continue;
    out.push(l);
  }
  return out;
}

/**
 * The keyed check: every line's own tag, the tags seal lines hold for earlier lines, and head.json's seal mark.
 * Every line up to the mark (or up to the last line that checks out) must check out; the lines after it are only
 * "not sealed yet" (notes). `anchorRequired`: a mark must exist (the key has been in use); a missing one is reported.
 * `named` holds line numbers already reported by verifyLines, not reported twice.
 */
export function verifyKeyed(
  text: string,
  head: Head | null,
  key: Buffer,
  opts: { anchorRequired: boolean; named: Set<number> },
): { problems: string[]; notes: string[] } {
  const problems: string[] = [];
  const say = (n: number, msg: string) => {
    if (!opts.named.has(n)) problems.push(msg);
  };
  const lines = parseAll(text);
  const ok = new Set<number>();
  const bad = new Set<number>();
  const sealTags = new Map<number, string>();
  for (const { n, line } of lines) {
    if (line.mac === undefined) continue;
    if (sameTag(line.mac, lineMac(key, line))) {
      ok.add(n);
      for (const [seq, t] of Object.entries(line.seals ?? {})) sealTags.set(Number(seq), t);
    } else {
      bad.add(n);
      say(n, `第${n}行（序号${line.seq}）内容被修改（与操作日志密钥的校验不符）`);
    }
  }
  for (const { n, line } of lines) {
    if (ok.has(n) || bad.has(n) || !sealTags.has(line.seq)) continue;
    if (sameTag(sealTags.get(line.seq), lineMac(key, line))) ok.add(n);
    else {
      bad.add(n);
      say(n, `第${n}行（序号${line.seq}）内容被修改（与封存时的密钥校验不符）`);
    }
  }
  let sealedSeq = 0;
  for (const { n, line } of lines) if (ok.has(n)) sealedSeq = Math.max(sealedSeq, line.seq);
  const mark = head?.sealed;
  if (mark) {
    const target = lines.find((l) => l.line.seq === mark.seq && ok.has(l.n));
    if (!target) {
      if (!lines.some((l) => l.line.seq === mark.seq))
        problems.push(`head.json 的封存标记所指的记录（序号${mark.seq}）已不在操作日志中`);
      else problems.push(`head.json 的封存标记所指的记录（序号${mark.seq}）内容被修改`);
    } else if (!sameTag(mark.mac, headMac(key, mark.seq, lineMac(key, target.line)))) {
      problems.push('head.json 的封存标记被改动（与操作日志密钥的校验不符）');
    }
    sealedSeq = Math.max(sealedSeq, mark.seq);
  } else if (opts.anchorRequired && lines.length) {
    problems.push('head.json 缺少封存标记（文件被替换或改写）：操作日志可能被整体改写，请逐行核对');
  }
  const unsealed: number[] = [];
  for (const { n, line } of lines) {
    if (ok.has(n) || bad.has(n)) continue;
    if (line.seq <= sealedSeq)
      say(n, `第${n}行（序号${line.seq}）位于已封存的记录中，却没有有效的密钥校验：内容被修改或插入`);
    else unsealed.push(line.seq);
  }
  const notes: string[] = [];
  if (unsealed.length) {
    const range =
      unsealed.length > 1 ? `序号${unsealed[0]}–${unsealed[unsealed.length - 1]}` : `序号${unsealed[0]}`;
    notes.push(
      `${range}的${unsealed.length}条记录尚未封存（写入时没有管理员登录），只受哈希链保护；管理员下次登录时封存`,
    );
  }
  return { problems, notes };
}
