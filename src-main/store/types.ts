// Public types of the store: collection specs, migrations, options and the notices shown to the user.

export interface Logger {
  info(msg: string, meta?: object): void;
  warn(msg: string, meta?: object): void;
  error(msg: string, meta?: object): void;
}

export interface CollectionSpec<T = unknown> {
  default: () => T;
  /**
   * Throws an Error with a Chinese message if invalid; returns the value to store. Runs on every save of the
   * collection, so keep it linear and cheap for big arrays, and return the SAME element objects when they are
   * valid: elements that are new objects lose their cached encoding and are re-serialized on every save.
   */
  validate?: (value: unknown) => T;
}

export interface Migration {
  to: number;
  description: string;
  /** Receives a private deep copy of every collection (mutating it is fine); returns the collections at `to`. */
  up: (collections: Record<string, unknown>) => Record<string, unknown>;
}

export interface StoreOptions {
  dataDir: string;
  collections: Record<string, CollectionSpec>;
  migrations?: Migration[];
  schemaVersion: number;
  now?: () => Date;
  logger?: Logger;
  /** Who opens the directory, e.g. 'desktop' | 'web' | 'cli'; shown to another program that finds it locked. */
  owner?: string;
  /** Automatic backups kept in <dataDir>/backups; default 30. */
  maxBackups?: number;
}

export interface StoreNotice {
  /**
   * Repairs made while opening: 'restored' (a damaged or lost file taken from a backup), 'quarantined' (moved aside,
   * nothing to take its place), 'repaired' (rebuilt without losing data, e.g. meta.json). Not repairs: 'migrated',
   * 'created', 'backup_restored' (the user restored a backup on purpose), 'lock_lost' (another program took the data
   * directory over while this one ran; saving has stopped).
   */
  kind: 'restored' | 'quarantined' | 'repaired' | 'migrated' | 'created' | 'backup_restored' | 'lock_lost';
  /** Chinese: what happened and from when the data now is. */
  message: string;
  at: string;
  file?: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Chinese, one sentence each. */
  problems: string[];
}

/** Notice kinds that say the data directory needed a repair: `verify` reports them, the banner keeps them. */
export const REPAIR_KINDS: ReadonlySet<StoreNotice['kind']> = new Set([
  'restored',
  'quarantined',
  'repaired',
]);
