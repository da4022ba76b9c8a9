// Every answer of the web door, refusals included: a JSON envelope for the API, a small page for everything else,
// always with the headers that stop other pages from sniffing, framing or learning the address (it holds the token).
import { STATUS_CODES } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/result';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** On every response: no MIME sniffing, no Referer (the page address carries the token), no use by other sites. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const API_HEADERS = {
  ...COMMON_HEADERS,
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

export interface Refusal {
  status: number;
  code: ErrorCode;
  /** Chinese, one sentence. */
  message: string;
}

export function envelopeOf(code: ErrorCode, message: string): string {
  return JSON.stringify({ ok: false, error: { code, message } });
}

/** Sends an API answer; `close` asks the client to open a new connection for its next request. */
export function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...API_HEADERS,
    'Content-Length': Buffer.byteLength(json),
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(json);
}

export function refuseApi(res: ServerResponse, r: Refusal, close = false): void {
  sendJson(res, r.status, { ok: false, error: { code: r.code, message: r.message } }, close);
}

/** The page a browser shows for a static address that is refused or does not exist. */
export function sendPage(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${status}</title><p>${text}</p></html>`;
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store',
  });
  res.end(html);
}

export function notFound(res: ServerResponse): void {
  sendPage(res, 404, '未找到该页面。');
}

/**
 * A whole HTTP response as bytes, for sockets the HTTP parser gave up on (no ServerResponse exists there).
 * The body is always an envelope: the target could not be read, so nobody knows whether it was the API.
 */
export function rawEnvelopeResponse(r: Refusal): string {
  const json = envelopeOf(r.code, r.message);
  const headers = {
    ...API_HEADERS,
    'Content-Length': String(Buffer.byteLength(json)),
    Connection: 'close',
  };
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${r.status} ${STATUS_CODES[r.status] ?? ''}\r\n${lines.join('\r\n')}\r\n\r\n${json}`;
}
