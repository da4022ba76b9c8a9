// Opens the app for one CLI command and closes it afterwards, so the data directory lock is held only while the
// command runs. Failures come back as Chinese messages on stderr and a non-zero exit code.
// The app (store, services, docx, exceljs, zod…) is imported here, when a command runs, never at start-up:
// `campaign-desk --help` or a mistyped command loads commander and the command list only.
import path from 'node:path';
import type { Command } from 'commander';
import type { App } from '../../app/create-app';
import { createFileLogger } from '../../app/logger';
import type { CallContext } from '../../shared/context';
import type { ArgsOf, Channel, ResultOf } from '../../shared/contract';
import { resolveDataDir } from '../../store/data-dir';
import { readPassword } from './password-prompt';

export const cliCtx: CallContext = { door: 'cli', user: null, sessionId: `cli-${process.pid}` };

export function dataDirOf(cmd: Command): string {
  const opts = cmd.optsWithGlobals<{ dataDir?: string }>();
  return path.resolve(opts.dataDir ?? resolveDataDir({ argv: [], env: process.env }));
}

/** Once accounts exist, the CLI signs in like every other door: --user plus a password. */
async function signIn(app: App, cmd: Command): Promise<CallContext> {
  if (!app.security.accountsEnabled()) return cliCtx;
  const { user } = cmd.optsWithGlobals<{ user?: string }>();
  if (!user)
    throw new Error(
      '该数据目录已启用账户：请用 --user 用户名 登录（密码在提示时输入，或放在环境变量 CAMPAIGN_DESK_PASSWORD 中）',
    );
  const password = await readPassword(`用户 ${user} 的密码：`);
  const r = await app.call('auth:signIn', { username: user, password }, cliCtx);
  if (!r.ok) throw new Error(r.error.message);
  const { sessionId } = r.data as { sessionId: string };
  return app.security.sessions.contextFor('cli', sessionId, cliCtx.sessionId);
}

export async function withApp<T>(cmd: Command, fn: (app: App, call: CliCall) => Promise<T>): Promise<T> {
  const dataDir = dataDirOf(cmd);
  const { createApp } = await import('../../app/create-app');
  const app = await createApp({ dataDir, owner: 'cli', logger: createFileLogger(dataDir) });
  let ctx = cliCtx;
  const call: CliCall = async (channel, args) => {
    const r = await app.call(channel, args, ctx);
    if (!r.ok) {
      const issues = r.error.details?.issues?.map((i) => `  - ${i.path.join('.')}：${i.message}`).join('\n');
      throw new Error(`${r.error.message}${issues ? `\n${issues}` : ''}`);
    }
    return r.data;
  };
  try {
    ctx = await signIn(app, cmd);
    return await fn(app, call);
  } finally {
    if (ctx !== cliCtx) await app.call('auth:signOut', {}, ctx);
    await app.close();
  }
}

export type CliCall = <C extends Channel>(channel: C, args: ArgsOf<C>) => Promise<ResultOf<C>>;
