// Reads a request target without trusting it. No `new URL(target, base)` (a target of `//x` names a host and
// throws), percent-decoding that cannot throw, and NUL, control characters and backslashes refused: any web page
// in the same browser can send this server whatever target it likes through an <img src>.

export type RequestTarget =
  | { kind: 'api'; channel: string }
  | { kind: 'static'; path: string }
  /** Not a usable target; `api` says whether it was aimed at the API (answered with an envelope). */
  | { kind: 'bad'; api: boolean };

/** Characters a decoded path or channel name may never hold: NUL and the other C0/C1 controls, DEL, backslash. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;

/** decodeURIComponent that answers null instead of throwing on `%`, `%zz` or a broken UTF-8 sequence. */
export function safeDecode(text: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return null;
  }
  return FORBIDDEN.test(decoded) ? null : decoded;
}

export function parseTarget(raw: string | undefined): RequestTarget {
  const target = raw ?? '';
  const end = target.search(/[?#]/);
  const pathPart = end < 0 ? target : target.slice(0, end);
  const api = pathPart === '/api' || pathPart.startsWith('/api/');
  // Origin-form only: absolute-form (`http://host/...`), `*` and `//host/...` are not requests for this server.
  if (!pathPart.startsWith('/') || pathPart.startsWith('//')) return { kind: 'bad', api };
  if (api) {
    const channel = safeDecode(pathPart.slice('/api/'.length));
    return channel === null || pathPart === '/api' ? { kind: 'bad', api } : { kind: 'api', channel };
  }
  const path = safeDecode(pathPart);
  return path === null ? { kind: 'bad', api } : { kind: 'static', path };
}
