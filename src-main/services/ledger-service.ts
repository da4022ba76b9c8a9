// Records of every ledger through one generic service: create, update, recycle, restore, purge, bulk import.
// Validation happens before anything touches memory; every write goes through the store's single queue.
import { choiceMeaningsOf } from '../shared/choice-meanings';
import { randomUUID } from 'node:crypto';
import { ledgerDef, ledgerList } from '../shared/ledgers';
import { buildRecordSchema } from '../shared/ledgers/schema';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { CallContext } from '../shared/context';
import { actorName } from '../shared/context';
import { AppFailure, isAppFailure } from '../shared/result';
import type { FieldIssue } from '../shared/result';
import { zodIssues, validationError } from '../router/router';
import type { ServiceContext } from './service-context';
import { describeRefs, incomingLinks, outgoingLinks } from './ledger-links';

export const ledgerCollection = (ledger: LedgerKey) => `ledger-${ledger}`;

/** Fields the system owns; a caller can never set them through `record`. */
const SYSTEM_FIELDS = [
  'id',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'rev',
  'deletedAt',
  'deletedBy',
];

export interface BulkInput {
  create: Record<string, unknown>[];
  update: { id: string; record: Record<string, unknown> }[];
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

  /** Validates the editable part of a record; issues are prefixed so the form can show them at the field. */
  function validate(
    ledger: LedgerKey,
    input: Record<string, unknown>,
    previous?: LedgerRecord,
    prefix: (string | number)[] = ['record'],
  ) {
    const def = ledgerDef(ledger);
    const settings = sc.settings();
    const editable = Object.fromEntries(Object.entries(input).filter(([k]) => !SYSTEM_FIELDS.includes(k)));
    if (editable.group === undefined || editable.group === '')
      editable.group = previous?.group ?? def.ownerGroup;
    const schema = buildRecordSchema(def, {
      choiceLists: settings.choiceLists,
      unitIds: settings.units.map((u) => u.id),
      groupKeys: settings.groups.map((g) => g.key),
      previous,
      meanings: choiceMeaningsOf(settings),
    });
    const parsed = schema.safeParse(editable);
    if (!parsed.success) return { issues: zodIssues(parsed.error, prefix) };
    const issues: FieldIssue[] = [];
    for (const link of outgoingLinks(def, parsed.data)) {
      const live = new Set(
        all(link.ledger)
          .filter((r) => !r.deletedAt)
          .map((r) => r.id),
      );
      const missing = link.ids.filter((id) => !live.has(id));
      if (missing.length) {
        issues.push({
          path: [...prefix, link.field.key],
          message: `${link.field.label}指向的记录不存在或已删除`,
        });
      }
    }
    return issues.length ? { issues } : { data: parsed.data as Record<string, unknown> };
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

  /** All rows or none: every row is validated first, then one store write carries them all. */
  async function bulkImport(ledger: LedgerKey, input: BulkInput, ctx: CallContext): Promise<number> {
    const s = stamp(ctx);
    const issues: FieldIssue[] = [];
    const created: LedgerRecord[] = [];
    const updated = new Map<string, LedgerRecord>();
    input.create.forEach((rec, i) => {
      const v = validate(ledger, rec, undefined, ['create', i]);
      if (!v.data) return issues.push(...v.issues);
      if (!sc.policy.canWrite(ledger, String(v.data.group), ctx)) {
        return issues.push({ path: ['create', i, 'group'], message: '无权写入该工作组的记录' });
      }
      created.push({
        ...v.data,
        id: randomUUID(),
        createdBy: s.by,
        createdAt: s.at,
        updatedBy: s.by,
        updatedAt: s.at,
        rev: 1,
      } as LedgerRecord);
    });
    const byId = new Map(all(ledger).map((r) => [r.id, r]));
    input.update.forEach(({ id, record }, i) => {
      const before = byId.get(id);
      if (!before) return issues.push({ path: ['update', i], message: `没有编号为 ${id} 的记录` });
      const v = validate(ledger, record, before, ['update', i]);
      if (!v.data) return issues.push(...v.issues);
      if (!sc.policy.canWrite(ledger, before.group, ctx)) {
        return issues.push({ path: ['update', i, 'group'], message: '无权修改该工作组的记录' });
      }
      updated.set(id, {
        ...before,
        ...v.data,
        id,
        updatedBy: s.by,
        updatedAt: s.at,
        rev: before.rev + 1,
        deletedAt: null,
        deletedBy: null,
      });
    });
    if (issues.length) fail(issues, '导入数据');
    await sc.repo.write(ledger, (rs) => [...rs.map((r) => updated.get(r.id) ?? r), ...created]);
    await sc.audit.record(
      { action: '导入', target: ledger, detail: `新增${created.length}条，更新${updated.size}条` },
      ctx,
    );
    return created.length + updated.size;
  }

  return {
    list(ledger: LedgerKey, deleted: boolean, ctx: CallContext) {
      assertRead(ledger, ctx);
      return all(ledger).filter((r) => (deleted ? !!r.deletedAt : !r.deletedAt));
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
