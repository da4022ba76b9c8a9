// HTTP on a bare TCP socket, for tests that must send what fetch would normalize or refuse (`//`, `%`, NUL, CR/LF,
// conflicting lengths) and must tell a clean answer from a reset.
import net from 'node:net';

export interface RawAnswer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** The connection was reset (or failed) before a whole response arrived. */
  reset: boolean;
  /** No response at all: closed without a status line. */
  silent: boolean;
}

/** What the request consists of: bytes sent at once, then optionally more chunks written with back-pressure. */
export interface RawRequest {
  head: string | Buffer;
  more?: Iterable<Buffer | string>;
}

/** Answers after this long without a response are reported as silent, so a hung server fails the test, not times it. */
const SILENCE_MS = 30_000;

function parse(buf: Buffer): { answer: Omit<RawAnswer, 'reset' | 'silent'>; complete: boolean } | null {
  let start = 0;
  for (;;) {
    const end = buf.indexOf('\r\n\r\n', start);
    if (end < 0) return null;
    const head = buf.subarray(start, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0])?.[1] ?? NaN);
    if (status >= 100 && status < 200) {
      start = end + 4; // "100 Continue": the real answer follows
      continue;
    }
    const headers: Record<string, string> = {};
    for (const line of head.slice(1)) {
      const at = line.indexOf(':');
      if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
    const bodyBytes = buf.subarray(end + 4);
    const length = headers['content-length'] === undefined ? null : Number(headers['content-length']);
    const complete = length !== null && bodyBytes.length >= length;
    const body = (length === null ? bodyBytes : bodyBytes.subarray(0, length)).toString('utf8');
    return { answer: { status, headers, body }, complete };
  }
}

export function rawRequest(port: number, req: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let done = false;
    let failed = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parse(received);
      if (!parsed) resolve({ status: 0, headers: {}, body: '', reset: failed, silent: true });
      else resolve({ ...parsed.answer, reset: failed && !parsed.complete, silent: false });
    };
    const timer = setTimeout(finish, SILENCE_MS);
    socket.on('data', (c: Buffer) => {
      received = Buffer.concat([received, c]);
      if (parse(received)?.complete) finish();
    });
    socket.on('error', () => {
      failed = true;
      finish();
    });
    socket.on('close', finish);
    socket.on('connect', () => {
      void (async () => {
        socket.write(req.head);
        for (const chunk of req.more ?? []) {
          if (done || socket.destroyed) return;
          if (!socket.write(chunk)) {
            await new Promise<void>((r) => {
              const go = () => {
                socket.off('drain', go);
                socket.off('close', go);
                r();
              };
              socket.on('drain', go);
              socket.on('close', go);
            });
          }
        }
      })();
    });
  });
}

/** A request head with CRLF line ends; `headers` are written exactly as given (duplicates and oddities allowed). */
export function head(requestLine: string, headers: [string, string][]): string {
  return `${requestLine}\r\n${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
}

/** Parses an answer's body as the result envelope, or null if it is not one. */
export function envelope(a: RawAnswer): { ok: boolean; error?: { code: string; message: string } } | null {
  try {
    const v = JSON.parse(a.body) as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
    if (typeof v.ok !== 'boolean') return null;
    if (!v.ok && (typeof v.error?.code !== 'string' || typeof v.error.message !== 'string')) return null;
    return v as { ok: boolean; error?: { code: string; message: string } };
  } catch {
    return null;
  }
}

export const HAS_CHINESE = /[\u4e00-\u9fa5]/;

/** A small seeded generator, so a failing fuzz case can be replayed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
