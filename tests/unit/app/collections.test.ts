// The settings check on open: complete settings come back as the very object read, so opening the data directory
// (every CLI command does) writes nothing; settings missing a list added by a newer version still get it, and
// are written back; a caller's own object is never kept, since storing it would freeze what it shares.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectionSpecs } from '../../../src-main/app/collections';
import { SETTINGS_COLLECTION } from '../../../src-main/services/settings-service';
import { deepFreeze } from '../../../src-main/store/json-encoding';
import { DEFAULT_CHOICE_LISTS } from '../../../src-main/shared/choices';
import type { Settings } from '../../../src-main/shared/settings';
import { openTestApp } from '../../helpers/test-app';
import { makeTempDir } from '../../helpers/temp-dir';

const spec = collectionSpecs(() => '2026-04-20')[SETTINGS_COLLECTION];
const validate = (v: unknown) => spec.validate!(v) as Settings;

describe('settings checked on open', () => {
  /** Settings as the store reads them from disk: parsed from JSON, deep-frozen. */
  const read = () => {
    const stored = JSON.parse(JSON.stringify(validate(spec.default()))) as Settings;
    deepFreeze(stored);
    return stored;
  };

  it('returns the settings read as they are when the check changes nothing', () => {
    const stored = read();
    expect(validate(stored)).toBe(stored);
  });

  it('fills in a list a newer version added, as a new value to write back', () => {
    const stored = structuredClone(read());
    const [added] = Object.keys(DEFAULT_CHOICE_LISTS);
    delete stored.choiceLists[added];
    deepFreeze(stored);
    const checked = validate(stored);
    expect(checked).not.toBe(stored);
    expect(checked.choiceLists[added]).toEqual(DEFAULT_CHOICE_LISTS[added]);
  });

  it('returns a copy of a caller’s own settings, which may share parts with other objects', () => {
    const own = spec.default() as Settings;
    const checked = validate(own);
    expect(checked).not.toBe(own);
    expect(checked).toEqual(own);
  });

  it('reopening a data directory rewrites none of its files', async () => {
    const tmp = makeTempDir();
    try {
      await (await openTestApp({ dir: tmp.dir })).close();
      const stamps = () =>
        Object.fromEntries(
          readdirSync(tmp.dir)
            .filter((f) => f.endsWith('.json'))
            .map((f) => [f, statSync(path.join(tmp.dir, f)).mtimeMs]),
        );
      const before = stamps();
      expect(Object.keys(before)).toContain(`${SETTINGS_COLLECTION}.json`);
      await (await openTestApp({ dir: tmp.dir })).close();
      expect(stamps()).toEqual(before);
    } finally {
      tmp.remove();
    }
  });
});
