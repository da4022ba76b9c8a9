// Handlers whose module loads on first use: present from the start, loaded once, a failed load tried again.
import { describe, expect, it, vi } from 'vitest';
import { lazyHandlers } from '../../../src-main/app/lazy-handlers';
import type { HandlersFor } from '../../../src-main/shared/contract';
import type { CallContext } from '../../../src-main/shared/context';

const ctx: CallContext = { door: 'internal', user: null, sessionId: 't' };
type Notes = 'report:notes:get' | 'report:notes:save';
const CHANNELS: Notes[] = ['report:notes:get', 'report:notes:save'];

function realHandlers(): HandlersFor<Notes> {
  return {
    'report:notes:get': vi.fn(async () => ({ notes: null, latest: null }) as never),
    'report:notes:save': vi.fn(async () => ({ saved: true }) as never),
  };
}

describe('lazy handlers', () => {
  it('has every channel before anything loads, and loads nothing until a call', () => {
    const load = vi.fn(async () => realHandlers());
    const handlers = lazyHandlers(CHANNELS, load);
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    expect(load).not.toHaveBeenCalled();
  });

  it('loads once for concurrent and later calls, and passes arguments and answers through', async () => {
    const real = realHandlers();
    const load = vi.fn(async () => real);
    const handlers = lazyHandlers(CHANNELS, load);
    const args = { from: '2026-04-01', to: '2026-04-30' } as never;
    const [a, b] = await Promise.all([
      handlers['report:notes:get'](args, ctx),
      handlers['report:notes:save'](args, ctx),
    ]);
    await handlers['report:notes:get'](args, ctx);
    expect(load).toHaveBeenCalledTimes(1);
    expect(a).toEqual({ notes: null, latest: null });
    expect(b).toEqual({ saved: true });
    expect(real['report:notes:get']).toHaveBeenCalledWith(args, ctx);
  });

  it('tries a failed load again on the next call instead of remembering the failure', async () => {
    const load = vi
      .fn<() => Promise<HandlersFor<Notes>>>()
      .mockRejectedValueOnce(new Error('模块缺失'))
      .mockResolvedValue(realHandlers());
    const handlers = lazyHandlers(CHANNELS, load);
    await expect(handlers['report:notes:get']({} as never, ctx)).rejects.toThrow('模块缺失');
    await expect(handlers['report:notes:get']({} as never, ctx)).resolves.toEqual({
      notes: null,
      latest: null,
    });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
