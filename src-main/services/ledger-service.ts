// Records of every ledger through one generic service: create, update, recycle, restore, purge, bulk import.
// Validation happens before anything touches memory; every write goes through the store's single queue.
import { randomUUID } from 'node:crypto';
import { ledgerDef, ledgerList } from '../shared/ledgers';
import { linkLabel } from '../shared/ledgers/record-text';
import { recordSchemas } from '../shared/ledgers/schema';
import type { RecordSchemas } from '../shared/ledgers/schema';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { CallContext } from '../shared/context';
import { actorName } from '../shared/context';
import { AppFailure, isAppFailure } from '../shared/result';
import type { FieldIssue } from '../shared/result';
import { zodIssues, validationError } from '../router/router';
import type { ServiceContext } from './service-context';
import { describeRefs, incomingLinks, outgoingLinks } from './ledger-links';
import { createLedgerQuery } from './ledger-query';
import type { LedgerQuery } from './ledger-query';

export const ledgerCollection = (ledger: LedgerKey) => `ledger-${ledger}`;

/** Fields the system owns; a caller can never set them through `record`. */
export const SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'rev',
  'deletedAt',
  'deletedBy',
]);

export interface BulkInput {
  create: Record<string, unknown>[];
  update: { id: string; record: Record<string, unknown> }[];
}

/**
 * An import being built (see startImport): records go in one at a time; commit() writes all of them or none.
 * A record with a problem is not kept; its issues (paths ['create' | 'update', index, field]) refuse the commit.
 */
export interface ImportBatch {
  create(record: Record<string, unknown>): void;
  update(id: string, record: Record<string, unknown>): void;
  /** Moves a stored record to the recycle bin with the rest (a corrected return that no longer has it). */
  remove(id: string): void;
  commit(): Promise<{ created: number; updated: number; removed: number }>;
}

/**
 * A new record id as one flat string. randomUUID() returns a rope of about 14 concatenations (Node joins hex
 * pairs), 450 bytes of heap per id: 43 MB of a 100,000-row import's records. A copy of its 36 bytes is 56.
 */
const flatId = () => Buffer.from(randomUUID(), 'latin1').toString('latin1');

/** Reason of the backup taken before an import writes (the backup list shows it). */
export const IMPORT_BACKUP_REASON = '导入前自动备份';

function changedMeanwhile(ledger: LedgerKey): AppFailure {
  return new AppFailure(
    'conflict',
    `导入期间“${ledgerDef(ledger).label}”台账中要更新的记录被修改或删除了，本次没有导入任何记录。请重新导入。`,
  );
}

/** Prepared once per operation: see checksFor(). */
interface RecordChecks {
  /** The settings the records were checked under. */
  settings: object;
  schemas: RecordSchemas;
  liveIds(ledger: LedgerKey): ReadonlySet<string>;
}

export function createLedgerService(sc: ServiceContext) {
  const all = (ledger: LedgerKey) => sc.repo.all(ledger);

  function assertRead(ledger: LedgerKey, ctx: CallContext) {
    if (!sc.policy.canRead(ledger, ctx))
      throw new AppFailure('forbidden', `您没有查看“${ledgerDef(ledger).label}”台账的权限`);
  }
  function assertWrite(ledger: LedgerKey, group: string, ctx: CallContext) {
    if (!sc.policy.canWrite(ledger, group, ctx)) {
      throw new AppFailure('forbidden', `您没有修改“${ledgerDef(ledger).label}”台账中该工作组记录的权限`);
    }
  }

  function find(ledger: LedgerKey, id: string): LedgerRecord {
    const rec = all(ledger).find((r) => r.id === id);
    if (!rec) throw new AppFailure('not_found', `${ledgerDef(ledger).label}台账中没有编号为 ${id} 的记录`);
    return rec;
  }

  /**
   * What validating a record needs beyond the record: its ledger's schemas (built once per settings object) and
   * the live ids of the ledgers its links point to. One bulk import prepares them once for all its rows.
   */
  function checksFor(ledger: LedgerKey): RecordChecks {
    const def = ledgerDef(ledger);
    const ids = new Map<LedgerKey, Set<string>>();
    const settings = sc.settings();
    return {
      settings,
      schemas: recordSchemas(def, settings),
      liveIds(target) {
        let set = ids.get(target);
        if (!set) {
          set = new Set();
          for (const r of all(target)) if (!r.deletedAt) set.add(r.id);
          ids.set(target, set);
        }
        return set;
      },
    };
  }

  /** Validates the editable part of a record; issues are prefixed so the form can show them at the field. */
  function validate(
    ledger: LedgerKey,
    input: Record<string, unknown>,
    previous?: LedgerRecord,
    prefix: (string | number)[] = ['record'],
    checks: RecordChecks = checksFor(ledger),
  ) {
    const def = ledgerDef(ledger);
    let data: Record<string, unknown>;
    if (checks.schemas.vouches(input)) {
      // Parsed by these very schemas under these very settings (an import's row) and frozen since: valid as it is.
      data = input;
    } else {
      // A spread copies every own key as data (a "__proto__" key too, which zod then refuses as unknown).
      const editable: Record<string, unknown> = { ...input };
      for (const k of SYSTEM_FIELDS) if (Object.hasOwn(editable, k)) delete editable[k];
      if (editable.group === undefined || editable.group === '')
        editable.group = previous?.group ?? def.ownerGroup;
      const parsed = checks.schemas.for(previous).safeParse(editable);
      if (!parsed.success) return { issues: zodIssues(parsed.error, prefix) };
      data = parsed.data as Record<string, unknown>;
    }
    const issues: FieldIssue[] = [];
    for (const link of outgoingLinks(def, data)) {
      const live = checks.liveIds(link.ledger);
      const missing = link.ids.filter((id) => !live.has(id));
      if (missing.length) {
        issues.push({
          path: [...prefix, link.field.key],
          message: `${link.field.label}指向的记录不存在或已删除`,
        });
      }
    }
    return issues.length ? { issues } : { data };
  }

  function fail(issues: FieldIssue[], what = '记录'): never {
    const e = validationError(issues, what);
    throw new AppFailure('validation', e.message, e.details);
  }

  function stamp(ctx: CallContext) {
    return { by: actorName(ctx), at: sc.now().toISOString() };
  }

  async function create(ledger: LedgerKey, input: Record<string, unknown>, ctx: CallContext) {
    // A confidential ledger the repository cannot open yet (问题线索 before the administrator exists) refuses
    // here, with its own code, before the record is even looked at.
    if (ledgerDef(ledger).confidential) all(ledger);
    const v = validate(ledger, input);
    if (!v.data) fail(v.issues);
    assertWrite(ledger, String(v.data.group), ctx);
    const s = stamp(ctx);
    const record = {
      ...v.data,
      id: randomUUID(),
      createdBy: s.by,
      createdAt: s.at,
      updatedBy: s.by,
      updatedAt: s.at,
      rev: 1,
    } as LedgerRecord;
    await sc.repo.write(ledger, (rs) => [...rs, record]);
    await sc.audit.record({ action: '新增', target: ledger, recordId: record.id, after: record }, ctx);
    return record;
  }

  async function update(
    ledger: LedgerKey,
    id: string,
    input: Record<string, unknown>,
    rev: number | undefined,
    ctx: CallContext,
  ) {
    const before = find(ledger, id);
    if (before.deletedAt) throw new AppFailure('conflict', '该记录已在回收站中，请先恢复再修改');
    if (rev !== undefined && rev !== before.rev) {
      throw new AppFailure(
        'conflict',
        `该记录已被${before.updatedBy}于${before.updatedAt.slice(0, 16).replace('T', ' ')}修改，请刷新后再改`,
      );
    }
    assertWrite(ledger, before.group, ctx);
    const v = validate(ledger, input, before);
    if (!v.data) fail(v.issues);
    assertWrite(ledger, String(v.data.group), ctx);
    const s = stamp(ctx);
    const after = {
      ...v.data,
      id,
      createdBy: before.createdBy,
      createdAt: before.createdAt,
      updatedBy: s.by,
      updatedAt: s.at,
      rev: before.rev + 1,
    } as LedgerRecord;
    await sc.repo.write(ledger, (rs) => rs.map((r) => (r.id === id ? after : r)));
    await sc.audit.record({ action: '修改', target: ledger, recordId: id, before, after }, ctx);
    return after;
  }

  async function setDeleted(ledger: LedgerKey, id: string, deleted: boolean, ctx: CallContext) {
    const before = find(ledger, id);
    assertWrite(ledger, before.group, ctx);
    if (deleted && !before.deletedAt) {
      const refs = incomingLinks(ledger, id, all);
      if (refs.length)
        throw new AppFailure('conflict', `该记录被${describeRefs(refs)}引用，不能删除；请先解除引用`);
    }
    if (!deleted && !before.deletedAt) return before;
    const s = stamp(ctx);
    const after: LedgerRecord = deleted
      ? { ...before, deletedAt: s.at, deletedBy: s.by }
      : {
          ...before,
          deletedAt: null,
          deletedBy: null,
          updatedAt: s.at,
          updatedBy: s.by,
          rev: before.rev + 1,
        };
    await sc.repo.write(ledger, (rs) => rs.map((r) => (r.id === id ? after : r)));
    await sc.audit.record({ action: deleted ? '删除' : '恢复', target: ledger, recordId: id }, ctx);
    return after;
  }

  async function purge(ledger: LedgerKey, id: string, ctx: CallContext) {
    const before = find(ledger, id);
    if (!before.deletedAt) throw new AppFailure('conflict', '只能彻底删除回收站中的记录');
    assertWrite(ledger, before.group, ctx);
    const refs = incomingLinks(ledger, id, all, true);
    if (refs.length) throw new AppFailure('conflict', `该记录仍被${describeRefs(refs)}引用，不能彻底删除`);
    await sc.repo.write(ledger, (rs) => rs.filter((r) => r.id !== id));
    await sc.audit.record({ action: '彻底删除', target: ledger, recordId: id, before }, ctx);
    return { id };
  }

  /**
   * An import, all rows or none, built one record at a time: each record is validated and stamped as it arrives,
   * so a caller streaming 100,000 rows from a file never holds them twice. commit() refuses when any record had a
   * problem; otherwise it backs up the data as it is, then writes every record in one store write.
   */
  function startImport(ledger: LedgerKey, ctx: CallContext): ImportBatch {
    const s = stamp(ctx);
    const checks = checksFor(ledger);
    // Read first: a confidential ledger the repository cannot open yet refuses here, before any record is looked at.
    const byId = new Map(all(ledger).map((r) => [r.id, r]));
    const issues: FieldIssue[] = [];
    const created: LedgerRecord[] = [];
    // Updates and removals alike replace a stored record, checked unchanged since the import began.
    const updated = new Map<string, { before: LedgerRecord; after: LedgerRecord }>();
    let removedCount = 0;
    let creates = 0;
    let updates = 0;
    let removes = 0;
    let committed = false;
    return {
      create(rec) {
        const i = creates++;
        const v = validate(ledger, rec, undefined, ['create', i], checks);
        if (!v.data) return void issues.push(...v.issues);
        if (!sc.policy.canWrite(ledger, String(v.data.group), ctx)) {
          return void issues.push({ path: ['create', i, 'group'], message: '无权写入该工作组的记录' });
        }
        created.push({
          ...v.data,
          id: flatId(),
          createdBy: s.by,
          createdAt: s.at,
          updatedBy: s.by,
          updatedAt: s.at,
          rev: 1,
        } as LedgerRecord);
      },
      update(id, record) {
        const i = updates++;
        const before = byId.get(id);
        if (!before) return void issues.push({ path: ['update', i], message: `没有编号为 ${id} 的记录` });
        const v = validate(ledger, record, before, ['update', i], checks);
        if (!v.data) return void issues.push(...v.issues);
        if (!sc.policy.canWrite(ledger, before.group, ctx)) {
          return void issues.push({ path: ['update', i, 'group'], message: '无权修改该工作组的记录' });
        }
        const after = {
          ...before,
          ...v.data,
          id,
          updatedBy: s.by,
          updatedAt: s.at,
          rev: before.rev + 1,
          deletedAt: null,
          deletedBy: null,
        };
        updated.set(id, { before, after });
      },
      remove(id) {
        const i = removes++;
        const before = byId.get(id);
        if (!before || before.deletedAt)
          return void issues.push({ path: ['remove', i], message: `没有编号为 ${id} 的记录` });
        if (!sc.policy.canWrite(ledger, before.group, ctx)) {
          return void issues.push({ path: ['remove', i, 'group'], message: '无权删除该工作组的记录' });
        }
        const refs = incomingLinks(ledger, id, all);
        if (refs.length) {
          return void issues.push({
            path: ['remove', i],
            message: `“${linkLabel(ledgerDef(ledger), before)}”被${describeRefs(refs)}引用，不能删除；请先解除引用`,
          });
        }
        updated.set(id, { before, after: { ...before, deletedAt: s.at, deletedBy: s.by } });
        removedCount++;
      },
      async commit() {
        if (committed) throw new Error('导入已提交过一次');
        committed = true;
        if (issues.length) fail(issues, '导入数据');
        // The records were checked against the units, groups and lists as they were when the import began.
        const now = sc.settings();
        if (now !== checks.settings && JSON.stringify(now) !== JSON.stringify(checks.settings)) {
          throw new AppFailure('conflict', '导入期间设置被修改了，本次没有导入任何记录。请重新导入。');
        }
        if (created.length || updated.size) {
          // The backup the README promises before every import: only when something is written, before any of it.
          try {
            await sc.store.backup(`${IMPORT_BACKUP_REASON}（${ledgerDef(ledger).label}台账）`);
          } catch (e) {
            throw new AppFailure(
              'conflict',
              `导入前的自动备份没有写成，本次没有导入任何记录：${e instanceof Error ? e.message : String(e)}`,
            );
          }
          await sc.repo.write(ledger, (rs) => {
            let seen = 0;
            const next = rs.map((r) => {
              const u = updated.get(r.id);
              if (!u) return r;
              // Rows were validated against the records as they were when the import began.
              const b = u.before;
              if (r.rev !== b.rev || r.updatedAt !== b.updatedAt || r.deletedAt !== b.deletedAt)
                throw changedMeanwhile(ledger);
              seen++;
              return u.after;
            });
            if (seen !== updated.size) throw changedMeanwhile(ledger);
            for (const r of created) next.push(r);
            return next;
          });
        }
        const changed = updated.size - removedCount;
        await sc.audit.record(
          {
            action: '导入',
            target: ledger,
            detail: `新增${created.length}条，更新${changed}条${removedCount ? `，删除${removedCount}条（移入回收站）` : ''}`,
          },
          ctx,
        );
        return { created: created.length, updated: changed, removed: removedCount };
      },
    };
  }

  /** All rows or none: every row is validated first, then one store write carries them all. */
  async function bulkImport(ledger: LedgerKey, input: BulkInput, ctx: CallContext): Promise<number> {
    const batch = startImport(ledger, ctx);
    for (const rec of input.create) batch.create(rec);
    for (const { id, record } of input.update) batch.update(id, record);
    const { created, updated } = await batch.commit();
    return created + updated;
  }

  const queries = createLedgerQuery({ all, settings: () => sc.settings() });

  return {
    list(ledger: LedgerKey, deleted: boolean, ctx: CallContext) {
      assertRead(ledger, ctx);
      return all(ledger).filter((r) => (deleted ? !!r.deletedAt : !r.deletedAt));
    },
    /** One page of the ledger table, searched, filtered and sorted here (see ledger-query.ts). */
    query(args: LedgerQuery, ctx: CallContext) {
      assertRead(args.ledger, ctx);
      return queries.query(args, {
        canRead: (ledger) => sc.policy.canRead(ledger, ctx),
        canSeeConfidentialFields: sc.policy.canSeeConfidentialFields(args.ledger, ctx),
      });
    },
    get(ledger: LedgerKey, id: string, ctx: CallContext) {
      assertRead(ledger, ctx);
      return find(ledger, id);
    },
    create,
    update,
    remove: (ledger: LedgerKey, id: string, ctx: CallContext) => setDeleted(ledger, id, true, ctx),
    restore: (ledger: LedgerKey, id: string, ctx: CallContext) => setDeleted(ledger, id, false, ctx),
    purge,
    startImport,
    bulkImport,
    /** Used by the settings service: how many records (recycled ones too) still name this unit or group. */
    countReferences(kind: 'unit' | 'group', value: string): number {
      let n = 0;
      for (const def of ledgerList()) {
        const keys = [
          kind,
          ...def.fields.filter((f) => f.type === kind || f.type === `${kind}s`).map((f) => f.key),
        ];
        let records: LedgerRecord[];
        try {
          records = all(def.key);
        } catch (e) {
          // The clue ledger before the administrator exists holds no records anyone could have written.
          if (isAppFailure(e) && e.code === 'needs_admin') continue;
          throw e;
        }
        for (const r of records) {
          if (
            keys.some((k) => r[k] === value || (Array.isArray(r[k]) && (r[k] as unknown[]).includes(value)))
          )
            n++;
        }
      }
      return n;
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
