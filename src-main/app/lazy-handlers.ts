// Handlers whose module loads on the first call: Word (docx) and Excel (exceljs) are about two thirds of the
// program's code, and most runs (a CLI command, web mode's first screen) never call them. The channel names come
// from the contract fragment, so the router sees every handler from the start and the types stay exact.
import type { Channel, HandlersFor } from '../shared/contract';

/**
 * One stand-in per channel; the first call of any of them loads `load()` once, later calls reuse it. A load that
 * fails (a missing file in a broken install) is tried again on the next call rather than remembered.
 */
export function lazyHandlers<K extends Channel>(
  channels: readonly K[],
  load: () => Promise<HandlersFor<K>>,
): HandlersFor<K> {
  let loading: Promise<HandlersFor<K>> | undefined;
  const loaded = () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
  const handlers = {} as Record<K, (args: never, ctx: never) => Promise<unknown>>;
  for (const c of channels) {
    handlers[c] = async (args, ctx) => {
      const real = (await loaded())[c] as (args: never, ctx: never) => Promise<unknown>;
      return real(args, ctx);
    };
  }
  return handlers as unknown as HandlersFor<K>;
}

/** The channel names of a contract fragment, typed as its keys. */
export function channelsOf<T extends Partial<Record<Channel, unknown>>>(fragment: T): (keyof T & Channel)[] {
  return Object.keys(fragment) as (keyof T & Channel)[];
}
