// The composition root: opens the store, builds every service in dependency order, and returns the router's
// `call` that all three doors (Electron IPC, loopback HTTP, CLI) share. Reads top to bottom; no DI framework.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Handlers } from '../shared/contract';
import type { CallContext } from '../shared/context';
import { localDate } from '../shared/dates';
import { LEDGER_KEYS } from '../shared/ledgers/types';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import { Store } from '../store';
import type { Logger } from '../store';
import { createRouter } from '../router/router';
import type { Call } from '../router/router';
import { createLedgerService, ledgerCollection } from '../services/ledger-service';
import { createSettingsService, SETTINGS_COLLECTION } from '../services/settings-service';
import { createCoreHandlers } from '../services/core-handlers';
import { createStatsHandlers, createStatsService } from '../services/stats-handlers';
import { createWordService } from '../services/word-service';
import { catalog } from '../stats';
import type { AccessPolicy, AuditSink, RecordRepository, ServiceContext } from '../services/service-context';
import { collectionSpecs, SCHEMA_VERSION } from './collections';
import { createFileLogger } from './logger';

export interface AppOptions {
  dataDir: string;
  /** Which program holds the data directory: shown to a second program that is refused. */
  owner: 'desktop' | 'web' | 'cli' | 'test';
  now?: () => Date;
  logger?: Logger;
  version?: string;
}

export interface App {
  call: Call;
  store: Store;
  dataDir: string;
  close(): Promise<void>;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

/** Until accounts exist everyone on this PC may do everything, as with the spreadsheets it replaces. */
const openPolicy: AccessPolicy = { canRead: () => true, canWrite: () => true, canSeeConfidentialFields: () => true };
const noAudit: AuditSink = { record: async () => {} };

export async function createApp(opts: AppOptions): Promise<App> {
  const now = opts.now ?? (() => new Date());
  const today = () => localDate(now());
  const logger = opts.logger ?? createFileLogger(opts.dataDir);
  const store = await Store.open({
    dataDir: opts.dataDir,
    collections: collectionSpecs(today),
    schemaVersion: SCHEMA_VERSION,
    migrations: [],
    now,
    logger,
    owner: opts.owner,
  });
  for (const n of store.notices) logger.warn(n.message, { kind: n.kind });

  const repo: RecordRepository = {
    all: (ledger) => store.get<LedgerRecord[]>(ledgerCollection(ledger)),
    write: async (ledger, fn) => {
      await store.update<LedgerRecord[]>(ledgerCollection(ledger), fn);
    },
  };
  const live = (ledger: LedgerKey) => repo.all(ledger).filter((r) => !r.deletedAt);
  const sc: ServiceContext = {
    store,
    repo,
    logger,
    policy: openPolicy,
    audit: noAudit,
    now,
    today,
    settings: () => store.get<Settings>(SETTINGS_COLLECTION),
    records: (ledger: LedgerKey, _ctx: CallContext) => live(ledger),
    allLiveRecords: () => Object.fromEntries(LEDGER_KEYS.map((k) => [k, live(k)])) as Record<LedgerKey, LedgerRecord[]>,
  };

  const ledgers = createLedgerService(sc);
  const settings = createSettingsService(sc, ledgers);
  const stats = createStatsService(sc);

  const handlers: Handlers = {
    ...createCoreHandlers(sc, {
      ledgers,
      settings,
      appInfo: { name: '教育整顿工作台', version: opts.version ?? packageVersion(), dataDir: opts.dataDir, accountsEnabled: () => false },
    }),
    ...createStatsHandlers(sc, stats),
    ...createWordService(sc, { computeValues: stats.computeValues, catalog }),
  };
  const call = createRouter({ handlers, logger, authorize: () => null });

  return {
    call,
    store,
    dataDir: opts.dataDir,
    close: () => store.close(),
  };
}
