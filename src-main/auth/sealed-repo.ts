// A RecordRepository that keeps confidential ledgers encrypted at rest: 'vault-<ledger>' holds AES-256-GCM sealed
// buckets of up to 100 records, the ledger's own collection holds only their counting projections. Unlocked it
// reads and writes full records; locked it serves projections (statistics still count) and refuses writes.
// Why buckets: one cipher per record made opening 5,000 clues cost ~20× a JSON.parse; one cipher for the whole
// ledger would let a single damaged byte take every clue with it. A save re-seals only the buckets it touched.
// Before the administrator exists there is no key, so there is no clear path: every clue write is refused
// (needs_admin), and so is opening the ledger, except to view the fake clues 'demo:load' put in a demo store.
import { createHash, randomBytes } from 'node:crypto';
import { ledgerCollection } from '../services/ledger-service';
import type { RecordRepository } from '../services/service-context';
import { ledgerDef, ledgerList } from '../shared/ledgers';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import { AppFailure } from '../shared/result';
import type { Logger, Store } from '../store';
import type { Sealed } from './crypto';
import { open, seal } from './crypto';
import { isStray, openTitle, PERSON_KEY, project, SEALED_TITLE } from './projection';
import type { KeyRing } from './vault';

/** One sealed bucket: `data` decrypts to a JSON array of full records. */
export interface SealedBucket extends Sealed {
  id: string;
  /** Ids of the records sealed inside (random ids, as in the clear projections): who is affected if it is lost. */
  ids?: string[];
  /**
   * SHA-256 of id, ids, iv, tag and data, written with the bucket: lets start-up and `verify` find a damaged
   * bucket without the key (GCM can only be checked with it). Buckets sealed before it existed get one at the
   * next unlock, after GCM said they are intact.
   */
  sha?: string;
}

export const BUCKET_SIZE = 100;
export const sealedCollection = (ledger: LedgerKey) => `vault-${ledger}`;
export const CONFIDENTIAL_LEDGERS: LedgerKey[] = ledgerList()
  .filter((d) => d.confidential)
  .map((d) => d.key);
export const LOCKED_MESSAGE = '问题线索已加密锁定：请由管理员或线索工作组成员登录后再查看或修改';
/** The stable refusal before accounts exist: the API's error code is 'needs_admin'. */
export const NEEDS_ADMIN_MESSAGE =
  '问题线索记载真实人员的姓名，必须加密保存：请先设置管理员（启用账户并抄写恢复码），之后才能录入、导入、导出或查看问题线索';
export const DEMO_READ_ONLY_MESSAGE =
  '演示数据中的问题线索只供查看：新增、修改或导入问题线索前，请先设置管理员（启用账户和加密）';

export function needsAdmin(message = NEEDS_ADMIN_MESSAGE): AppFailure {
  return new AppFailure('needs_admin', message);
}

/** Digest of everything a bucket entry says about itself (not of `sha`). */
export function bucketDigest(e: SealedBucket): string {
  return createHash('sha256')
    .update(JSON.stringify([e.id, e.ids ?? null, e.iv, e.tag, e.data]))
    .digest('base64url');
}

/** The entry with its membership and digest (re)computed; iv, tag and data untouched (nothing re-encrypted). */
export function withDigest(e: SealedBucket, ids: readonly string[]): SealedBucket {
  const out: SealedBucket = { id: e.id, ids: [...ids], iv: e.iv, tag: e.tag, data: e.data };
  return { ...out, sha: bucketDigest(out) };
}

const bucketAad = (ledger: LedgerKey, id: string) => `campaign-desk/${ledger}/v1/bucket/${id}`;
const newBucketId = () => `b-${randomBytes(9).toString('base64url')}`;

export function sealBucket(
  ring: KeyRing,
  ledger: LedgerKey,
  id: string,
  records: readonly LedgerRecord[],
): SealedBucket {
  const plain = records.map(({ [PERSON_KEY]: _derived, [SEALED_TITLE]: _title, ...r }) => r);
  const sealed = seal(ring.key('records'), Buffer.from(JSON.stringify(plain), 'utf8'), bucketAad(ledger, id));
  return withDigest(
    { id, ...sealed },
    plain.map((r) => r.id),
  );
}

export function openBucket(ring: KeyRing, ledger: LedgerKey, entry: SealedBucket): LedgerRecord[] {
  return JSON.parse(
    open(ring.key('records'), entry, bucketAad(ledger, entry.id)).toString('utf8'),
  ) as LedgerRecord[];
}

/** Seals records into new buckets (migration, strays, old backups). */
export function sealInBuckets(
  ring: KeyRing,
  ledger: LedgerKey,
  records: readonly LedgerRecord[],
): SealedBucket[] {
  const out: SealedBucket[] = [];
  for (let i = 0; i < records.length; i += BUCKET_SIZE)
    out.push(sealBucket(ring, ledger, newBucketId(), records.slice(i, i + BUCKET_SIZE)));
  return out;
}

/** Like store values, records handed out are frozen; nested values too, except for the flat clue records (speed). */
function freeze<T extends object>(r: T, nested = true): T {
  if (nested) for (const v of Object.values(r)) if (typeof v === 'object' && v !== null) Object.freeze(v);
  return Object.freeze(r);
}
const flatLedgers = new Set(
  ledgerList()
    .filter((d) => d.fields.every((f) => !['multiChoice', 'textList', 'units', 'links'].includes(f.type)))
    .map((d) => d.key),
);

interface Opened {
  entry: SealedBucket;
  /** What callers see: the decrypted records, frozen like store values. */
  records: LedgerRecord[];
}

export interface SealedRepo extends RecordRepository {
  /**
   * Runs at every unlock (sign-in of an account that may open clues): first the `afterUnlock` hook (the check of
   * every sealed bucket against GCM, see vault-check.ts), then seals plain records that reached the clear
   * collection by another path (demo data, an old backup restored). Returns how many plain records were sealed.
   */
  sealStrays(): Promise<number>;
  /** The decrypted records of one bucket (cached like the ledger's own reads); throws if GCM refuses it. */
  openEntry(ledger: LedgerKey, entry: SealedBucket): readonly LedgerRecord[];
  /** Both collections' values for these full records, for one all-or-nothing write with other collections. */
  encode(ledger: LedgerKey, records: readonly LedgerRecord[]): Record<string, unknown[]>;
  /** Forgets every decrypted record (on lock). */
  clear(): void;
  /** For statistics: confidential ledgers as their counting projections whether locked or not (no names ever). */
  counting(ledger: LedgerKey): LedgerRecord[];
}

export function createSealedRepo(deps: {
  store: Store;
  ring: KeyRing;
  plain: RecordRepository;
  logger: Logger;
  /** True once the vault exists (accounts set up and clues migrated). */
  active: () => boolean;
  /** True for a store without accounts whose clear clues 'demo:load' wrote (viewable, never writable). */
  demo: () => boolean;
  /** What runs at unlock before strays are sealed (the sealed-bucket check); never throws. */
  afterUnlock?: () => Promise<void>;
}): SealedRepo {
  const { store, ring, plain, logger } = deps;
  const opened = new Map<string, Opened>(); // by `${ledger}/${bucketId}`
  const bucketOf = new WeakMap<object, string>(); // decrypted record → its bucket id
  const projectionOf = new WeakMap<object, LedgerRecord>();
  /** Rows handed out from a projection alone (their bucket was lost): unchanged, they keep the stored projection. */
  const fallbackRows = new WeakSet<object>();
  /** Before accounts: a per-process key for the pseudonyms statistics count people by (never stored). */
  const countingKey = randomBytes(32);
  const clearCounting = new Map<LedgerKey, { src: unknown; out: LedgerRecord[] }>();
  const views = new Map<
    LedgerKey,
    { entries: unknown; proj: unknown; unlocked: boolean; out: LedgerRecord[] }
  >();
  const confidential = (l: LedgerKey) => CONFIDENTIAL_LEDGERS.includes(l);

  /**
   * An unchanged record keeps the projection object already stored (the store then reuses its cached encoding);
   * a new or changed one gets a fresh projection.
   */
  function projection(
    ledger: LedgerKey,
    r: LedgerRecord,
    stored: () => Map<string, LedgerRecord>,
  ): LedgerRecord {
    let p = projectionOf.get(r);
    if (!p) {
      const s = bucketOf.has(r) || fallbackRows.has(r) ? stored().get(r.id) : undefined;
      const reuse = s && !isStray(ledger, s) && s.rev === r.rev && s.deletedAt === r.deletedAt;
      p = reuse ? s : project(ledger, r, { person: ring.key('person'), records: ring.key('records') });
      projectionOf.set(r, p);
    }
    return p;
  }

  function openEntry(ledger: LedgerKey, entry: SealedBucket): Opened {
    const key = `${ledger}/${entry.id}`;
    const o = opened.get(key);
    if (o && (o.entry === entry || (o.entry.iv === entry.iv && o.entry.tag === entry.tag))) return o;
    const flat = flatLedgers.has(ledger);
    // Kept lean: this loop is most of the cost of opening the ledger.
    const records = openBucket(ring, ledger, entry).map((r) => {
      const rec = freeze(r, !flat);
      bucketOf.set(rec, entry.id);
      return rec;
    });
    const next = { entry, records };
    opened.set(key, next);
    return next;
  }

  /**
   * A projection whose sealed part is lost, as a record the clue group can see and complete: its counting fields
   * and its title (线索编号, from the sealed title), without the pseudonym (the record schema is strict).
   */
  function fallbackRow(ledger: LedgerKey, p: LedgerRecord): LedgerRecord {
    if (isStray(ledger, p)) return p;
    const { [PERSON_KEY]: _pk, [SEALED_TITLE]: _st, ...rest } = p;
    const title = openTitle(ring.key('records'), ledger, p);
    const row: LedgerRecord = freeze({
      ...rest,
      ...(title !== undefined ? { [ledgerDef(ledger).titleField]: title } : {}),
    });
    fallbackRows.add(row);
    return row;
  }

  /** Full records: the vault's, then any clear-only rows (strays, or projections whose bucket was lost). */
  function fullView(ledger: LedgerKey, strict: boolean): LedgerRecord[] {
    const entries = store.get<SealedBucket[]>(sealedCollection(ledger));
    const proj = store.get<LedgerRecord[]>(ledgerCollection(ledger));
    const out: LedgerRecord[] = [];
    const seen = new Set<string>();
    for (const e of entries) {
      try {
        for (const r of openEntry(ledger, e).records) {
          seen.add(r.id);
          out.push(r);
        }
      } catch {
        // Never guess: a write would drop these records, so writes stop; reads fall back to what may be counted.
        if (strict)
          throw new AppFailure(
            'conflict',
            `有一组加密的线索记录（${e.id}）无法解密，为防止数据丢失已停止保存；请联系技术人员`,
          );
        logger.error('加密记录无法解密', { ledger, bucket: e.id });
      }
    }
    for (const p of proj) if (!seen.has(p.id)) out.push(fallbackRow(ledger, p));
    return out;
  }

  /** Before accounts: statistics count the clear records through their projections too (no names ever). */
  function clearCountingView(ledger: LedgerKey): LedgerRecord[] {
    const src = plain.all(ledger);
    const c = clearCounting.get(ledger);
    if (c && c.src === src) return c.out;
    const out = src.map((r) => (isStray(ledger, r) ? project(ledger, r, { person: countingKey }) : r));
    clearCounting.set(ledger, { src, out });
    return out;
  }

  function lockedView(ledger: LedgerKey): LedgerRecord[] {
    const proj = store.get<LedgerRecord[]>(ledgerCollection(ledger));
    // A stray plain record is never handed out while locked: only what its projection would show.
    return proj.some((p) => isStray(ledger, p))
      ? proj.map((p) => (isStray(ledger, p) ? project(ledger, p) : p))
      : proj;
  }

  function encode(ledger: LedgerKey, records: readonly LedgerRecord[]): Record<string, unknown[]> {
    const current = store.get<SealedBucket[]>(sealedCollection(ledger));
    let byId: Map<string, LedgerRecord> | null = null;
    const storedProj = () =>
      (byId ??= new Map(store.get<LedgerRecord[]>(ledgerCollection(ledger)).map((p) => [p.id, p])));
    const groups = new Map<string, LedgerRecord[]>(current.map((e) => [e.id, []]));
    const fresh: LedgerRecord[] = [];
    const full: LedgerRecord[] = [];
    let homes: Map<string, string> | null = null;
    // A changed record keeps its bucket (found by id); new ones fill the last bucket, then new buckets.
    const homeOf = (id: string) => {
      homes ??= new Map(
        [...opened.entries()]
          .filter(([k]) => k.startsWith(`${ledger}/`))
          .flatMap(([, o]) => o.records.map((x) => [x.id, o.entry.id] as const)),
      );
      return homes.get(id);
    };
    for (const r of records) {
      const b = bucketOf.get(r);
      // Person keys live only in the clear projections, never in records handed out (the record schema is strict).
      const { [PERSON_KEY]: _dropped, ...bare } = r;
      const rec = b ? r : freeze(bare as LedgerRecord);
      const home = b ?? homeOf(r.id);
      if (home && groups.has(home)) groups.get(home)!.push(rec);
      else fresh.push(rec);
    }
    const ids = [...groups.keys()];
    const last = ids[ids.length - 1];
    if (last)
      while (fresh.length && groups.get(last)!.length < BUCKET_SIZE) groups.get(last)!.push(fresh.shift()!);
    for (let i = 0; i < fresh.length; i += BUCKET_SIZE)
      groups.set(newBucketId(), fresh.slice(i, i + BUCKET_SIZE));

    const entries: SealedBucket[] = [];
    for (const [id, recs] of groups) {
      if (recs.length === 0) continue;
      const was = current.find((e) => e.id === id);
      const prev = was && opened.get(`${ledger}/${id}`);
      const same =
        !!was &&
        !!prev &&
        prev.entry.iv === was.iv &&
        prev.entry.tag === was.tag &&
        prev.records.length === recs.length &&
        prev.records.every((x, i) => x === recs[i]);
      const entry = same && was ? was : sealBucket(ring, ledger, id, recs);
      if (!same) {
        for (const r of recs) bucketOf.set(r, id);
        opened.set(`${ledger}/${id}`, { entry, records: recs });
      }
      entries.push(entry);
      full.push(...recs);
    }
    return {
      [sealedCollection(ledger)]: entries,
      [ledgerCollection(ledger)]: full.map((r) => projection(ledger, r, storedProj)),
    };
  }

  return {
    all(ledger) {
      if (!confidential(ledger)) return plain.all(ledger);
      if (!deps.active()) {
        if (deps.demo()) return plain.all(ledger);
        throw needsAdmin();
      }
      const entries = store.get<unknown>(sealedCollection(ledger));
      const proj = store.get<unknown>(ledgerCollection(ledger));
      const v = views.get(ledger);
      // The store hands out the same frozen arrays until a write: reuse the last view while they are unchanged.
      if (v && v.entries === entries && v.proj === proj && v.unlocked === ring.unlocked) return v.out;
      const out = ring.unlocked ? fullView(ledger, false) : lockedView(ledger);
      views.set(ledger, { entries, proj, unlocked: ring.unlocked, out });
      return out;
    },

    async write(ledger, fn) {
      if (!confidential(ledger)) return plain.write(ledger, fn);
      // No key, no clear path: a clue typed before the administrator exists is refused, never stored in clear.
      if (!deps.active()) throw needsAdmin(deps.demo() ? DEMO_READ_ONLY_MESSAGE : NEEDS_ADMIN_MESSAGE);
      if (!ring.unlocked) throw new AppFailure('forbidden', LOCKED_MESSAGE);
      await store.updateMany(() => encode(ledger, fn(fullView(ledger, true))));
    },

    encode,

    openEntry: (ledger, entry) => openEntry(ledger, entry).records,

    async sealStrays() {
      if (!deps.active() || !ring.unlocked) return 0;
      // The bucket check comes first: strays are sealed into buckets, and a damaged one stops every write.
      await deps
        .afterUnlock?.()
        .catch((e: unknown) => logger.error('核对加密线索数据失败', { error: String(e) }));
      if (!ring.unlocked) return 0;
      let n = 0;
      for (const ledger of CONFIDENTIAL_LEDGERS) {
        const strays = store
          .get<LedgerRecord[]>(ledgerCollection(ledger))
          .filter((p) => isStray(ledger, p)).length;
        if (strays === 0) continue;
        // A stray whose id is already sealed is a stale clear copy: rewriting the projections drops it.
        await store.updateMany(() => encode(ledger, fullView(ledger, true)));
        n += strays;
      }
      if (n) logger.warn('已将绕过加密写入的线索记录加密保存', { count: n });
      return n;
    },

    clear() {
      opened.clear();
      views.clear();
    },

    counting(ledger) {
      if (!confidential(ledger)) return plain.all(ledger);
      return deps.active() ? lockedView(ledger) : clearCountingView(ledger);
    },
  };
}
