// Counting by meaning, not by label: which edits of a choice list are renames, how labels resolve to their
// meaning tags, that renaming every option changes no number, and that each indicator declares exactly the
// options it counts by (the basis 设置 warns about).
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../src-main/demo';
import {
  ChoiceMeanings,
  editedInPlace,
  followFourForms,
  followRenames,
} from '../../../src-main/shared/choice-meanings';
import type { ChoiceBasis } from '../../../src-main/shared/choice-meanings';
import { DEFAULT_CHOICE_LISTS, DEFAULT_CHOICES, DEFAULT_FOUR_FORMS } from '../../../src-main/shared/choices';
import type { ChoiceListKey, DefaultChoice } from '../../../src-main/shared/choices';
import { LEDGERS } from '../../../src-main/shared/ledgers';
import type { LedgerKey, LedgerRecord } from '../../../src-main/shared/ledgers/types';
import { LEDGER_KEYS } from '../../../src-main/shared/ledgers/types';
import {
  CATALOG,
  catalog,
  clueMatrix,
  computeDashboard,
  computeIndicators,
  perUnitIndicators,
} from '../../../src-main/stats';
import type { StatsInput } from '../../../src-main/stats';
import { StatsIndex } from '../../../src-main/stats/stats-index';
import { INPUT, PERIOD } from './dataset';

const renamed = (label: string) => `${label}（新）`;

describe('editedInPlace', () => {
  it.each([
    ['a line edited where it stands', ['甲', '乙', '丙'], ['甲', '乙二', '丙'], [['乙', '乙二']]],
    ['an edit below a line inserted above', ['甲', '乙'], ['新', '甲', '乙二'], [['乙', '乙二']]],
    ['an edit next to a deletion', ['甲', '乙', '丙'], ['乙二', '丙'], [['甲', '乙二']]],
    ['lines moved, none edited', ['甲', '乙', '丙'], ['丙', '甲', '乙'], []],
    ['an edit among moved lines (not in place)', ['甲', '乙', '丙', '丁'], ['丁', '乙二', '丙', '甲'], []],
    ['a line deleted, another added elsewhere', ['甲', '乙', '丙'], ['甲', '丙', '丁'], []],
    ['a line deleted', ['甲', '乙', '丙'], ['甲', '丙'], []],
    [
      'two lines edited together',
      ['甲', '乙', '丙'],
      ['甲一', '乙一', '丙'],
      [
        ['甲', '甲一'],
        ['乙', '乙一'],
      ],
    ],
    ['an edit and a line added after it', ['甲', '乙'], ['甲', '乙二', '丁'], [['乙', '乙二']]],
  ])('pairs %s', (_what, before, after, pairs) => {
    expect(editedInPlace(before, after)).toEqual(pairs);
  });
});

describe('ChoiceMeanings', () => {
  const m = new ChoiceMeanings({
    meetingType: { 领导小组会议: ['领导小组全体会议', '领导小组会议'] },
    taskStatus: { 已完成: ['已办完', '已完成'] },
  });

  it('reads a renamed option under its new and its former label, and untouched options as before', () => {
    expect(m.is('meetingType', '领导小组会议', '领导小组会议')).toBe(true);
    expect(m.is('meetingType', '领导小组全体会议', '领导小组会议')).toBe(true);
    expect(m.is('meetingType', '领导小组办公室会议', '领导小组办公室会议')).toBe(true);
    expect(m.is('meetingType', '领导小组全体会议', '领导小组办公室会议')).toBe(false);
    expect(m.isAny('taskStatus', '已办完', ['已完成', '已销号'])).toBe(true);
    expect(m.isAny('taskStatus', '推进中', ['已完成', '已销号'])).toBe(false);
    expect(m.tagOf('meetingType', '专题会议')).toBeUndefined(); // an option the office added carries no tag
    expect(m.tagOf('meetingType', undefined)).toBeUndefined();
  });

  it('names the current label and the former ones', () => {
    expect(m.labelOf('meetingType', '领导小组会议')).toBe('领导小组全体会议');
    expect(m.current('meetingType', '领导小组会议')).toBe('领导小组全体会议');
    expect(m.current('meetingType', '专题会议')).toBe('专题会议');
    expect(m.formerLabels('meetingType', '领导小组全体会议')).toEqual(['领导小组会议']);
    expect(m.formerLabels('meetingType', '领导小组会议')).toEqual([]);
  });

  it('gives a label to the option that goes by it now before the one that went by it once', () => {
    // 领导小组会议 became 甲; then 领导小组办公室会议 was renamed to the free name 领导小组会议.
    const swapped = new ChoiceMeanings({
      meetingType: {
        领导小组会议: ['甲', '领导小组会议'],
        领导小组办公室会议: ['领导小组会议', '领导小组办公室会议'],
      },
    });
    expect(swapped.tagOf('meetingType', '领导小组会议')).toBe('领导小组办公室会议');
    expect(swapped.tagOf('meetingType', '甲')).toBe('领导小组会议');
  });
});

describe('followRenames and followFourForms', () => {
  it('moves a tag along a chain of renames, keeping every former label, and leaves untagged options alone', () => {
    const lists0 = { meetingType: [...DEFAULT_CHOICES.meetingType, '专题会议'] };
    const lists1 = { meetingType: lists0.meetingType.map((l) => (l === '领导小组会议' ? '甲' : l)) };
    const step1 = followRenames({}, lists0, lists1);
    expect(step1.renames).toEqual([
      { list: 'meetingType', tag: '领导小组会议', from: '领导小组会议', to: '甲' },
    ]);
    const lists2 = {
      meetingType: lists1.meetingType.map((l) => (l === '甲' ? '乙' : l === '专题会议' ? '专题会' : l)),
    };
    const step2 = followRenames(step1.map, lists1, lists2);
    expect(step2.map).toEqual({ meetingType: { 领导小组会议: ['乙', '甲', '领导小组会议'] } });
    // Renamed back: the default label is current again, the others stay as former labels.
    const lists3 = { meetingType: lists2.meetingType.map((l) => (l === '乙' ? '领导小组会议' : l)) };
    expect(followRenames(step2.map, lists2, lists3).map).toEqual({
      meetingType: { 领导小组会议: ['领导小组会议', '乙', '甲'] },
    });
  });

  it('keeps a renamed outcome or sanction in its form and its place, and mends a stale mapping', () => {
    const before = {
      clueSanction: [...DEFAULT_CHOICES.clueSanction],
      clueOutcome: [...DEFAULT_CHOICES.clueOutcome],
    };
    const after = {
      ...before,
      clueSanction: before.clueSanction.map((l) => (l === '警告' ? '党内警告' : l)),
    };
    const { map } = followRenames({}, before, after);
    const forms = followFourForms({ ...DEFAULT_FOUR_FORMS }, map, after);
    expect(forms.党内警告).toBe(2);
    expect('警告' in forms).toBe(false);
    expect(Object.keys(forms).indexOf('党内警告')).toBe(Object.keys(DEFAULT_FOUR_FORMS).indexOf('警告'));
    // A form that still holds the old key (sent back by a page opened before the rename) is mended too.
    expect(followFourForms({ ...DEFAULT_FOUR_FORMS }, map, after)).toEqual(forms);
    expect(followFourForms(forms, map, after)).toBe(forms);
  });
});

/**
 * Every option of every list renamed; every other record keeps its old label, the others carry the new one
 * (`parity` says which: both are run, so every record is seen under its new label once).
 */
function renameEverything(input: StatsInput, parity = 1): StatsInput {
  const before = input.settings.choiceLists;
  const after = Object.fromEntries(Object.entries(before).map(([k, v]) => [k, v.map(renamed)]));
  const { map } = followRenames({}, before, after);
  const settings = {
    ...input.settings,
    choiceLists: after,
    choiceMeanings: map,
    fourForms: followFourForms(input.settings.fourForms, map, after),
  };
  const ledgers = Object.fromEntries(
    LEDGER_KEYS.map((key) => {
      const fields = LEDGERS[key].fields.filter((f) => f.choiceList);
      const rows = input.ledgers[key].map((r, i): LedgerRecord => {
        if (i % 2 !== parity) return r;
        const out: LedgerRecord = { ...r };
        for (const f of fields) {
          const v = r[f.key];
          if (typeof v === 'string') out[f.key] = renamed(v);
          else if (Array.isArray(v)) out[f.key] = v.map((x: string) => renamed(x));
        }
        return out;
      });
      return [key, rows];
    }),
  ) as StatsInput['ledgers'];
  return { settings, ledgers };
}

describe('renaming every option', () => {
  const demo = generateDemo();
  it.each([
    ['the hand-built dataset', INPUT, PERIOD],
    ['the demo', demo, { from: '2026-04-01', to: '2026-04-30' }],
  ] as const)('changes no indicator, per unit or not, on %s', (_name, input, query) => {
    for (const parity of [0, 1]) {
      const after = renameEverything(input, parity);
      expect(Object.keys(after.settings.choiceMeanings ?? {}).sort()).toEqual(
        Object.keys(DEFAULT_CHOICES).sort(),
      );
      expect(computeIndicators(after, query)).toEqual(computeIndicators(input, query));
      expect(perUnitIndicators(after, query)).toEqual(perUnitIndicators(input, query));
      expect(computeDashboard(after, query, '2026-04-28')).toEqual(
        computeDashboard(input, query, '2026-04-28'),
      );
    }
  });

  it('files the clue matrix under today’s labels', () => {
    const after = renameEverything(demo);
    const q = { from: demo.settings.campaignStart, to: '2026-05-31' };
    const old = clueMatrix(demo.ledgers.clues, q, demo.settings);
    const now = clueMatrix(after.ledgers.clues, q, after.settings);
    expect(now.rows.map((r) => r.source)).toEqual(old.rows.map((r) => renamed(r.source)));
    expect(now.rows.map((r) => Object.keys(r.byDisposition).sort())).toEqual(
      old.rows.map((r) => Object.keys(r.byDisposition).map(renamed).sort()),
    );
    const counts = (m: typeof old) =>
      m.rows.map((r) => [r.received, r.closed, r.filed, r.sanctioned, ...Object.values(r.byDisposition)]);
    expect(counts(now)).toEqual(counts(old));
    expect(old.rows.some((r) => r.closed > 0 && r.sanctioned > 0)).toBe(true);
  });
});

/** An index that notes every (list, tag) its indicator asks about. */
class RecordingIndex extends StatsIndex {
  readonly asked = new Set<string>();
  private note(list: string, tags: readonly string[]) {
    for (const t of tags) this.asked.add(`${list}:${t}`);
  }
  override is<K extends ChoiceListKey>(list: K, value: unknown, tag: DefaultChoice<K>): boolean {
    this.note(list, [tag]);
    return super.is(list, value, tag);
  }
  override isAny<K extends ChoiceListKey>(
    list: K,
    value: unknown,
    tags: readonly DefaultChoice<K>[],
  ): boolean {
    this.note(list, tags);
    return super.isAny(list, value, tags);
  }
  override withTag<K extends ChoiceListKey>(
    records: LedgerRecord[],
    list: K,
    field: string,
    tag: DefaultChoice<K>,
  ) {
    this.note(list, [tag]);
    return super.withTag(records, list, field, tag);
  }
  override isDone(ledger: LedgerKey, r: LedgerRecord): boolean {
    const done = LEDGERS[ledger].done;
    if (done) this.note(done.list, done.tags);
    return super.isDone(ledger, r);
  }
  override doneBy(ledger: LedgerKey, r: LedgerRecord, asOf: string): boolean {
    const done = LEDGERS[ledger].done;
    if (done) this.note(done.list, done.tags);
    return super.doneBy(ledger, r, asOf);
  }
}

describe('indicator basis', () => {
  const key = (b: ChoiceBasis) => `${b.list}:${b.tag}`;

  it('is exactly what each indicator asks about (on the hand-built dataset and the demo)', () => {
    const demo = generateDemo();
    for (const d of CATALOG) {
      const asked = new Set<string>();
      for (const [input, period] of [
        [INPUT, PERIOD],
        [demo, { from: '2026-04-01', to: '2026-04-30' }],
      ] as const) {
        for (const range of [period, { from: input.settings.campaignStart, to: period.to }]) {
          const ix = new RecordingIndex(input, {});
          d.run(ix, range);
          for (const a of ix.asked) asked.add(a);
        }
      }
      expect([...asked].sort(), d.name).toEqual((d.basis ?? []).map(key).sort());
    }
  });

  it('names real default options and crosses the catalog channel', () => {
    for (const d of CATALOG)
      for (const b of d.basis ?? []) expect(DEFAULT_CHOICE_LISTS[b.list], d.name).toContain(b.tag);
    const info = catalog().find((i) => i.name === '领导小组会议次数');
    expect(info?.basis).toEqual([{ list: 'meetingType', tag: '领导小组会议' }]);
    expect(() => structuredClone(catalog())).not.toThrow();
  });

  it('comes from the ledger definitions for done statuses, whose list is the status field’s own', () => {
    for (const def of Object.values(LEDGERS)) {
      if (!def.done) continue;
      const field = def.fields.find((f) => f.key === def.done?.field);
      expect(field?.choiceList, def.key).toBe(def.done.list);
      for (const tag of def.done.tags) expect(DEFAULT_CHOICE_LISTS[def.done.list]).toContain(tag);
    }
    expect(
      Object.values(LEDGERS)
        .filter((d) => d.done)
        .map((d) => d.key),
    ).toEqual(['tasks', 'clues', 'rectifications', 'opinions']);
  });
});
