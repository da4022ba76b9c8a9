// The store's collections and their cheap structural checks. Record-level validation happens in the services
// before a write; these checks only guard the files themselves on open and restore.
import { LEDGER_KEYS } from '../shared/ledgers/types';
import { SettingsSchema, defaultSettings } from '../shared/settings';
import { DEFAULT_CHOICE_LISTS } from '../shared/choices';
import type { CollectionSpec } from '../store';
import { ledgerCollection } from '../services/ledger-service';
import { SETTINGS_COLLECTION } from '../services/settings-service';
import { NOTES_COLLECTION } from '../services/report-notes-service';
import { RETURNS_COLLECTION, TASKS_COLLECTION } from '../services/returns-service';
import { MERGE_MARKS, UNIT_IDENTITY, UNIT_KEYS } from '../services/exchange/exchange-service';
import { securityCollectionSpecs } from '../auth/collections';

export const SCHEMA_VERSION = 1;

function arrayOfObjects(name: string) {
  return (value: unknown) => {
    if (
      !Array.isArray(value) ||
      value.some((r) => typeof r !== 'object' || r === null || typeof (r as { id?: unknown }).id !== 'string')
    ) {
      throw new Error(`${name}的数据格式不正确：应为带编号的记录列表`);
    }
    return value as unknown[];
  };
}

export function collectionSpecs(today: () => string): Record<string, CollectionSpec> {
  const specs: Record<string, CollectionSpec> = {
    [SETTINGS_COLLECTION]: {
      default: () => defaultSettings(today()),
      validate: (v) => {
        // Lists added by a newer version appear with their defaults; the office's own edits are kept.
        const withLists =
          v && typeof v === 'object' && 'choiceLists' in v
            ? {
                ...v,
                choiceLists: { ...DEFAULT_CHOICE_LISTS, ...(v as { choiceLists: object }).choiceLists },
              }
            : v;
        // One parse per open or save: zod's compiled fast path would cost more to build than it saves.
        const r = SettingsSchema.safeParse(withLists, { jitless: true });
        if (!r.success) throw new Error(`设置文件内容无效：${r.error.issues[0]?.message ?? ''}`);
        // Settings as read (the store hands them over frozen) stay the same object when parsing changed nothing:
        // zod always returns a new one, and the store writes a new value back, so an open with nothing to fill in
        // (every CLI command) would rewrite settings.json. A caller's own object is never kept: it may share parts
        // with others (defaultSettings' groups) that storing it would freeze.
        return Object.isFrozen(v) && JSON.stringify(r.data) === JSON.stringify(v) ? v : r.data;
      },
    },
    templates: { default: () => [], validate: arrayOfObjects('模板') },
    [NOTES_COLLECTION]: { default: () => [], validate: arrayOfObjects('报告文字') },
    [TASKS_COLLECTION]: { default: () => [], validate: arrayOfObjects('报送任务') },
    [RETURNS_COLLECTION]: { default: () => [], validate: arrayOfObjects('报送记录') },
    [UNIT_KEYS]: { default: () => [], validate: arrayOfObjects('单位密钥') },
    [UNIT_IDENTITY]: { default: () => [], validate: arrayOfObjects('本单位身份') },
    [MERGE_MARKS]: { default: () => [], validate: arrayOfObjects('报送包合并记录') },
  };
  for (const key of LEDGER_KEYS) {
    specs[ledgerCollection(key)] = { default: () => [], validate: arrayOfObjects(`台账 ${key} `) };
  }
  // Accounts, wrapped clue keys and the encrypted clue records (users, vault, vault-clues).
  Object.assign(specs, securityCollectionSpecs());
  return specs;
}
