// The web-mode door: serves the built renderer and `POST /api/<channel>` on 127.0.0.1 only. Every API call
// needs the Bearer token printed at start-up; the Host header is checked so a web page elsewhere cannot reach the
// API through DNS rebinding, and a foreign Origin is refused even with the token. No request, however malformed,
// may stop the server: each gets a 4xx answer (an envelope for the API, a page otherwise) and the next one is served.
import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Call } from '../../router/router';
import type { CallContext } from '../../shared/context';
import type { Logger } from '../../store';
import { readBody } from './request-body';
import { parseTarget } from './request-target';
import { rawEnvelopeResponse, refuseApi, sendJson, sendPage, notFound, type Refusal } from './responses';
import { sendStaleAddressPage, serveStatic } from './static-files';

/** Imports carry files as base64: a 50 MB spreadsheet is ~67 MB of JSON. */
const MAX_BODY = 80 * 1024 * 1024;

export interface WebServerOptions {
  call: Call;
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest request body accepted, in bytes (default 80 MB). */
  maxBodyBytes?: number;
  /** Where a failure of the door itself is written (never request contents). */
  logger?: Logger;
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

const BAD_TARGET: Refusal = {
  status: 400,
  code: 'validation',
  message: '请求地址无效（含有无法识别的字符或编码）',
};
const WRONG_HOST: Refusal = {
  status: 421,
  code: 'forbidden',
  message: '请求的主机名不是本机地址，已拒绝（防止其他网站借道访问）',
};
const FOREIGN_ORIGIN: Refusal = {
  status: 403,
  code: 'forbidden',
  message: '拒绝来自其他网站的请求：接口只接受本工作台页面的调用',
};

function sameToken(givenText: string, token: string): boolean {
  const given = Buffer.from(givenText);
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

function tokenMatches(header: string | undefined, token: string): boolean {
  return sameToken(header?.startsWith('Bearer ') ? header.slice(7) : '', token);
}

/**
 * The page's address carries a token that is not this run's: an address printed by an earlier start (a bookmark,
 * the browser's history). Such a page would load and then be refused on every call; it gets a page saying to open
 * the new address instead. Only the app's entry page is concerned; nothing is revealed either way.
 */
function staleAddress(rawTarget: string | undefined, path: string, token: string): boolean {
  if (path !== '/' && path !== '/index.html') return false;
  const q = (rawTarget ?? '').indexOf('?');
  if (q < 0) return false;
  const given = new URLSearchParams((rawTarget ?? '').slice(q + 1).split('#')[0]).get('token');
  return given !== null && !sameToken(given, token);
}

/** Refusals for requests the HTTP parser itself rejected (no target, no headers to go by). */
function parserRefusal(code: string | undefined): Refusal {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, code: 'validation', message: '请求头过大，已拒绝' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'HPE_HEADER_TIMEOUT':
      return { status: 408, code: 'validation', message: '请求超时，已断开' };
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return { status: 400, code: 'validation', message: '请求的内容长度无效，已拒绝' };
    default:
      return { status: 400, code: 'validation', message: '请求格式无效，已拒绝' };
  }
}

/** Answers on a raw socket, unless a response is already under way on it (then only closing is safe). */
function answerRaw(socket: Duplex, r: Refusal): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(rawEnvelopeResponse(r));
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const sessionId = `web-${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
  const maxBody = opts.maxBodyBytes ?? MAX_BODY;
  const maxMb = Math.round(maxBody / (1024 * 1024));
  let port = opts.port ?? 0;
  const ownOrigins = () => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];

  // Node's own 400 for a missing Host would carry no envelope: the Host check below answers it instead.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.logger?.error('网页版服务处理请求时出错', {
        error: err instanceof Error ? err.stack : String(err),
      });
      try {
        sendJson(res, 500, {
          ok: false,
          error: { code: 'internal', message: '操作未完成：程序内部出错，详情已写入日志。' },
        });
      } catch {
        res.destroy();
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = parseTarget(req.url);
    const isApi = target.kind === 'api' || (target.kind === 'bad' && target.api);
    const host = req.headers.host ?? '';
    if (!ownOrigins().includes(`http://${host}`)) {
      if (isApi) return refuseApi(res, WRONG_HOST);
      return sendPage(res, 421, WRONG_HOST.message);
    }
    if (target.kind === 'bad') return isApi ? refuseApi(res, BAD_TARGET) : notFound(res);
    if (target.kind === 'static') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendPage(res, 405, '只接受 GET 请求。');
      if (staleAddress(req.url, target.path, token)) return sendStaleAddressPage(req, res);
      return serveStatic(opts.staticDir, target.path, req, res);
    }
    return handleApi(req, res, target.channel);
  }

  /** A page of another site (or another program's page on this PC) never reaches the API, token or not. */
  function fromForeignPage(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins().includes(origin)) return true;
    const site = req.headers['sec-fetch-site'];
    return site !== undefined && site !== 'same-origin' && site !== 'none';
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string) {
    if (fromForeignPage(req)) return refuseApi(res, FOREIGN_ORIGIN);
    if (req.method !== 'POST')
      return refuseApi(res, { status: 405, code: 'validation', message: '接口只接受 POST 请求' });
    if (!tokenMatches(req.headers.authorization, token)) {
      return refuseApi(res, { status: 401, code: 'unauthenticated', message: '缺少或错误的访问令牌' });
    }
    const body = await readBody(req, maxBody);
    if (body.kind === 'aborted') return;
    if (body.kind === 'too_large') {
      const r: Refusal = {
        status: 413,
        code: 'validation',
        message: `请求内容过大（上限 ${maxMb} MB）`,
      };
      return refuseApi(res, r, !body.drained); // undrained bytes may follow: this connection is done
    }
    let args: unknown;
    try {
      args = body.text ? JSON.parse(body.text) : {};
    } catch {
      return refuseApi(res, { status: 400, code: 'validation', message: '请求内容不是有效的 JSON' });
    }
    const header = req.headers['x-session'];
    const session = typeof header === 'string' && header.length <= 128 ? header : null;
    const ctx: CallContext = opts.contextFor?.(session, sessionId) ?? { door: 'http', user: null, sessionId };
    sendJson(res, 200, await opts.call(channel, args, ctx));
  }

  // Requests the parser cannot read (bad request line, CR/LF tricks, conflicting lengths, huge headers).
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return socket.destroy();
    answerRaw(socket, parserRefusal(err.code));
  });
  // Without these listeners Node answers with bare status lines or drops the socket: keep every answer an envelope.
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) =>
    refuseApi(res, { status: 417, code: 'validation', message: '不支持该 Expect 请求头' }, true),
  );
  server.on('connect', (_req: IncomingMessage, socket: Socket) =>
    answerRaw(socket, { status: 405, code: 'validation', message: '不支持 CONNECT 请求' }),
  );
  server.on('upgrade', (_req: IncomingMessage, socket: Socket) =>
    answerRaw(socket, { status: 400, code: 'validation', message: '不支持协议升级请求' }),
  );

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
