// Serves the built renderer from one folder, with the same strict Content-Security-Policy as the desktop app.
// The path arrives already decoded and checked (request-target.ts); anything odd here is a 404, never a throw.
import { createReadStream, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { COMMON_HEADERS, CONTENT_SECURITY_POLICY, notFound } from './responses';

export { CONTENT_SECURITY_POLICY } from './responses';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** `decodedPath` starts with "/" and holds no NUL, control character or backslash. */
export function serveStatic(root: string, decodedPath: string, req: IncomingMessage, res: ServerResponse) {
  const rel = decodedPath === '/' ? 'index.html' : decodedPath.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, rel);
  // Never serve anything outside the renderer folder; say "not found" rather than confirm what is outside.
  if (!file.startsWith(base + path.sep)) return notFound(res);
  let st: Stats | undefined;
  try {
    st = statSync(file, { throwIfNoEntry: false });
  } catch {
    st = undefined; // ENAMETOOLONG, ENOTDIR (`/index.html/x`), ELOOP, EACCES: all just "not here"
  }
  if (!st?.isFile()) return notFound(res);
  res.writeHead(200, {
    ...COMMON_HEADERS,
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': st.size,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': rel === 'index.html' ? 'no-store' : 'max-age=3600',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // The file can vanish between stat and open (a rebuild), the client can go away: pipeline closes both ends and
  // swallows the error instead of leaving it unhandled (which would stop the server).
  pipeline(createReadStream(file), res, () => undefined);
}
