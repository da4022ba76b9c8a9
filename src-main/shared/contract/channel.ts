// How a channel is declared: a zod schema for its argument, a phantom type for its result, and who may call it.
import type { z } from 'zod';

/**
 * Who may call a channel, checked by the router on every door before the handler runs.
 * - open: anyone holding the door's token (app info, sign-in);
 * - read: any signed-in user; write: users who may change data; admin: the administrator.
 * Ledger-level rules (own group, confidential ledgers) are checked by the ledger service, which knows the ledger.
 */
export type Access = 'open' | 'read' | 'write' | 'admin';

export interface ChannelDef<A extends z.ZodType = z.ZodType, R = unknown> {
  args: A;
  access: Access;
  /** Phantom: never read at run time, carries the result type. */
  result?: R;
}

export function channel<R>() {
  return <A extends z.ZodType>(args: A, access: Access): ChannelDef<A, R> => ({ args, access });
}
