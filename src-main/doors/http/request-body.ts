// Reads a request body up to a limit. A body over the limit is drained to its end (kept nowhere) so the client can
// read the 413 answer: closing a socket that still has unread bytes makes the kernel send a reset instead, and the
// browser then reports a network failure rather than the Chinese message.
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { kind: 'ok'; text: string }
  /** Over the limit. `drained`: every byte was read, so the connection can be closed cleanly. */
  | { kind: 'too_large'; drained: boolean }
  /** The client went away: there is nobody to answer. */
  | { kind: 'aborted' };

/** Past this many bytes in all, draining is not worth it: answer at once and close (a reset may follow). */
export function drainLimitFor(maxBytes: number): number {
  return maxBytes * 2;
}

export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const drainLimit = drainLimitFor(maxBytes);
    const declared = Number(req.headers['content-length'] ?? NaN);
    let chunks: Buffer[] = [];
    let size = 0;
    let over = declared > maxBytes;
    let settled = false;
    const finish = (r: BodyResult) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      resolve(r);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > drainLimit) return finish({ kind: 'too_large', drained: false });
      if (size > maxBytes) over = true;
      if (over) chunks = [];
      else chunks.push(c);
    };
    // A declared length that will not be drained is refused before a byte is read.
    if (declared > drainLimit) return finish({ kind: 'too_large', drained: false });
    req.on('data', onData);
    req.on('end', () =>
      finish(
        over
          ? { kind: 'too_large', drained: true }
          : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') },
      ),
    );
    req.on('error', () => finish({ kind: 'aborted' }));
    req.on('close', () => finish({ kind: 'aborted' })); // after 'end' this changes nothing
  });
}
