// The loopback HTTP door: token required, host checked, envelopes returned, renderer served with a CSP.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer } from '../../../src-main/doors/http/web-server';
import type { WebServer } from '../../../src-main/doors/http/web-server';
import { makeTempDir } from '../../helpers/temp-dir';
import { openTestApp, sampleMeeting, setUpOffice } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';

let t: TestApp;
let server: WebServer;
let staticDir: ReturnType<typeof makeTempDir>;

beforeEach(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  staticDir = makeTempDir('renderer-');
  writeFileSync(path.join(staticDir.dir, 'index.html'), '<!doctype html><title>教育整顿工作台</title>');
  mkdirSync(path.join(staticDir.dir, 'assets'));
  server = await startWebServer({ call: t.app.call, staticDir: staticDir.dir });
});
afterEach(async () => {
  await server.close();
  await t.close();
  staticDir.remove();
});

const api = (channel: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${server.port}/api/${channel}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });

describe('web mode API', () => {
  it('prints an address on 127.0.0.1 carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers 401 and does nothing without the token or with a wrong one', async () => {
    for (const token of [undefined, 'wrong-token']) {
      const res = await api('ledgers:create', { ledger: 'meetings', record: sampleMeeting() }, token);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
    expect((await t.ok('ledgers:list', { ledger: 'meetings' })).records).toHaveLength(0);
  });

  it('creates a record with the token and returns the envelope', async () => {
    const res = await api('ledgers:create', { ledger: 'meetings', record: sampleMeeting() }, server.token);
    const body = (await res.json()) as { ok: boolean; data: { title: string } };
    expect(body.ok).toBe(true);
    expect(body.data.title).toBe('教育整顿领导小组第一次会议');
  });

  it('names the offending field of an invalid argument and refuses unknown channels', async () => {
    const bad = (await (
      await api(
        'ledgers:create',
        { ledger: 'meetings', record: sampleMeeting({ expected: -1 }) },
        server.token,
      )
    ).json()) as {
      ok: boolean;
      error: { code: string; details: { issues: { path: string[]; message: string }[] } };
    };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('validation');
    expect(bad.error.details.issues[0]).toEqual({
      path: ['record', 'expected'],
      message: '应到人数不能小于0',
    });
    const unknown = (await (await api('ledgers:dropAll', {}, server.token)).json()) as {
      error: { code: string };
    };
    expect(unknown.error.code).toBe('unknown_channel');
  });

  it('refuses a request whose Host is not the loopback address (DNS rebinding)', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      import('node:http')
        .then(({ request }) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: server.port,
              path: '/api/settings:get',
              method: 'POST',
              headers: { Host: 'evil.example:80', Authorization: `Bearer ${server.token}` },
            },
            (r) => resolve(r.statusCode ?? 0),
          );
          req.on('error', reject);
          req.end('{}');
        })
        .catch(reject);
    });
    expect(res).toBe(421);
  });

  it('rejects a body that is not JSON', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/settings:get`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{not json',
    });
    expect(res.status).toBe(400);
  });

  it('serves the renderer with a Content-Security-Policy and never outside its folder', async () => {
    const page = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('教育整顿工作台');
    const escape = await fetch(`http://127.0.0.1:${server.port}/..%2f..%2fetc%2fpasswd`);
    expect([403, 404]).toContain(escape.status);
  });
});
