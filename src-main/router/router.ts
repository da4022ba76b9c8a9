// The transport-agnostic router: every door (IPC, loopback HTTP, CLI) calls `call(channel, args, ctx)`.
// It refuses unknown channels, validates arguments against the contract, checks channel access, runs the
// handler and always answers with the result envelope; nothing is ever thrown across a door.
import type { z } from 'zod';
import { contract, isChannel } from '../shared/contract';
import type { Access, Channel, Handlers } from '../shared/contract';
import type { CallContext } from '../shared/context';
import { isAppFailure } from '../shared/result';
import type { AppError, FieldIssue, Result } from '../shared/result';
import type { Logger } from '../store';

/** Decides whether a context may use a channel of the given access level; null means yes. */
export type Authorizer = (access: Access, channel: Channel, ctx: CallContext) => AppError | null;

export interface RouterOptions {
  handlers: Handlers;
  logger: Logger;
  authorize: Authorizer;
}

export type Call = (channel: string, args: unknown, ctx: CallContext) => Promise<Result<unknown>>;

export function zodIssues(error: z.ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  return error.issues.map((i) => ({
    path: [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: i.message,
  }));
}

export function validationError(issues: FieldIssue[], what = '参数'): AppError {
  const first = issues[0];
  const where = first && first.path.length ? `（${first.path.join('.')}）` : '';
  return {
    code: 'validation',
    message: first ? `${what}有误${where}：${first.message}` : `${what}有误`,
    details: { issues },
  };
}

export function createRouter(opts: RouterOptions): Call {
  const { handlers, logger, authorize } = opts;
  return async function call(channel, args, ctx) {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: `未知的接口：${channel}` } };
    }
    const def = contract[channel];
    const denied = authorize(def.access, channel, ctx);
    if (denied) return { ok: false, error: denied };
    const parsed = def.args.safeParse(args ?? {});
    if (!parsed.success) return { ok: false, error: validationError(zodIssues(parsed.error)) };
    try {
      const handler = handlers[channel] as (a: unknown, c: CallContext) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data, ctx) };
    } catch (e) {
      if (isAppFailure(e))
        return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
      // Never echo an unexpected error's text to the caller: it may quote confidential record content.
      logger.error('接口处理出错', { channel, error: e instanceof Error ? e.stack : String(e) });
      return {
        ok: false,
        error: { code: 'internal', message: '操作未完成：程序内部出错，详情已写入日志。' },
      };
    }
  };
}
