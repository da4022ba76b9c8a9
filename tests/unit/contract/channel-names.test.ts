// The plain list of channel names the preload uses must be the contract's channels, no more and no fewer.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src-main/shared/contract';
import { ALL_CHANNELS_LISTED, CHANNEL_NAMES } from '../../../src-main/shared/contract/channel-names';

describe('channel names', () => {
  it("lists exactly the contract's channels, in the contract's order", () => {
    expect([...CHANNEL_NAMES]).toEqual(CHANNELS);
    expect(ALL_CHANNELS_LISTED).toBe(true);
  });

  it('lists each channel once', () => {
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
  });
});
