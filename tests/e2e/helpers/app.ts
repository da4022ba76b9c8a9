// Starts the real app in web mode on a fresh data directory and a headless Chromium page pointed at it.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { ArgsOf, Channel, ResultOf } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/result';
import { launchChromium } from '../../helpers/chromium';
import { makeTempDir } from '../../helpers/temp-dir';
import { startWebServer } from '../../helpers/web-server';

export const SHOTS_DIR = '/tmp/shots';

type Server = Awaited<ReturnType<typeof startWebServer>>;

export interface E2EApp {
  url: string;
  browser: Browser;
  page: Page;
  /** The in-process app behind the web door: `server.app.call`, `server.app.security`. */
  server: Server;
  /** Calls a channel over the same web door, as the page does (for assertions). */
  api<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>>;
  apiRaw(channel: string, args: unknown): Promise<Result<unknown>>;
  /**
   * Once accounts are enabled: signs the helper's own API calls in as this user (a session of its own, apart from
   * the page's), so api() can read for assertions.
   */
  signInApi(username: string, password: string): Promise<void>;
  /** Page errors collected so far (uncaught exceptions, console errors). */
  errors: string[];
  close(): Promise<void>;
}

export async function startE2E(opts: { demo?: boolean } = {}): Promise<E2EApp> {
  const tmp = makeTempDir('campaign-desk-e2e-');
  const server = await startWebServer({ dataDir: tmp.dir, demo: opts.demo });
  const browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  mkdirSync(SHOTS_DIR, { recursive: true });
  const base = new URL(server.url);
  let session: string | null = null;
  const apiRaw = async (channel: string, args: unknown): Promise<Result<unknown>> => {
    const res = await fetch(`${base.origin}/api/${channel}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${server.token}`,
        ...(session ? { 'X-Session': session } : {}),
      },
      body: JSON.stringify(args),
    });
    return (await res.json()) as Result<unknown>;
  };
  const api = async <C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> => {
    const r = await apiRaw(channel, args);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.data;
  };
  await page.goto(server.url);
  return {
    url: server.url,
    browser,
    page,
    server,
    api,
    apiRaw,
    async signInApi(username, password) {
      session = null;
      session = (await api('auth:signIn', { username, password })).sessionId;
    },
    errors,
    async close() {
      await browser.close();
      await server.close();
      tmp.remove();
    },
  };
}
