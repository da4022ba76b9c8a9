// The composition root: opens the store, builds every service in dependency order, and returns the router's
// `call` that all three doors (Electron IPC, loopback HTTP, CLI) share. Reads top to bottom; no DI framework.
// Word, Excel and the monthly package are built on their first call (lazy-handlers.ts): their libraries are most of
// the program, and opening the app for a CLI command or web mode's first screen should not pay for them.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
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
import { createReportNotesHandlers, createReportNotesService } from '../services/report-notes-service';
import { createReturnsHandlers, createReturnsService } from '../services/returns-service';
import { createExchangeHandlers, createExchangeService } from '../services/exchange/exchange-service';
import { excelContract } from '../shared/contract/excel';
import { wordContract } from '../shared/contract/word';
import { catalog } from '../stats';
import type { RecordRepository, ServiceContext } from '../services/service-context';
import { createSecurity } from '../auth';
import type { Security } from '../auth';
import { ledgerDef } from '../shared/ledgers';
import { AppFailure } from '../shared/result';
import { collectionSpecs, SCHEMA_VERSION } from './collections';
import { createFileLogger } from './logger';
import { channelsOf, lazyHandlers } from './lazy-handlers';

export interface AppOptions {
  dataDir: string;
  /** Which program holds the data directory: shown to a second program that is refused. */
  owner: 'desktop' | 'web' | 'cli' | 'test';
  now?: () => Date;
  logger?: Logger;
  version?: string;
  /** The user's documents folder (the desktop asks Electron); packages go to 教育整顿工作台 inside it. */
  documentsDir?: string;
}

export interface App {
  call: Call;
  store: Store;
  security: Security;
  dataDir: string;
  /** Where monthly packages go: settings' output folder, else 教育整顿工作台 in the documents folder. */
  outputRoot(): string;
  close(): Promise<void>;
}

/** The user's documents folder: Documents, or 文档 on a Chinese Linux desktop (UOS, Kylin), else home. */
export function defaultDocumentsDir(): string {
  const home = homedir();
  return ['Documents', '文档'].map((d) => join(home, d)).find((d) => existsSync(d)) ?? home;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
    ) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

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

  // Security first: it decides who may do what, seals confidential ledgers and keeps the 操作日志.
  const security = createSecurity({ store, dataDir: opts.dataDir, now, logger });
  // Sealed clue buckets checked against their digests (the key is not here yet; GCM follows at the first unlock).
  await security.checkVault();
  const plainRepo: RecordRepository = {
    all: (ledger) => store.get<LedgerRecord[]>(ledgerCollection(ledger)),
    write: async (ledger, fn) => {
      await store.update<LedgerRecord[]>(ledgerCollection(ledger), fn);
    },
  };
  const repo = security.repo(plainRepo);
  const live = (ledger: LedgerKey) => repo.all(ledger).filter((r) => !r.deletedAt);
  const sc: ServiceContext = {
    store,
    repo,
    logger,
    policy: security.policy,
    audit: security.audit,
    now,
    today,
    settings: () => store.get<Settings>(SETTINGS_COLLECTION),
    records: (ledger: LedgerKey, ctx: CallContext) => {
      if (!security.policy.canRead(ledger, ctx)) {
        throw new AppFailure('forbidden', `您没有查看“${ledgerDef(ledger).label}”台账的权限`);
      }
      return live(ledger);
    },
    // Statistics count confidential ledgers through their clear projections: same numbers, no names.
    allLiveRecords: () =>
      Object.fromEntries(
        LEDGER_KEYS.map((k) => [k, security.countingRecords(k).filter((r) => !r.deletedAt)]),
      ) as Record<LedgerKey, LedgerRecord[]>,
  };

  const ledgers = createLedgerService(sc);
  const settings = createSettingsService(sc, ledgers);
  const stats = createStatsService(sc);
  const notes = createReportNotesService(sc);
  const returns = createReturnsService(sc);
  const word = lazyHandlers(channelsOf(wordContract), async () =>
    (await import('../services/word-service')).createWordService(sc, {
      computeValues: (q) => stats.computeValues(q),
      notes,
      catalog,
    }),
  );
  const excel = lazyHandlers(channelsOf(excelContract), async () =>
    (await import('../services/excel-service')).createExcelService(sc, {
      computeValues: (q) => stats.computeValues(q),
      clueTable: (q) => stats.clueTable(q),
      ledgerService: ledgers,
      returns,
      catalog,
    }),
  );
  const documents = opts.documentsDir ?? defaultDocumentsDir();
  const outputRoot = () => sc.settings().outputDir || join(documents, '教育整顿工作台');
  const monthly = lazyHandlers(['report:monthly'], async () =>
    (await import('../services/package-service')).createPackageHandlers(sc, { word, excel, outputRoot }),
  );

  const appVersion = opts.version ?? packageVersion();
  const handlers: Handlers = {
    ...createCoreHandlers(sc, {
      ledgers,
      settings,
      security,
      appInfo: {
        name: '教育整顿工作台',
        version: appVersion,
        dataDir: opts.dataDir,
        accountsEnabled: () => security.accountsEnabled(),
      },
    }),
    ...createStatsHandlers(sc, stats),
    ...word,
    ...excel,
    ...createReportNotesHandlers(notes),
    ...createReturnsHandlers(returns),
    ...createExchangeHandlers(createExchangeService(sc, { appVersion })),
    ...monthly,
    ...security.handlers,
  };
  const call = createRouter({ handlers, logger, authorize: security.authorize });

  return {
    call,
    store,
    security,
    dataDir: opts.dataDir,
    outputRoot,
    async close() {
      await security.close();
      await store.close();
    },
  };
}
