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

/**
 * The page for an address whose token is not this run's (the service was restarted and printed a new one): what to
 * do, in Chinese, with no status code or English in sight. It never shows the current token.
 */
export const STALE_ADDRESS_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>访问地址已失效 - 教育整顿工作台</title>' +
  '<meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
  "<body style=\"margin:0;background:#f5f6f8;font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif\">" +
  '<main style="max-width:600px;margin:12vh auto;padding:32px 40px;background:#fff;border-radius:8px;' +
  'box-shadow:0 1px 4px rgba(0,0,0,.08);line-height:1.8;color:#333">' +
  '<h1 style="font-size:22px;margin:0 0 12px">访问地址已失效</h1>' +
  '<p>工作台服务已经重新启动（或这是上一次运行时的地址），这个地址不能再使用。</p>' +
  '<p>请到运行工作台的终端（命令行）窗口，找到最新打印的那一行地址（以 <code>http://127.0.0.1:</code> 开头、' +
  '带有 <code>?token=</code>），复制后在浏览器中打开。</p>' +
  '<p>如果终端窗口已经关闭，请重新运行 <code>npm run web</code>，再打开它打印的地址。</p>' +
  '<p style="color:#888">数据保存在本机磁盘上，没有丢失。</p></main></body></html>';

export function sendStaleAddressPage(req: IncomingMessage, res: ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(401, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(STALE_ADDRESS_HTML),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : STALE_ADDRESS_HTML);
}
