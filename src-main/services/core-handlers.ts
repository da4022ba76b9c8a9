// Handlers of the core channels: app info, settings, generic ledgers, recycle bin, demo data; the store's own
// channels (backup, restore, 检查数据) come from data-safety-handlers.ts.
import type { HandlersFor } from '../shared/contract';
import type { coreContract, RecycledItem } from '../shared/contract/core';
import { ledgerList } from '../shared/ledgers';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import { AS_OF_DAYS, generateDemo } from '../demo';
import { addDays } from '../shared/dates';
import type { ServiceContext } from './service-context';
import type { Security } from '../auth';
import { AppFailure, isAppFailure } from '../shared/result';
import type { LedgerService } from './ledger-service';
import { ledgerCollection } from './ledger-service';
import type { SettingsService } from './settings-service';
import { auditStartCheck } from './data-check';
import { createDataSafetyHandlers, type DataSafetyDeps } from './data-safety-handlers';
import { SETTINGS_COLLECTION } from './settings-service';

export interface CoreDeps {
  ledgers: LedgerService;
  security: DataSafetyDeps['security'] & Pick<Security, 'demoMark'>;
  settings: SettingsService;
  appInfo: { name: string; version: string; dataDir: string; accountsEnabled: () => boolean };
}

export function createCoreHandlers(
  sc: ServiceContext,
  deps: CoreDeps,
): HandlersFor<keyof typeof coreContract> {
  const { ledgers } = deps;
  const auditNotices = auditStartCheck(deps.security, () => sc.now());
  return {
    'app:info': async (_a, ctx) => ({
      name: deps.appInfo.name,
      version: deps.appInfo.version,
      dataDir: deps.appInfo.dataDir,
      door: ctx.door,
      // Notices naming clue records go only to those who may open that ledger.
      notices: [
        ...sc.store.notices,
        ...deps.security.notices((ledger) => sc.policy.canRead(ledger, ctx)),
        ...(await auditNotices()),
      ].map((n) => ({
        kind: n.kind,
        message: n.message,
        at: n.at,
      })),
      user: ctx.user,
      accountsEnabled: deps.appInfo.accountsEnabled(),
      setupDone: sc.settings().setupDone,
      today: sc.today(),
    }),
    'settings:get': async () => deps.settings.get(),
    'settings:update': async ({ settings }, ctx) => deps.settings.update(settings, ctx),

    'ledgers:list': async ({ ledger, deleted }, ctx) => ({ records: ledgers.list(ledger, !!deleted, ctx) }),
    'ledgers:query': async (args, ctx) => ledgers.query(args, ctx),
    'ledgers:get': async ({ ledger, id }, ctx) => ledgers.get(ledger, id, ctx),
    'ledgers:create': async ({ ledger, record }, ctx) => ledgers.create(ledger, record, ctx),
    'ledgers:update': async ({ ledger, id, rev, record }, ctx) =>
      ledgers.update(ledger, id, record, rev, ctx),
    'ledgers:remove': async ({ ledger, id }, ctx) => ledgers.remove(ledger, id, ctx),
    'ledgers:restore': async ({ ledger, id }, ctx) => ledgers.restore(ledger, id, ctx),
    'ledgers:purge': async ({ ledger, id }, ctx) => ledgers.purge(ledger, id, ctx),
    'recycle:list': async (_a, ctx) => {
      const items: RecycledItem[] = [];
      for (const def of ledgerList()) {
        if (!sc.policy.canRead(def.key, ctx)) continue;
        let recycled: LedgerRecord[];
        try {
          recycled = ledgers.list(def.key, true, ctx);
        } catch (e) {
          // The clue ledger before the administrator exists: nothing of it to list (nor to open).
          if (isAppFailure(e) && e.code === 'needs_admin') continue;
          throw e;
        }
        for (const record of recycled) items.push({ ledger: def.key, record });
      }
      items.sort((a, b) => String(b.record.deletedAt).localeCompare(String(a.record.deletedAt)));
      return { items };
    },

    ...createDataSafetyHandlers(sc, deps),

    'demo:load': async ({ replace }, ctx) => {
      // Demo clues are written in clear, so only before accounts are set up, and the store is marked as a demo
      // store in the same write (its fake clues may then be viewed; no clue can be written until accounts exist).
      if (deps.security.accountsEnabled()) {
        throw new AppFailure(
          'conflict',
          '已启用账户的数据目录不能载入演示数据；请用 --demo 在单独的演示目录中查看',
        );
      }
      // The demo campaign is placed so that today is its day 90: task lights and 本月 look like a live office.
      const demo = generateDemo({ start: addDays(sc.today(), -AS_OF_DAYS) });
      await sc.store.backup('载入演示数据前');
      let count = 0;
      await sc.store.updateMany((get) => {
        const out: Record<string, unknown> = {
          [SETTINGS_COLLECTION]: { ...demo.settings, setupDone: true } satisfies Settings,
          ...deps.security.demoMark(get, !!replace),
        };
        for (const key of Object.keys(demo.ledgers) as LedgerKey[]) {
          const existing = replace ? [] : get<LedgerRecord[]>(ledgerCollection(key));
          out[ledgerCollection(key)] = [...existing, ...demo.ledgers[key]];
          count += demo.ledgers[key].length;
        }
        return out;
      });
      await sc.audit.record({ action: '载入演示数据', target: 'store', detail: `${count}条记录` }, ctx);
      return { records: count };
    },
  };
}
