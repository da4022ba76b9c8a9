// The memoized record schema gives exactly what the plain one gives: same data, same issues, same paths,
// whether a value is seen for the first time or the hundredth.
import { describe, expect, it } from 'vitest';
import { memoizeFields } from '../../../src-main/excel/memo-schema';
import { buildRecordSchema } from '../../../src-main/shared/ledgers/schema';
import { meetings } from '../../../src-main/shared/ledgers/meetings';
import { allTypes, allTypesRecords, editable, meetingRecords, testSettings } from './fixtures';

const settings = testSettings();
const ctx = {
  choiceLists: settings.choiceLists,
  unitIds: settings.units.map((u) => u.id),
  groupKeys: settings.groups.map((g) => g.key),
};

const variants = (r: Record<string, unknown>, i: number): Record<string, unknown>[] => [
  r,
  { ...r, type: '座谈会', kind: '座谈会' },
  { ...r, unit: 'nope', expected: -1, people: 1.5 },
  { ...r, date: '2026-02-30', title: '  ' },
  { ...r, present: 999, due: '2020-01-01' },
  { ...r, title: undefined, month: '2026-13' },
  { ...r, place: i, done: 'yes', extra: 1 },
];

describe('memoized record schema', () => {
  for (const [def, records] of [
    [meetings, meetingRecords(40)],
    [allTypes, allTypesRecords(40)],
  ] as const) {
    it(`matches the plain schema on valid and invalid ${def.label} records, twice over`, () => {
      const plain = buildRecordSchema(def, ctx);
      const memo = memoizeFields(buildRecordSchema(def, ctx));
      for (let pass = 0; pass < 2; pass++) {
        records.forEach((r, i) => {
          for (const input of variants(editable(def, r), i)) {
            const a = plain.safeParse(input);
            const b = memo.safeParse(input);
            expect(b.success).toBe(a.success);
            expect(b.data).toEqual(a.data);
            expect(b.error?.issues).toEqual(a.error?.issues);
          }
        });
      }
    });
  }
});
