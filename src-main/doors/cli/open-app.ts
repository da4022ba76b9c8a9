// Opens the app for one CLI command and closes it afterwards, so the data directory lock is held only while the
// command runs. Failures come back as Chinese messages on stderr and a non-zero exit code.
import path from 'node:path';
import type { Command } from 'commander';
import { createApp } from '../../app/create-app';
import type { App } from '../../app/create-app';
import { createFileLogger } from '../../app/logger';
import type { CallContext } from '../../shared/context';
import type { ArgsOf, Channel, ResultOf } from '../../shared/contract';
import { resolveDataDir } from '../../store';

export const cliCtx: CallContext = { door: 'cli', user: null, sessionId: `cli-${process.pid}` };

export function dataDirOf(cmd: Command): string {
  const opts = cmd.optsWithGlobals<{ dataDir?: string }>();
  return path.resolve(opts.dataDir ?? resolveDataDir({ argv: [], env: process.env }));
}

export async function withApp<T>(cmd: Command, fn: (app: App, call: CliCall) => Promise<T>): Promise<T> {
  const dataDir = dataDirOf(cmd);
  const app = await createApp({ dataDir, owner: 'cli', logger: createFileLogger(dataDir) });
  const call: CliCall = async (channel, args) => {
    const r = await app.call(channel, args, cliCtx);
    if (!r.ok) {
      const issues = r.error.details?.issues?.map((i) => `  - ${i.path.join('.')}：${i.message}`).join('\n');
      throw new Error(`${r.error.message}${issues ? `\n${issues}` : ''}`);
    }
    return r.data as never;
  };
  try {
    return await fn(app, call);
  } finally {
    await app.close();
  }
}

export type CliCall = <C extends Channel>(channel: C, args: ArgsOf<C>) => Promise<ResultOf<C>>;
