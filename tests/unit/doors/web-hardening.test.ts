// Adversarial requests against the real web door on raw sockets: every malformed target or header gets a 4xx
// answer (an envelope for the API, the 404 page for static files), the server keeps serving, foreign pages are
// refused even with the token, and a body over the limit is drained and answered 413 instead of reset.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer } from '../../../src-main/doors/http/web-server';
import type { WebServer } from '../../../src-main/doors/http/web-server';
import { makeTempDir } from '../../helpers/temp-dir';
import { openTestApp, sampleMeeting, setUpOffice } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';
import { HAS_CHINESE, envelope, head, prng, rawRequest, type RawAnswer, type RawRequest } from './raw-http';

let t: TestApp;
let server: WebServer;
let staticDir: ReturnType<typeof makeTempDir>;
let doorErrors: string[];

const recordingLogger = () => ({
  info: () => undefined,
  warn: () => undefined,
  error: (msg: string, meta?: object) => doorErrors.push(`${msg} ${JSON.stringify(meta)}`),
});

beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  doorErrors = [];
  staticDir = makeTempDir('renderer-');
  writeFileSync(path.join(staticDir.dir, 'index.html'), '<!doctype html><title>教育整顿工作台</title>');
  mkdirSync(path.join(staticDir.dir, 'assets'));
  writeFileSync(path.join(staticDir.dir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ call: t.app.call, staticDir: staticDir.dir, logger: recordingLogger() });
});
afterEach(async () => {
  await server.close();
  await t.close();
  staticDir.remove();
});

const hostOf = (s: WebServer) => `127.0.0.1:${s.port}`;
const get = (s: WebServer, target: string, extra: [string, string][] = []) =>
  rawRequest(s.port, {
    head: head(`GET ${target} HTTP/1.1`, [['Host', hostOf(s)], ['Connection', 'close'], ...extra]),
  });
const post = (s: WebServer, target: string, body: string, extra: [string, string][] = []) =>
  rawRequest(s.port, {
    head:
      head(`POST ${target} HTTP/1.1`, [
        ['Host', hostOf(s)],
        ['Authorization', `Bearer ${s.token}`],
        ['Content-Type', 'application/json'],
        ['Content-Length', String(Buffer.byteLength(body))],
        ['Connection', 'close'],
        ...extra,
      ]) + body,
  });

function expectAnswered(a: RawAnswer, what: string) {
  expect(a.silent, `${what}: no answer`).toBe(false);
  expect(a.reset, `${what}: connection reset`).toBe(false);
}

function expectEnvelopeRefusal(a: RawAnswer, what: string, status?: number) {
  expectAnswered(a, what);
  if (status) expect(a.status, what).toBe(status);
  else expect(a.status >= 400 && a.status < 500, `${what}: status ${a.status}`).toBe(true);
  const env = envelope(a);
  expect(env?.ok, `${what}: envelope ${a.body}`).toBe(false);
  expect(env?.error?.message, what).toMatch(HAS_CHINESE);
  expect(a.headers['x-content-type-options'], what).toBe('nosniff');
  expect(a.headers['referrer-policy'], what).toBe('no-referrer');
}

function expectNotFoundPage(a: RawAnswer, what: string) {
  expectAnswered(a, what);
  expect(a.status, what).toBe(404);
  expect(a.headers['content-type'], what).toContain('text/html');
  expect(a.body, what).toContain('未找到');
}

/** A normal API call with the token still works: the door is alive and the store answers. */
async function expectStillServing(s: WebServer) {
  const res = await fetch(`http://127.0.0.1:${s.port}/api/ledgers:list`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ledger: 'meetings' }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { ok: boolean; data: { records: { title: string }[] } };
  expect(body.ok).toBe(true);
  return body.data.records;
}

describe('web door under malformed requests', () => {
  const ISSUE_TARGETS = [
    '/%00',
    '/%',
    '/%E0%A4%A',
    '/api/%',
    '//',
    '///',
    '/assets/%00.js',
    '/index.html%00.png',
  ];
  const MORE_TARGETS = [
    '/index.html/x', // ENOTDIR
    `/${'a'.repeat(300)}.js`, // ENAMETOOLONG
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/..%5c..%5cindex.html',
    '/%C0%AF',
    '/%0d%0aSet-Cookie:%20x=1',
    '//evil.example/x',
    '/api',
    '/api/%zz',
    '/api/%00',
    '/api/ledgers%3Alist%00',
    '/api/%E0%A4%A',
    '/api//%',
  ];

  it('answers each target from the issue (and its cousins) with a 4xx and keeps serving', async () => {
    for (const target of [...ISSUE_TARGETS, ...MORE_TARGETS]) {
      const api = target === '/api' || target.startsWith('/api/');
      const a = await get(server, target);
      if (api) expectEnvelopeRefusal(a, `GET ${target}`, 400);
      else expectNotFoundPage(a, `GET ${target}`);
      if (api) expectEnvelopeRefusal(await post(server, target, '{}'), `POST ${target}`, 400);
    }
    expect(doorErrors).toEqual([]);
    await expectStillServing(server);
    // The real files are still served.
    expect((await get(server, '/')).status).toBe(200);
    expect((await get(server, '/assets/app.js')).status).toBe(200);
  });

  it('refuses a page of another site even with the valid token (403 envelope), and does nothing', async () => {
    const p = server.port;
    const foreign: [string, string][][] = [
      [['Origin', 'http://evil.example']],
      [['Origin', 'null']],
      [['Origin', `http://127.0.0.1:${p + 1}`]],
      [['Origin', `https://127.0.0.1:${p}`]],
      [['Origin', `http://127.0.0.1:${p}.evil.example`]],
      [['Origin', `http://localhost:${p}@evil.example`]],
      [['Sec-Fetch-Site', 'cross-site']],
      [['Sec-Fetch-Site', 'same-site']],
      [
        ['Origin', `http://127.0.0.1:${p}`],
        ['Sec-Fetch-Site', 'cross-site'],
      ],
    ];
    const create = JSON.stringify({ ledger: 'meetings', record: sampleMeeting() });
    for (const extra of foreign) {
      const a = await post(server, '/api/ledgers:create', create, extra);
      expectEnvelopeRefusal(a, JSON.stringify(extra), 403);
      expect(envelope(a)?.error?.code).toBe('forbidden');
    }
    expect(await expectStillServing(server)).toHaveLength(0);
    // The app's own page is welcome.
    const own = await post(server, '/api/ledgers:create', create, [
      ['Origin', `http://127.0.0.1:${p}`],
      ['Sec-Fetch-Site', 'same-origin'],
    ]);
    expect(own.status).toBe(200);
    expect(envelope(own)?.ok).toBe(true);
  });

  it('marks API answers nosniff and no-referrer, successes and refusals alike', async () => {
    const answers = [
      await post(server, '/api/settings:get', '{}'),
      await post(server, '/api/settings:get', '{not json'),
      await get(server, '/api/settings:get'),
      await rawRequest(server.port, {
        head:
          head('POST /api/settings:get HTTP/1.1', [
            ['Host', hostOf(server)],
            ['Content-Length', '2'],
            ['Connection', 'close'],
          ]) + '{}',
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 400, 405, 401]);
    for (const a of answers) {
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      expect(a.headers['referrer-policy']).toBe('no-referrer');
      expect(a.headers['cache-control']).toBe('no-store');
      expect(envelope(a)).not.toBeNull();
    }
    const page = await get(server, '/');
    expect(page.headers['referrer-policy']).toBe('no-referrer'); // the page address carries the token
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('drains a body over the 80 MB limit and answers 413 with an envelope, not a reset', async () => {
    const limit = 80 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const chunks = function* () {
      for (let sent = 0; sent <= limit; sent += chunk.length) yield chunk;
    };
    const a = await rawRequest(server.port, {
      head: head('POST /api/ledgers:import HTTP/1.1', [
        ['Host', hostOf(server)],
        ['Authorization', `Bearer ${server.token}`],
        ['Content-Length', String(limit + chunk.length)],
        ['Connection', 'close'],
      ]),
      more: chunks(),
    });
    expectEnvelopeRefusal(a, 'over-limit body', 413);
    expect(envelope(a)?.error?.message).toContain('80 MB');
    await expectStillServing(server);
  });

  it('drains a chunked body over the limit and answers 413, not a reset', async () => {
    const small = await startWebServer({
      call: t.app.call,
      staticDir: staticDir.dir,
      maxBodyBytes: 64 * 1024,
    });
    try {
      const piece = Buffer.alloc(10_000, 0x62);
      const chunks = function* () {
        for (let i = 0; i < 30; i++)
          yield Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
        yield '0\r\n\r\n';
      };
      const a = await rawRequest(small.port, {
        head: head('POST /api/settings:get HTTP/1.1', [
          ['Host', hostOf(small)],
          ['Authorization', `Bearer ${small.token}`],
          ['Transfer-Encoding', 'chunked'],
          ['Connection', 'close'],
        ]),
        more: chunks(),
      });
      expectEnvelopeRefusal(a, 'chunked over-limit body', 413);
      // A declared length far past what is worth draining is refused at once, before any body is read.
      const absurd = await rawRequest(small.port, {
        head: head('POST /api/settings:get HTTP/1.1', [
          ['Host', hostOf(small)],
          ['Authorization', `Bearer ${small.token}`],
          ['Content-Length', '999999999999'],
          ['Connection', 'close'],
        ]),
      });
      expectEnvelopeRefusal(absurd, 'absurd Content-Length', 413);
      await expectStillServing(small);
    } finally {
      await small.close();
    }
  });

  it('survives a few thousand random malformed targets and headers, then serves as before', async () => {
    await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() });
    const small = await startWebServer({
      call: t.app.call,
      staticDir: staticDir.dir,
      maxBodyBytes: 64 * 1024,
      logger: recordingLogger(),
    });
    const seed = Number(process.env.FUZZ_SEED ?? 20261130);
    const cases = fuzzCases(small, prng(seed), 3000);
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++];
        const a = await rawRequest(small.port, c.req);
        const problem = judge(c, a);
        if (problem) failures.push(`${problem} — ${c.label} (seed ${seed})`);
      }
    };
    try {
      await Promise.all(Array.from({ length: 24 }, worker));
      expect(failures.slice(0, 20)).toEqual([]);
      expect(doorErrors).toEqual([]);
      const records = await expectStillServing(small);
      expect(records.map((r) => r.title)).toEqual(['教育整顿领导小组第一次会议']);
    } finally {
      await small.close();
    }
  });
});

interface FuzzCase {
  label: string;
  req: RawRequest;
  /** The request aims at the API: any refusal must be an envelope. */
  api: boolean;
  /** A well-formed request that may legitimately succeed (200). */
  mayPass: boolean;
  /** The exact status the door must give, when the case is built to hit one rule. */
  status?: number;
  headOnly?: boolean;
}

function judge(c: FuzzCase, a: RawAnswer): string | null {
  if (a.silent) return 'no answer';
  if (a.reset && !(c.headOnly && a.status)) return `reset after ${a.status}`;
  if (c.status !== undefined && a.status !== c.status) return `status ${a.status}, expected ${c.status}`;
  if (a.status >= 500 || a.status < 200) return `status ${a.status}`;
  if (a.status < 400 && !c.mayPass) return `accepted (${a.status})`;
  const json = (a.headers['content-type'] ?? '').startsWith('application/json');
  if (a.status >= 400 && (c.api || json) && !c.headOnly) {
    const env = envelope(a);
    if (!env || env.ok || !HAS_CHINESE.test(env.error?.message ?? ''))
      return `not a Chinese envelope: ${a.body}`;
  }
  if (a.status >= 400 && !c.api && !json && !c.headOnly && !a.body.includes('未找到') && a.status === 404)
    return `404 without the page: ${a.body}`;
  if (a.headers['x-content-type-options'] !== 'nosniff') return 'no nosniff';
  return null;
}

const TARGET_PIECES = [
  'a',
  'z',
  '0',
  '-',
  '_',
  '.',
  '~',
  '/',
  '%',
  '%0',
  '%00',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%FF',
  '%2e%2e',
  '%2f',
  '%5c',
  '..',
  '//',
  '?',
  '#',
  '&',
  '=',
  ';',
  ':',
  '@',
  '!',
  '$',
  "'",
  '(',
  ')',
  '*',
  '+',
  ',',
  '%20',
  '%0d%0a',
  '%u0041',
  'index.html',
  'assets',
  'api',
  'é',
  '中',
  '\x7f',
  '\t',
  '\x00',
  ' ',
  '\r\n',
  '\n',
  '\\',
  '"',
  '<',
  'settings:get',
];
const BAD_HOSTS = [
  '',
  'evil.example',
  '127.0.0.1',
  'localhost',
  '127.0.0.1:1',
  '[::1]',
  '127.0.0.1.nip.io',
  '0.0.0.0',
  'LOCALHOST',
  '127.0.0.1:PORT.evil.example',
  'evil.example:PORT',
  '127.0.0.1:PORT@evil',
  `${'h'.repeat(5000)}`,
];
const BAD_ORIGINS = [
  'http://evil.example',
  'null',
  'http://127.0.0.1:1',
  'https://127.0.0.1:PORT',
  'http://127.0.0.1:PORT.evil',
  'file://',
  'chrome-extension://abc',
  'http://localhost:PORT/',
  '*',
  'http://[::1]:PORT',
];
const BAD_LENGTHS = ['-1', 'abc', '1e2', '+2', '0x2', '99999999999999999999999', '999999999999', '2, 3', ''];
const JUNK_HEADERS: [string, string][] = [
  ['X-A\x00', 'b'],
  ['X Bad', 'v'],
  ['X-B', 'a\rb'],
  ['X-C', 'a\nb'],
  ['X-D', 'a\r\n b'],
  ['X-E', '\x00'],
  ['', 'x'],
  ['X-F', 'ö'],
  ['X-Session', 's'.repeat(300)],
  ['X-G', '\x7f'],
  ['Transfer-Encoding', 'gzip'],
  ['Transfer-Encoding', 'chunked, gzip'],
  ['Expect', 'something'],
  ['Expect', '100-continue'],
  ['Content-Length', '3'],
  ['Authorization', 'Bearer ' + 'x'.repeat(10_000)],
  ['Authorization', 'Basic Zm9vOmJhcg=='],
  ['Host', 'second.example'],
  ['Upgrade', 'websocket'],
];
const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'PATCH',
  'TRACE',
  'FOO',
  'G ET',
  'get',
  'CONNECT',
  'PRI',
];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 x', 'http/1.1', 'HTTP/1.', ''];

function fuzzCases(s: WebServer, rnd: () => number, n: number): FuzzCase[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const port = String(s.port);
  const sub = (x: string) => x.replaceAll('PORT', port);
  const goodHost = `127.0.0.1:${port}`;
  const cases: FuzzCase[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 5;
    if (kind === 0 || kind === 1) {
      // A random target, often aimed at the API; GET, no token: nothing may succeed except a real static file.
      const api = rnd() < 0.5;
      let target = api ? '/api/' : '/';
      const len = 1 + Math.floor(rnd() * 8);
      for (let k = 0; k < len; k++) target += pick(TARGET_PIECES);
      const method = pick(['GET', 'HEAD', 'GET', 'POST', 'OPTIONS']);
      cases.push({
        label: `${method} ${JSON.stringify(target)}`,
        req: {
          head: head(`${method} ${target} HTTP/1.1`, [
            ['Host', goodHost],
            ['Connection', 'close'],
          ]),
        },
        api,
        mayPass: !api,
        headOnly: method === 'HEAD',
      });
    } else if (kind === 2) {
      // The API with the token and one or two broken headers.
      const headers: [string, string][] = [
        ['Host', goodHost],
        ['Authorization', `Bearer ${s.token}`],
        ['Content-Length', '2'],
        ['Connection', 'close'],
      ];
      let status: number | undefined;
      let mayPass = false;
      const what = Math.floor(rnd() * 5);
      if (what === 0) headers[0][1] = sub(pick(BAD_HOSTS));
      else if (what === 1) {
        headers.push(['Origin', sub(pick(BAD_ORIGINS))]);
        status = 403;
      } else if (what === 2) {
        headers[2][1] = pick(BAD_LENGTHS);
        if (headers[2][1] === '999999999999') status = 413;
      } else if (what === 3) {
        headers.push(pick(JUNK_HEADERS));
        mayPass = true; // some junk is harmless (a non-ASCII value, Expect: 100-continue)
      } else {
        headers.push(['X-Big', 'b'.repeat(16_000 + Math.floor(rnd() * 80_000))]);
        status = 431;
      }
      if (what === 0 && headers[0][1] === goodHost) mayPass = true;
      cases.push({
        label: `POST settings:get with ${JSON.stringify(headers.slice(0, 1).concat(headers.slice(2))).slice(0, 200)}`,
        req: { head: head('POST /api/settings:get HTTP/1.1', headers) + '{}' },
        api: true,
        mayPass,
        status,
      });
    } else if (kind === 3) {
      // A broken request line: odd methods, versions, CR/LF and NUL in the target.
      const method = pick(METHODS);
      const version = pick(VERSIONS);
      const target = pick([
        '/api/settings:get',
        '/',
        '/%00',
        '/a\r\nX: y',
        '/a\nb',
        '/a\x00',
        '*',
        'http://evil/api/x',
        '',
      ]);
      const line = `${method} ${target} ${version}`.trimEnd();
      cases.push({
        label: JSON.stringify(line),
        req: {
          head: head(line, [
            ['Host', goodHost],
            ['Connection', 'close'],
          ]),
        },
        api: target.startsWith('/api'),
        mayPass: true, // e.g. "GET / HTTP/1.0" is a fine request
        headOnly: method === 'HEAD',
      });
    } else {
      // Bodies: chunked over the limit, broken chunking, or content-length games.
      const variant = Math.floor(rnd() * 4);
      const base: [string, string][] = [
        ['Host', goodHost],
        ['Authorization', `Bearer ${s.token}`],
        ['Connection', 'close'],
      ];
      if (variant === 0) {
        const pieces = 8 + Math.floor(rnd() * 10);
        const body = Buffer.alloc(10_000, 0x63);
        const more = Array.from({ length: pieces }, () =>
          Buffer.concat([Buffer.from('2710\r\n'), body, Buffer.from('\r\n')]),
        );
        cases.push({
          label: `chunked body of ${pieces * 10_000} bytes`,
          req: {
            head: head('POST /api/settings:get HTTP/1.1', [...base, ['Transfer-Encoding', 'chunked']]),
            more: [...more, '0\r\n\r\n'],
          },
          api: true,
          mayPass: false,
          status: 413,
        });
      } else if (variant === 1) {
        const junk = pick([
          'zz\r\n{}\r\n0\r\n\r\n',
          '2\r\n{}0\r\n\r\n',
          '-1\r\n\r\n',
          '2;x=\x00\r\n{}\r\n0\r\n\r\n',
        ]);
        cases.push({
          label: `broken chunking ${JSON.stringify(junk)}`,
          req: {
            head: head('POST /api/settings:get HTTP/1.1', [...base, ['Transfer-Encoding', 'chunked']]) + junk,
          },
          api: true,
          mayPass: false,
        });
      } else if (variant === 2) {
        cases.push({
          label: 'Content-Length with Transfer-Encoding',
          req: {
            head:
              head('POST /api/settings:get HTTP/1.1', [
                ...base,
                ['Content-Length', '2'],
                ['Transfer-Encoding', 'chunked'],
              ]) + '2\r\n{}\r\n0\r\n\r\n',
          },
          api: true,
          mayPass: false,
        });
      } else {
        cases.push({
          label: 'two Content-Length headers',
          req: {
            head:
              head('POST /api/settings:get HTTP/1.1', [
                ...base,
                ['Content-Length', '2'],
                ['Content-Length', '5'],
              ]) + '{}xyz',
          },
          api: true,
          mayPass: false,
        });
      }
    }
  }
  return cases;
}
