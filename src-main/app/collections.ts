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
        const r = SettingsSchema.safeParse(withLists);
        if (!r.success) throw new Error(`设置文件内容无效：${r.error.issues[0]?.message ?? ''}`);
        return r.data;
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
