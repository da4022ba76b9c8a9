// Units that run the app themselves. The office issues a unit a 单位配置包 (identity + signing key, 'unit-keys');
// the unit becomes that 填报单位 ('unit-identity') and writes a signed 报送包 per period; the office checks the
// signature, unit and data version and merges by record id and revision ('package-merges' keeps the revisions of
// the last merge), all or nothing, backed up first and written in one store write. 问题线索 never travel.
import { randomUUID } from 'node:crypto';
import type { HandlersFor } from '../../shared/contract';
import type { MergeReport, PackageFile, UnitIdentity } from '../../shared/contract/exchange';
import type { CallContext } from '../../shared/context';
import { actorName } from '../../shared/context';
import { ledgerDef, ledgerList } from '../../shared/ledgers';
import type { LedgerKey, LedgerRecord } from '../../shared/ledgers/types';
import { AppFailure } from '../../shared/result';
import type { Unit } from '../../shared/settings';
import { ledgerCollection } from '../ledger-service';
import type { ServiceContext } from '../service-context';
import { planLedger } from './merge-plan';
import type { LedgerPlan, MergeMark, Outcome } from './merge-plan';
import {
  campaignOf,
  newKey,
  newKeyId,
  openReturn,
  readConfig,
  signedBy,
  writeConfig,
  writeReturn,
} from './package-format';
import type { ReturnBody } from './package-format';

export const UNIT_KEYS = 'unit-keys';
export const UNIT_IDENTITY = 'unit-identity';
export const MERGE_MARKS = 'package-merges';

interface IssuedKey {
  id: string;
  unit: string;
  key: string;
  issuedAt: string;
  issuedBy: string;
}

interface SelfIdentity {
  id: 'self';
  unit: Unit;
  office: string;
  keyId: string;
  key: string;
  setupAt: string;
}

/** Ledgers that travel in packages: every one but the confidential (问题线索). */
const travelling = () => ledgerList().filter((d) => !d.confidential);

const b64 = (buf: Buffer) => buf.toString('base64');

const MERGE_BACKUP_REASON = '合并报送包前自动备份';
const MERGE_BACKUP_EVERY_MS = 10 * 60_000;

const changedMeanwhile = () =>
  new AppFailure('conflict', '合并期间本机的记录被修改或删除了，没有合并任何记录。请重新接收该报送包。');

export function createExchangeService(sc: ServiceContext, deps: { appVersion: string }) {
  const keys = () => sc.store.get<IssuedKey[] | undefined>(UNIT_KEYS) ?? [];
  const self = () => (sc.store.get<SelfIdentity[] | undefined>(UNIT_IDENTITY) ?? [])[0];
  const unitName = (id: string) => sc.settings().units.find((u) => u.id === id)?.name ?? id;

  function identity(): UnitIdentity {
    const me = self();
    if (me)
      return {
        role: 'unit',
        unit: { id: me.unit.id, name: me.unit.name },
        office: me.office,
        keyId: me.keyId,
        setupAt: me.setupAt,
      };
    return {
      role: 'office',
      issued: keys().map((k) => ({
        unit: k.unit,
        unitName: unitName(k.unit),
        keyId: k.id,
        issuedAt: k.issuedAt,
      })),
    };
  }

  async function issueConfig(unitId: string, ctx: CallContext): Promise<PackageFile> {
    if (self()) throw new AppFailure('validation', '本机是填报单位，不能签发单位配置包。');
    const settings = sc.settings();
    const unit = settings.units.find((u) => u.id === unitId);
    if (!unit) throw new AppFailure('validation', `单位列表中没有编号为“${unitId}”的单位。`);
    const issued: IssuedKey = {
      id: newKeyId(),
      unit: unit.id,
      key: newKey(),
      issuedAt: sc.now().toISOString(),
      issuedBy: actorName(ctx),
    };
    // One key per unit: a new package replaces the earlier key, whose packages are no longer accepted.
    await sc.store.update<IssuedKey[] | undefined>(UNIT_KEYS, (cur = []) => [
      ...cur.filter((k) => k.unit !== unit.id),
      issued,
    ]);
    await sc.audit.record(
      { action: '签发单位配置包', target: UNIT_KEYS, recordId: issued.id, detail: unit.name },
      ctx,
    );
    const bytes = writeConfig({
      office: settings.commissionName,
      unit,
      keyId: issued.id,
      key: issued.key,
      issuedAt: issued.issuedAt,
      campaign: campaignOf(settings),
    });
    return { fileName: `${unit.name}单位配置包.json`, dataBase64: b64(bytes) };
  }

  async function setupUnit(bytes: Buffer, ctx: CallContext): Promise<UnitIdentity> {
    const config = readConfig(bytes);
    if (keys().length)
      throw new AppFailure(
        'validation',
        '本机已为下级单位签发过配置包（是区纪委监委的数据），不能设为填报单位。',
      );
    const me: SelfIdentity = {
      id: 'self',
      unit: config.unit,
      office: config.office,
      keyId: config.keyId,
      key: config.key,
      setupAt: sc.now().toISOString(),
    };
    // The unit joins this installation's unit list as the office knows it, so its records can name it, and takes
    // the office's campaign (dates, phases, groups, lists), so its records pass the office's checks as they are.
    // A fresh installation is set up by this: its first-run wizard has nothing left to ask.
    await sc.store.updateMany((get) => {
      const settings = get<ReturnType<ServiceContext['settings']>>('settings');
      const units = [...settings.units.filter((u) => u.id !== config.unit.id), config.unit];
      const fresh = !settings.setupDone;
      return {
        settings: {
          ...settings,
          ...(config.campaign ?? {}),
          units,
          ...(fresh ? { commissionName: config.unit.name, setupDone: true } : {}),
        },
        [UNIT_IDENTITY]: [me],
      };
    });
    await sc.audit.record(
      { action: '设为填报单位', target: UNIT_IDENTITY, detail: `${config.unit.name}（${config.office}）` },
      ctx,
    );
    return identity();
  }

  async function submit(from: string, to: string, ctx: CallContext): Promise<PackageFile> {
    const me = self();
    if (!me)
      throw new AppFailure(
        'validation',
        '本机不是填报单位：请先用区纪委监委签发的单位配置包设置本机（setup-unit），再生成报送包。',
      );
    const records: ReturnBody['records'] = {};
    const counts: ReturnBody['manifest']['counts'] = {};
    for (const def of travelling()) {
      // Deleted ones too: the office moves them to its recycle bin as well.
      const mine = sc.repo
        .all(def.key)
        .filter((r) => r.unit === me.unit.id && r.date >= from && r.date <= to);
      records[def.key] = mine;
      counts[def.key] = mine.filter((r) => !r.deletedAt).length;
    }
    const body: ReturnBody = {
      manifest: {
        keyId: me.keyId,
        unit: { id: me.unit.id, name: me.unit.name },
        from,
        to,
        createdAt: sc.now().toISOString(),
        appVersion: deps.appVersion,
        schemaVersion: sc.store.schemaVersion,
        counts,
      },
      records,
    };
    const total = Object.values(counts).reduce((t, n) => t + (n ?? 0), 0);
    await sc.audit.record(
      { action: '生成报送包', target: UNIT_IDENTITY, detail: `${from}至${to}，${total}条记录` },
      ctx,
    );
    return {
      fileName: `${me.unit.name}报送包（${from}至${to}）.json`,
      dataBase64: b64(writeReturn(body, me.key)),
    };
  }

  /** The package checked: signature, unit and data version; refusals say why and write nothing. */
  function verified(bytes: Buffer): ReturnBody {
    const { file, body } = openReturn(bytes);
    const m = body.manifest;
    const key = keys().find((k) => k.id === m.keyId);
    if (!key)
      throw new AppFailure(
        'forbidden',
        `报送包来自未知单位“${m.unit.name}”：本机没有签发过编号为 ${m.keyId} 的单位配置包（或已为该单位换发新的配置包）。`,
      );
    if (!signedBy(file, key.key))
      throw new AppFailure('forbidden', `“${m.unit.name}”的报送包签名不符：文件在生成后被改动过，不能接收。`);
    if (key.unit !== m.unit.id)
      throw new AppFailure(
        'forbidden',
        `报送包写的单位“${m.unit.name}”与其签名密钥所属的单位不符，不能接收。`,
      );
    if (m.schemaVersion > sc.store.schemaVersion)
      throw new AppFailure(
        'validation',
        `报送包由较新版本的程序生成（数据格式第 ${m.schemaVersion} 版，本机为第 ${sc.store.schemaVersion} 版），请先升级本程序。`,
      );
    for (const k of Object.keys(body.records)) {
      const def = ledgerList().find((d) => d.key === k);
      if (!def) throw new AppFailure('validation', `报送包中有本程序不认识的台账“${k}”，请先升级本程序。`);
      if (def.confidential) throw new AppFailure('forbidden', '报送包中不应含有问题线索，不能接收。');
    }
    return body;
  }

  /** One package: see receiveMany. */
  async function receive(
    bytes: Buffer,
    opts: { dryRun?: boolean; conflicts?: 'office' | 'unit' },
    ctx: CallContext,
  ): Promise<MergeReport> {
    return (await receiveMany([bytes], opts, ctx))[0];
  }

  /**
   * Packages checked and merged together, all or none: planned one after another against the office's records
   * as each earlier package leaves them, then written in one store write after one backup. A month's packages
   * from 200 units then rewrite each ledger once, not 200 times.
   */
  async function receiveMany(
    files: Buffer[],
    opts: { dryRun?: boolean; conflicts?: 'office' | 'unit' },
    ctx: CallContext,
  ): Promise<MergeReport[]> {
    const bodies = files.map((f) => verified(f));
    const settings = sc.settings();
    const takeUnit = opts.conflicts === 'unit';
    const taken = (o: Outcome) => o !== 'unchanged' && (o !== 'conflict' || takeUnit);
    const original = new Map<LedgerKey, Map<string, LedgerRecord>>();
    const working = new Map<LedgerKey, Map<string, LedgerRecord>>();
    const recordsOf = (k: LedgerKey) => {
      let w = working.get(k);
      if (!w) {
        const o = new Map(sc.repo.all(k).map((r) => [r.id, r]));
        original.set(k, o);
        working.set(k, (w = new Map(o)));
      }
      return w;
    };
    // The revisions both sides have after the merge, for the next one to tell who changed what since.
    const marks = new Map((sc.store.get<MergeMark[] | undefined>(MERGE_MARKS) ?? []).map((x) => [x.id, x]));
    const writes = new Map<LedgerKey, Map<string, LedgerRecord>>();
    const planned = bodies.map((body) => {
      const m = body.manifest;
      const plans = (Object.entries(body.records) as [LedgerKey, LedgerRecord[]][]).map(([k, recs]) =>
        planLedger(ledgerDef(k), recs, recordsOf(k), marks, {
          unit: m.unit.id,
          from: m.from,
          to: m.to,
          settings,
        }),
      );
      const problems = plans.flatMap((p) => p.problems);
      if (problems.length)
        throw new AppFailure(
          'validation',
          `“${m.unit.name}”的报送包中有 ${problems.length} 条记录不能接收，没有合并任何记录：${problems.slice(0, 5).join('；')}${problems.length > 5 ? '……' : ''}`,
        );
      // What this package leaves behind, for the packages after it (and the write).
      for (const plan of plans) {
        const office = recordsOf(plan.ledger);
        let take = writes.get(plan.ledger);
        for (const { outcome, incoming: p } of plan.records) {
          const o = office.get(p.id);
          if (taken(outcome)) {
            if (!take) writes.set(plan.ledger, (take = new Map<string, LedgerRecord>()));
            take.set(p.id, p);
            office.set(p.id, p);
            marks.set(p.id, { id: p.id, ledger: plan.ledger, unitRev: p.rev, officeRev: p.rev });
          } else if (o && (outcome === 'conflict' || !marks.has(p.id))) {
            marks.set(p.id, { id: p.id, ledger: plan.ledger, unitRev: p.rev, officeRev: o.rev });
          }
        }
      }
      return { body, plans };
    });
    const conflicts = planned.flatMap(({ body, plans }) =>
      plans.flatMap((p) => p.conflicts.map((c) => ({ c, body }))),
    );
    if (opts.dryRun) return planned.map(({ body, plans }) => reportOf(body, plans, true));
    if (conflicts.length && !opts.conflicts) {
      const units = [...new Set(conflicts.map((x) => x.body.manifest.unit.name))].join('、');
      throw new AppFailure(
        'conflict',
        `有 ${conflicts.length} 条记录在本机和“${units}”都改过，没有合并任何记录。请选择以哪一方为准后重新接收：${conflicts
          .slice(0, 5)
          .map(({ c }) => `${ledgerDef(c.ledger).label}“${c.title}”（${c.date}）`)
          .join('、')}${conflicts.length > 5 ? '等' : ''}。`,
        // One package: its report, to choose a side from; several: each package's.
        planned.length === 1
          ? { report: reportOf(planned[0].body, planned[0].plans, true) }
          : { reports: planned.map(({ body, plans }) => reportOf(body, plans, true)) },
      );
    }
    await backupBeforeMerge(
      bodies
        .map((b) => b.manifest.unit.name)
        .join('、')
        .slice(0, 60),
    );
    await sc.store.updateMany((get) => {
      const out: Record<string, unknown> = { [MERGE_MARKS]: [...marks.values()] };
      for (const [ledger, take] of writes) {
        const current = get<LedgerRecord[]>(ledgerCollection(ledger));
        const read = original.get(ledger)!;
        const next = current.map((r) => {
          const t = take.get(r.id);
          if (!t) return r;
          // Planned against the office's copy as it was read: a save in between refuses the whole merge.
          if (read.get(r.id)?.rev !== r.rev) throw changedMeanwhile();
          return t;
        });
        const have = new Set(current.map((r) => r.id));
        for (const [id, r] of take) {
          if (have.has(id)) continue;
          if (read.has(id)) throw changedMeanwhile();
          next.push(r);
        }
        out[ledgerCollection(ledger)] = next;
      }
      return out;
    });
    const done = planned.map(({ body, plans }) => reportOf(body, plans, false, takeUnit));
    for (const r of done) {
      await sc.audit.record(
        {
          action: '合并报送包',
          target: MERGE_MARKS,
          recordId: randomUUID(),
          detail: `${r.unit.name} ${r.from}至${r.to}：新增${r.added}条，更新${r.changed}条，删除${r.removed}条，冲突${r.conflicts.length}条${r.conflicts.length ? `（以${takeUnit ? '下级单位' : '本机'}为准）` : ''}`,
        },
        ctx,
      );
    }
    return done;
  }

  /**
   * The backup before a merge, at most one per ten minutes: the office receives a month's packages one after
   * another (200 for a large district), and a whole-store backup before each would write the data 200 times. The
   * merges since that backup can always be received again from their packages (a replay is harmless).
   */
  async function backupBeforeMerge(unit: string): Promise<void> {
    const newest = (await sc.store.listBackups())[0];
    const age = newest ? sc.now().getTime() - Date.parse(newest.createdAt) : Infinity;
    if (
      newest?.reason.startsWith(MERGE_BACKUP_REASON) &&
      !newest.problem &&
      age >= 0 &&
      age < MERGE_BACKUP_EVERY_MS
    )
      return;
    await sc.store.backup(`${MERGE_BACKUP_REASON}（${unit}）`);
  }

  return { identity, issueConfig, setupUnit, submit, receive, receiveMany };
}

function reportOf(body: ReturnBody, plans: LedgerPlan[], dryRun: boolean, takeUnit = false): MergeReport {
  const m = body.manifest;
  const byLedger = plans.map((p) => {
    const n = (o: string) => p.records.filter((r) => r.outcome === o).length;
    const conflictsTaken = takeUnit ? n('conflict') : 0;
    return {
      ledger: p.ledger,
      added: n('added'),
      changed: n('changed') + conflictsTaken,
      removed: n('removed'),
      unchanged: n('unchanged'),
    };
  });
  const sum = (k: 'added' | 'changed' | 'removed' | 'unchanged') => byLedger.reduce((t, l) => t + l[k], 0);
  return {
    unit: m.unit,
    from: m.from,
    to: m.to,
    createdAt: m.createdAt,
    appVersion: m.appVersion,
    added: sum('added'),
    changed: sum('changed'),
    removed: sum('removed'),
    unchanged: sum('unchanged'),
    byLedger: byLedger.filter((l) => l.added + l.changed + l.removed + l.unchanged > 0),
    conflicts: plans.flatMap((p) => p.conflicts),
    dryRun,
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;

export function createExchangeHandlers(
  ex: ExchangeService,
): HandlersFor<
  | 'exchange:identity'
  | 'exchange:issueConfig'
  | 'exchange:setupUnit'
  | 'exchange:submit'
  | 'exchange:receive'
  | 'exchange:receiveMany'
> {
  const bytes = (b64text: string) => Buffer.from(b64text, 'base64');
  return {
    'exchange:identity': async () => ex.identity(),
    'exchange:issueConfig': async ({ unit }, ctx) => ex.issueConfig(unit, ctx),
    'exchange:setupUnit': async ({ dataBase64 }, ctx) => ex.setupUnit(bytes(dataBase64), ctx),
    'exchange:submit': async ({ from, to }, ctx) => ex.submit(from, to, ctx),
    'exchange:receive': async ({ dataBase64, dryRun, conflicts }, ctx) =>
      ex.receive(bytes(dataBase64), { dryRun, conflicts }, ctx),
    'exchange:receiveMany': async ({ files, dryRun, conflicts }, ctx) => ({
      reports: await ex.receiveMany(files.map(bytes), { dryRun, conflicts }, ctx),
    }),
  };
}
