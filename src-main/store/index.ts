// Public surface of the store: the only module that writes the data directory.
export { Store, StoreWriteError, type BackupCheck, type RestoreOutcome } from './store';
export {
  BackupWriteError,
  BadBackupError,
  StoreLockedError,
  StoreCorruptError,
  StoreVersionError,
  type LockInfo,
} from './errors';
export { resolveDataDir, defaultDataDir, DATA_DIR_ENV, type DataDirInputs } from './data-dir';
export type { BackupEntry } from './backup-files';
export type { CheckedBundle } from './bundle-check';
export { REPAIR_KINDS } from './types';
export type { CollectionSpec, Logger, Migration, StoreNotice, StoreOptions, VerifyResult } from './types';
