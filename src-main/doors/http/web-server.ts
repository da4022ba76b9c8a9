// The web-mode door: serves the built renderer and `POST /api/<channel>` on 127.0.0.1 only. Every API call
// needs the Bearer token printed at start-up; the Host header is checked so a web page elsewhere cannot
// reach the API through DNS rebinding.
import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Call } from '../../router/router';
import type { CallContext } from '../../shared/context';
import { serveStatic } from './static-files';

/** Imports carry files as base64: a 50 MB spreadsheet is ~67 MB of JSON. */
const MAX_BODY = 80 * 1024 * 1024;

export interface WebServerOptions {
  call: Call;
  staticDir: string;
  port?: number;
  token?: string;
  /**
   * The caller's context from the session id the page sends in `X-Session` after signing in. The token only
   * proves the caller is on this PC and was given the address; who they are comes from the session.
   */
  contextFor?: (sessionHeader: string | null, fallbackSessionId: string) => CallContext;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(json);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too_large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const sessionId = `web-${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
  let port = opts.port ?? 0;

  const server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421).end('Misdirected Request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      void handleApi(req, res, decodeURIComponent(url.pathname.slice(5)));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(opts.staticDir, url.pathname, res);
  });

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string) {
    if (req.method !== 'POST')
      return send(res, 405, { ok: false, error: { code: 'validation', message: '接口只接受 POST 请求' } });
    if (!tokenMatches(req.headers.authorization, token)) {
      return send(res, 401, {
        ok: false,
        error: { code: 'unauthenticated', message: '缺少或错误的访问令牌' },
      });
    }
    let args: unknown = {};
    try {
      const raw = await readBody(req);
      args = raw ? JSON.parse(raw) : {};
    } catch (e) {
      const tooLarge = e instanceof Error && e.message === 'too_large';
      return send(res, tooLarge ? 413 : 400, {
        ok: false,
        error: {
          code: 'validation',
          message: tooLarge ? '请求内容过大（上限 80 MB）' : '请求内容不是有效的 JSON',
        },
      });
    }
    const header = req.headers['x-session'];
    const session = typeof header === 'string' && header.length <= 128 ? header : null;
    const ctx: CallContext = opts.contextFor?.(session, sessionId) ?? { door: 'http', user: null, sessionId };
    send(res, 200, await opts.call(channel, args, ctx));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
