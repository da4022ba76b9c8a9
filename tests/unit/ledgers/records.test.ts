// Every ledger's record schema: a valid record passes, each edge case fails with a Chinese message at the
// right field, and a choice removed from its list stays valid on the record that already had it.
import { describe, expect, it } from 'vitest';
import { LEDGERS } from '../../../src-main/shared/ledgers';
import { buildRecordSchema } from '../../../src-main/shared/ledgers/schema';
import { LEDGER_KEYS } from '../../../src-main/shared/ledgers/types';
import type { LedgerKey } from '../../../src-main/shared/ledgers/types';
import { CASES, ctx, VALID } from './fixtures';

function parse(key: LedgerKey, record: Record<string, unknown>, c = ctx()) {
  return buildRecordSchema(LEDGERS[key], c).safeParse(record);
}

describe.each(LEDGER_KEYS)('%s ledger schema', (key) => {
  it('accepts a complete valid record', () => {
    const r = parse(key, VALID[key]);
    expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
  });

  it('accepts the record with every optional field cleared', () => {
    const def = LEDGERS[key];
    const cleared = Object.fromEntries(
      Object.entries(VALID[key]).map(([k, v]) => {
        const f = def.fields.find((x) => x.key === k);
        return [k, f && !f.required ? '' : v];
      }),
    );
    // "" from a cleared input means "not filled": the only complaints left are rules tying an optional
    // field to a status (a done date for 已完成), and those speak Chinese at that field.
    const r = parse(key, cleared);
    for (const i of r.error?.issues ?? []) {
      expect(LEDGERS[key].fields.find((f) => f.key === i.path[0])?.required).not.toBe(true);
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(CASES[key])('rejects %s', (_what, patch, path, message) => {
    const r = parse(key, { ...VALID[key], ...patch });
    expect(r.success).toBe(false);
    const issues = r.error?.issues ?? [];
    const at = issues.filter((i) => i.path[0] === path);
    expect(at.length, `没有在 ${path} 报错：${JSON.stringify(issues)}`).toBeGreaterThan(0);
    expect(at.some((i) => i.message.includes(message))).toBe(true);
    for (const i of issues) expect(i.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('rejects a field the ledger does not have', () => {
    const r = parse(key, { ...VALID[key], notAField: 1 });
    expect(r.success).toBe(false);
  });
});

describe('choices removed from a list later', () => {
  const choiceFields = LEDGER_KEYS.flatMap((key) =>
    LEDGERS[key].fields
      .filter((f) => (f.type === 'choice' || f.type === 'multiChoice') && VALID[key][f.key] !== undefined)
      .map((f) => [key, f.key, f.choiceList ?? ''] as const),
  );

  it('covers a choice field in every ledger that has one', () => {
    const withChoices = LEDGER_KEYS.filter((k) =>
      LEDGERS[k].fields.some((f) => f.type === 'choice' || f.type === 'multiChoice'),
    );
    expect(withChoices).not.toContain('materials');
    expect(new Set(choiceFields.map(([k]) => k))).toEqual(new Set(withChoices));
  });

  it.each(choiceFields)('%s.%s stays valid on the record that had it', (key, field, list) => {
    const value = VALID[key][field];
    const removed: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
    const c = ctx();
    c.choiceLists[list] = c.choiceLists[list].filter((v) => v !== removed);
    // A new record may no longer use the removed value …
    const fresh = parse(key, VALID[key], c);
    expect(fresh.success).toBe(false);
    expect(fresh.error?.issues.some((i) => i.path[0] === field)).toBe(true);
    // … but the record that already holds it can still be saved.
    const kept = parse(key, VALID[key], { ...c, previous: { ...VALID[key] } });
    expect(kept.success, JSON.stringify(kept.error?.issues)).toBe(true);
  });
});
