// The hash chain of the 操作日志: canonical JSON, the line hash, and the check that names each tampered line.
import { createHash } from 'node:crypto';

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
