// The ledger registry: every ledger is defined once, its definition is internally consistent (fields,
// headers, choice lists, links, dedupe keys), and the domain's specific requirements hold.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICE_LISTS } from '../../../src-main/shared/choices';
import { COMMON_FIELD_LABELS, LEDGERS, ledgerDef, ledgerList } from '../../../src-main/shared/ledgers';
import { LEDGER_KEYS } from '../../../src-main/shared/ledgers/types';

const CJK = /[\u4e00-\u9fff]/;
const COMMON_KEYS = ['group', 'unit', 'date', 'remarks'];

describe('ledger registry', () => {
  it('defines all 12 ledgers under their own keys, in LEDGER_KEYS order', () => {
    expect(ledgerList().map((d) => d.key)).toEqual([...LEDGER_KEYS]);
    for (const key of LEDGER_KEYS) expect(ledgerDef(key).key).toBe(key);
  });

  describe.each(LEDGER_KEYS)('%s', (key) => {
    const def = LEDGERS[key];
    const fieldKeys = def.fields.map((f) => f.key);

    it('has unique field keys that do not shadow the common fields', () => {
      expect(new Set(fieldKeys).size).toBe(fieldKeys.length);
      for (const k of [...COMMON_KEYS, 'id', 'rev']) expect(fieldKeys).not.toContain(k);
    });

    it('uses Chinese labels and import headers that cannot be confused within the ledger', () => {
      expect(def.label).toMatch(CJK);
      expect(def.dateLabel).toMatch(CJK);
      const headers = [
        def.dateLabel,
        ...(def.dateAliases ?? []),
        COMMON_FIELD_LABELS.group,
        COMMON_FIELD_LABELS.unit,
        COMMON_FIELD_LABELS.remarks,
        ...def.fields.flatMap((f) => [f.label, ...(f.aliases ?? [])]),
      ];
      const dupes = headers.filter((h, i) => headers.indexOf(h) !== i);
      expect(dupes).toEqual([]);
      for (const f of def.fields) expect(f.label).toMatch(CJK);
    });

    it('points choice fields at default lists and links at real ledgers', () => {
      for (const f of def.fields) {
        if (f.type === 'choice' || f.type === 'multiChoice')
          expect(DEFAULT_CHOICE_LISTS[f.choiceList ?? '']).toBeDefined();
        if (f.type === 'link' || f.type === 'links') expect(LEDGER_KEYS).toContain(f.linkTo);
      }
    });

    it('names real fields as title, status and dedupe keys', () => {
      expect(fieldKeys).toContain(def.titleField);
      if (def.statusField) expect(fieldKeys).toContain(def.statusField);
      expect(def.dedupeKeys.length).toBeGreaterThan(0);
      for (const k of def.dedupeKeys) expect([...fieldKeys, ...COMMON_KEYS]).toContain(k);
      expect(def.fields.find((f) => f.key === def.titleField)?.required).toBe(true);
    });

    it('shows every cross-field rule at one of its own fields', () => {
      for (const rule of def.rules ?? []) {
        expect([...fieldKeys, 'date']).toContain(rule.paths[0]);
        expect(rule.message).toMatch(CJK);
      }
    });
  });
});

describe('domain requirements', () => {
  const field = (key: (typeof LEDGER_KEYS)[number], name: string) =>
    LEDGERS[key].fields.find((f) => f.key === name);

  it('keeps clues confidential and the reporter protected', () => {
    expect(LEDGERS.clues.confidential).toBe(true);
    expect(field('clues', 'reporter')?.confidential).toBe(true);
    expect(field('clues', 'personName')?.confidential).not.toBe(true);
    for (const key of LEDGER_KEYS.filter((k) => k !== 'clues')) expect(LEDGERS[key].confidential).toBe(false);
  });

  it('links records for real', () => {
    expect(field('rectifications', 'rules')).toMatchObject({ type: 'links', linkTo: 'rules' });
    expect(field('inspections', 'unitsChecked')?.type).toBe('units');
    expect(field('tasks', 'responsibleUnit')?.type).toBe('unit');
    expect(field('tasks', 'leadGroup')?.type).toBe('group');
    expect(field('studies', 'audienceUnit')?.type).toBe('unit');
  });

  it('never repeats the common date as a ledger field', () => {
    for (const def of ledgerList()) {
      for (const f of def.fields) expect(f.label).not.toBe(def.dateLabel);
    }
  });

  it('uses the list of four-forms outcomes and sanctions for clues', () => {
    expect(field('clues', 'outcome')?.choiceList).toBe('clueOutcome');
    expect(field('clues', 'sanction')?.choiceList).toBe('clueSanction');
    expect(field('clues', 'caseFiled')?.type).toBe('bool');
  });

  it('gives bulletins their 报/送/发 lists and adoption', () => {
    for (const k of ['reportTo', 'sendTo', 'issueTo', 'adoptedBy'])
      expect(field('bulletins', k)?.type).toBe('textList');
    expect(field('bulletins', 'body')?.type).toBe('textarea');
    expect(field('bulletins', 'kind')?.choiceList).toBe('bulletinKind');
  });
});
