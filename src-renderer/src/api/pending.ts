// The Word and Excel fragments' channels: screens call them by name, typed from the fragment files; until a
// fragment joins the one contract, a call resolves to a clear "not yet available" error instead of the router.
import { isChannel } from '../../../src-main/shared/contract';
import type { ArgsOf, Channel, ChannelDef, ResultOf } from '../../../src-main/shared/contract';
import type { excelContract } from '../../../src-main/shared/contract/excel';
import type { wordContract } from '../../../src-main/shared/contract/word';
import type { z } from 'zod';
import type { Result } from '../../../src-main/shared/result';
import { call } from './client';

export interface TemplateInfo {
  id: string;
  name: string;
  fileName?: string;
  isDefault?: boolean;
  builtIn?: boolean;
  addedAt?: string;
  createdAt?: string;
  warnings?: string[];
  placeholders?: string[];
}

export type {
  ImportPreview,
  ImportRowPreview,
  TemplateProblem,
} from '../../../src-main/shared/contract/excel';

type FromFragment<T> = {
  [C in keyof T]: T[C] extends ChannelDef<infer A, infer R> ? { args: z.input<A>; result: R } : never;
};

/** The fragment files exist: their own types are used even before they join the one contract. */
export type PendingChannels = FromFragment<typeof wordContract> & FromFragment<typeof excelContract>;
export type PendingName = keyof PendingChannels;
/** Once the fragment lands, the contract's own types take over (and a mismatch becomes a type error here). */
export type PArgs<C extends PendingName> = C extends Channel ? ArgsOf<C> : PendingChannels[C]['args'];
export type PResult<C extends PendingName> = C extends Channel ? ResultOf<C> : PendingChannels[C]['result'];

export function isAvailable(name: PendingName): boolean {
  return isChannel(name);
}

export async function callPending<C extends PendingName>(
  name: C,
  args: PArgs<C>,
): Promise<Result<PResult<C>>> {
  if (!isChannel(name)) {
    return {
      ok: false,
      error: { code: 'unknown_channel', message: `该功能（${name}）尚未在本版本中接入，请等待后续更新。` },
    };
  }
  const r = await call(name, args as never);
  return r as Result<PResult<C>>;
}

/** Template lists may come back as an array or as { templates }: accept both. */
export function templatesOf(data: unknown): TemplateInfo[] {
  if (Array.isArray(data)) return data as TemplateInfo[];
  if (data && typeof data === 'object' && Array.isArray((data as { templates?: unknown }).templates)) {
    return (data as { templates: TemplateInfo[] }).templates;
  }
  return [];
}
