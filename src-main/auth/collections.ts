// The store collections accounts and the clue vault add: users, wrapped keys, the sealed copy of the account list
// (integrity), and one sealed collection per confidential ledger. The 操作日志 is not among them: it is its own
// append-only file (src-main/audit).
import type { CollectionSpec } from '../store';
import type { SealedBucket } from './sealed-repo';
import { CONFIDENTIAL_LEDGERS, sealedCollection } from './sealed-repo';
import { emptyIntegrity, INTEGRITY_COLLECTION, validateIntegrity } from './integrity';
import { USERS_COLLECTION, validateUsers } from './users';
import { emptyVault, VAULT_COLLECTION, validateVault } from './vault';

function validateSealed(value: unknown): SealedBucket[] {
  if (!Array.isArray(value)) throw new Error('加密的线索数据格式不正确：应为记录列表');
  for (const e of value as Partial<SealedBucket>[]) {
    if (
      typeof e?.id !== 'string' ||
      typeof e.iv !== 'string' ||
      typeof e.tag !== 'string' ||
      typeof e.data !== 'string'
    ) {
      throw new Error('加密的线索数据格式不正确：有记录不完整');
    }
  }
  return value as SealedBucket[];
}

export function securityCollectionSpecs(): Record<string, CollectionSpec> {
  const specs: Record<string, CollectionSpec> = {
    [USERS_COLLECTION]: { default: () => [], validate: validateUsers },
    [VAULT_COLLECTION]: { default: emptyVault, validate: validateVault },
    [INTEGRITY_COLLECTION]: { default: emptyIntegrity, validate: validateIntegrity },
  };
  for (const ledger of CONFIDENTIAL_LEDGERS)
    specs[sealedCollection(ledger)] = { default: () => [], validate: validateSealed };
  return specs;
}
