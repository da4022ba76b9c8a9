// An address printed by an earlier start (its token is not this run's) gets a Chinese page saying to open the
// new address from the terminal — no status code, no English, never the current token. Everything else is as
// before: the right address and a bare "/" serve the app, the API still refuses the old token with 401.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../../src-main/doors/http/web-server';
import type { WebServer } from '../../../src-main/doors/http/web-server';
import { makeTempDir } from '../../helpers/temp-dir';

let server: WebServer;
const staticDir = makeTempDir('renderer-');

beforeAll(async () => {
  writeFileSync(path.join(staticDir.dir, 'index.html'), '<!doctype html><title>教育整顿工作台</title>');
  server = await startWebServer({
    call: () => Promise.resolve({ ok: true, data: null }),
    staticDir: staticDir.dir,
  });
});
afterAll(async () => {
  await server.close();
  staticDir.remove();
});

const get = (target: string, method = 'GET') => fetch(`http://127.0.0.1:${server.port}${target}`, { method });

describe('an address from an earlier start', () => {
  it('gets the Chinese page to open the new address, with no code, no English and no token', async () => {
    for (const target of ['/?token=OLD-TOKEN-from-yesterday', '/index.html?x=1&token=abc#/ledger/meetings']) {
      const res = await get(target);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('访问地址已失效');
      expect(html).toContain('终端');
      expect(html).toContain('没有丢失');
      expect(html).not.toContain(server.token);
      const text = html.replace(/<[^>]+>/g, '').replace(/http:\/\/127\.0\.0\.1:|\?token=|npm run web/g, '');
      expect(text).not.toMatch(/[A-Za-z]{3,}|401/);
    }
    expect((await get('/?token=OLD', 'HEAD')).status).toBe(401);
  });

  it('serves the app for the current address and for a bare "/", and leaves the API door as it was', async () => {
    expect(await (await get(`/?token=${server.token}`)).text()).toContain('<title>教育整顿工作台</title>');
    expect(await (await get('/')).text()).toContain('<title>教育整顿工作台</title>');
    const api = await fetch(`http://127.0.0.1:${server.port}/api/app:info`, {
      method: 'POST',
      headers: { Authorization: 'Bearer OLD', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
