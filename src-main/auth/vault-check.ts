// Damaged sealed buckets ('vault-<ledger>.json') are found and repaired, never silent. At start-up there is no key,
// so each bucket is checked against the digest written with it; a damaged bucket whose very version a backup
// holds comes back at once, losslessly. At unlock GCM decides (nobody can forge it): a bucket that does not open
// comes back from the newest backup whose copy opens, and the notice names the records affected (线索编号, from
// the sealed titles in the clear file) and from when. `verify` reports what is still wrong either way.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ledgerCollection } from '../services/ledger-service';
import { ledgerDef } from '../shared/ledgers';
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { Logger, Store, StoreNotice } from '../store';
import { BACKUP_DIR, readBundle, scanBackups } from '../store/backup-files';
import type { Bundle } from '../store/backup-files';
import { writeFileDurable } from '../store/durable-write';
import { fileStamp, formatForUser } from '../store/format-time';
import { isStray, openTitle, project, SEALED_TITLE } from './projection';
import type { SealedBucket } from './sealed-repo';
import { bucketDigest, CONFIDENTIAL_LEDGERS, sealedCollection, withDigest } from './sealed-repo';
import type { KeyRing } from './vault';

export interface VaultCheckDeps {
  store: Store;
  ring: KeyRing;
  logger: Logger;
  now: () => Date;
  /**
   * The sealed repository's cached decryption of one bucket; throws when GCM refuses it. Going through its cache
   * means the ledger opens at once after the unlock that checked it.
   */
  open: (ledger: LedgerKey, entry: SealedBucket) => readonly LedgerRecord[];
}

export interface VaultCheck {
  /** Without the key: digests. Repairs what a backup holds verbatim; tells about the rest. Never throws. */
  atStart(): Promise<void>;
  /** With the key: GCM on every bucket, repair from backups, naming of the records affected. */
  atUnlock(): Promise<void>;
  /** What is wrong now, one Chinese sentence each (for `verify`); GCM too while the vault is unlocked. */
  problems(): Promise<string[]>;
  /**
   * What was found and done. Notices naming records (线索编号) only for whom `mayRead` allows that ledger; without
   * `mayRead` all of them (the CLI, whose process only ever unlocked for its own signed-in user).
   */
  notices(mayRead?: (ledger: LedgerKey) => boolean): StoreNotice[];
}

interface Notice {
  notice: StoreNotice;
  ledger: LedgerKey;
  /** It names records (their 线索编号): only for those who may open the ledger. */
  names: boolean;
}

const QUARANTINE_DIR = 'quarantine';
const MAX_NAMED = 20;

const fileOf = (ledger: LedgerKey) => `${sealedCollection(ledger)}.json`;
const digestOk = (e: SealedBucket) => e.sha !== undefined && e.sha === bucketDigest(e);

/** "XS-1、XS-2 等 25 条" — at most MAX_NAMED names, then the count. */
function listNames(names: string[]): string {
  const shown = names.slice(0, MAX_NAMED).join('、');
  return names.length > MAX_NAMED ? `${shown} 等 ${names.length} 条` : shown;
}

export function createVaultCheck(deps: VaultCheckDeps): VaultCheck {
  const { store, ring, logger } = deps;
  const list: Notice[] = [];
  /** Records a notice of this run already named as lacking their sealed part (`verify` need not repeat them). */
  const named = new Set<string>();
  /** Start-up notices about buckets only GCM can judge: withdrawn once the unlock has judged them. */
  const pending = new Map<string, StoreNotice>();

  /**
   * Records a notice for the banner. The log gets `logLine` instead when the message names records: the log file
   * is clear text in the data directory, and 线索编号 live only in the sealed part.
   */
  function notice(
    ledger: LedgerKey,
    kind: StoreNotice['kind'],
    message: string,
    opts: { file?: string; logLine?: string; meta?: object } = {},
  ): StoreNotice {
    const known = list.find((n) => n.notice.message === message);
    if (known) return known.notice;
    const { file } = opts;
    const n: StoreNotice = { kind, message, at: deps.now().toISOString(), ...(file ? { file } : {}) };
    list.push({ notice: n, ledger, names: opts.logLine !== undefined });
    logger[kind === 'restored' ? 'warn' : 'error'](opts.logLine ?? message, {
      ledger,
      ...opts.meta,
      ...(file ? { file } : {}),
    });
    return n;
  }

  function withdraw(key: string) {
    const n = pending.get(key);
    if (!n) return;
    pending.delete(key);
    const i = list.findIndex((x) => x.notice === n);
    if (i >= 0) list.splice(i, 1);
  }

  /** Backups, newest first, read once per check. */
  function backupReader() {
    let entries: Awaited<ReturnType<typeof scanBackups>> | null = null;
    const bundles = new Map<string, Bundle | null>();
    return async function* copies(ledger: LedgerKey) {
      entries ??= await scanBackups(path.join(store.dataDir, BACKUP_DIR)).catch(() => []);
      for (const entry of entries) {
        if (!entry.readable) continue;
        if (!bundles.has(entry.file)) bundles.set(entry.file, await readBundle(entry.file).catch(() => null));
        const bundle = bundles.get(entry.file);
        const buckets = bundle?.collections[sealedCollection(ledger)];
        if (!bundle || !Array.isArray(buckets)) continue;
        yield { file: entry.file, createdAt: bundle.header.createdAt, buckets: buckets as SealedBucket[] };
      }
    };
  }

  /** The clear projections' dates of the records a bucket says it holds: all one can say without the key. */
  function describeWithoutKey(ledger: LedgerKey, e: SealedBucket): string {
    const ids = new Set(e.ids ?? []);
    const dates = store
      .get<LedgerRecord[]>(ledgerCollection(ledger))
      .filter((p) => ids.has(p.id))
      .map((p) => p.date)
      .sort();
    if (!dates.length) return '';
    const span =
      dates[0] === dates[dates.length - 1] ? dates[0] : `${dates[0]} 至 ${dates[dates.length - 1]}`;
    return `，含${ledgerDef(ledger).dateLabel ?? '日期'}为 ${span} 的 ${dates.length} 条记录`;
  }

  async function atStart(): Promise<void> {
    const copies = backupReader();
    for (const ledger of CONFIDENTIAL_LEDGERS) {
      const entries = store.get<SealedBucket[]>(sealedCollection(ledger));
      const bad = entries.filter((e) => e.sha !== undefined && !digestOk(e));
      if (!bad.length) continue;
      const fixes = new Map<SealedBucket, { entry: SealedBucket; createdAt: string; file: string }>();
      for (const e of bad) {
        // Lossless only: a backup copy of this very version (same digest, or same ciphertext), itself intact.
        for await (const b of copies(ledger)) {
          const c = b.buckets.find(
            (x) =>
              digestOk(x) && (x.sha === e.sha || (x.iv === e.iv && x.tag === e.tag && x.data === e.data)),
          );
          if (c) {
            fixes.set(e, { entry: c, createdAt: b.createdAt, file: b.file });
            break;
          }
        }
      }
      if (fixes.size) {
        await store.updateMany((get) => ({
          [sealedCollection(ledger)]: get<SealedBucket[]>(sealedCollection(ledger)).map(
            (e) => fixes.get(e)?.entry ?? e,
          ),
        }));
      }
      for (const e of bad) {
        const fix = fixes.get(e);
        const what = `加密保存的${ledgerDef(ledger).label}（${fileOf(ledger)}）中有一组数据（${e.id}${describeWithoutKey(ledger, e)}）校验不符`;
        if (fix) {
          notice(
            ledger,
            'restored',
            `${what}，已从 ${formatForUser(fix.createdAt)} 的备份取回与损坏前完全相同的内容，没有数据丢失。`,
            { file: fix.file },
          );
        } else {
          pending.set(
            `${ledger}/${e.id}`,
            notice(
              ledger,
              'quarantined',
              `${what}，可能已损坏。管理员或线索工作组成员登录后将用密钥核对，必要时从最近的完好备份恢复，并列出受影响的线索编号。`,
            ),
          );
        }
      }
    }
  }

  interface Repair {
    bucket: string;
    /** The backup the bucket came back from; null when no backup held it intact (moved to quarantine). */
    from: { createdAt: string; file: string } | null;
    restored: readonly LedgerRecord[];
    /** Ids the damaged entry said it held (may be damaged too: only used to tell which lost records were its). */
    claimed: string[];
  }

  async function keepDamaged(ledger: LedgerKey, entries: SealedBucket[]): Promise<string | null> {
    const dir = path.join(store.dataDir, QUARANTINE_DIR);
    try {
      await fsp.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${sealedCollection(ledger)}.${fileStamp(deps.now())}.json`);
      const body = { format: 'campaign-desk-damaged-buckets', ledger, at: deps.now().toISOString(), entries };
      await writeFileDurable(file, JSON.stringify(body));
      return file;
    } catch (err) {
      logger.error('无法把损坏的加密线索数据移到隔离区', { error: String(err) });
      return null;
    }
  }

  async function unlockLedger(ledger: LedgerKey, copies: ReturnType<typeof backupReader>) {
    const entries = store.get<SealedBucket[]>(sealedCollection(ledger));
    const proj = store.get<LedgerRecord[]>(ledgerCollection(ledger));
    const next: SealedBucket[] = [];
    const repairs: Repair[] = [];
    const damaged: SealedBucket[] = [];
    const sealedById = new Map<string, LedgerRecord>();
    let digestsFixed = 0;
    let changed = false;
    for (const e of entries) {
      let recs: readonly LedgerRecord[] | null = null;
      try {
        recs = deps.open(ledger, e);
      } catch {
        recs = null;
      }
      if (recs) {
        const ids = recs.map((r) => r.id);
        const fresh = withDigest(e, ids);
        if (fresh.sha !== e.sha) {
          if (e.sha !== undefined) digestsFixed++; // damaged digest or membership; the data itself is intact
          next.push(fresh);
          changed = true;
        } else next.push(e);
        for (const r of recs) sealedById.set(r.id, r);
        withdraw(`${ledger}/${e.id}`);
        continue;
      }
      changed = true;
      let found: Repair['from'] = null;
      let restored: readonly LedgerRecord[] = [];
      for await (const b of copies(ledger)) {
        const candidates = b.buckets.filter((x) => x.id === e.id || x.iv === e.iv);
        for (const c of candidates) {
          try {
            restored = deps.open(ledger, c);
          } catch {
            continue;
          }
          next.push(
            withDigest(
              c,
              restored.map((r) => r.id),
            ),
          );
          found = { createdAt: b.createdAt, file: b.file };
          break;
        }
        if (found) break;
      }
      if (!found) damaged.push(e);
      for (const r of restored) sealedById.set(r.id, r);
      repairs.push({ bucket: e.id, from: found, restored, claimed: e.ids ?? [] });
    }

    // Projections made before titles were sealed into them get one now (records open, nothing lost).
    const rs = ring.key('records');
    const person = ring.key('person');
    let titled = 0;
    const nextProj = proj.map((p) => {
      if (p[SEALED_TITLE] !== undefined || isStray(ledger, p)) return p;
      const full = sealedById.get(p.id);
      if (!full || full.rev !== p.rev) return p;
      titled++;
      return project(ledger, full, { person, records: rs });
    });

    const quarantined = damaged.length ? await keepDamaged(ledger, damaged) : null;
    if (changed || titled) {
      await store.updateMany((get) => {
        // Only over what was checked: anything written meanwhile is left for the next unlock.
        if (get(sealedCollection(ledger)) !== entries || get(ledgerCollection(ledger)) !== proj) return {};
        return {
          ...(changed ? { [sealedCollection(ledger)]: next } : {}),
          ...(titled ? { [ledgerCollection(ledger)]: nextProj } : {}),
        };
      });
    }

    const label = ledgerDef(ledger).label;
    const titleField = ledgerDef(ledger).titleField;
    const nameOf = (r: Record<string, unknown>) => {
      const t = r[titleField] ?? openTitle(rs, ledger, r);
      const date = typeof r.date === 'string' ? r.date : '日期不详';
      return typeof t === 'string' && t ? t : `（编号不详，${date}）`;
    };
    const projById = new Map(proj.map((p) => [p.id, p]));
    const lacking = proj.filter((p) => !isStray(ledger, p) && !sealedById.has(p.id));
    const told = new Set<string>();

    if (digestsFixed) {
      notice(
        ledger,
        'restored',
        `加密保存的${label}（${fileOf(ledger)}）中有 ${digestsFixed} 组数据的校验值有误，经密钥核对内容完好，已更正校验值，没有数据丢失。`,
      );
    }
    for (const r of repairs) {
      withdraw(`${ledger}/${r.bucket}`);
      const claimed = new Set(r.claimed);
      const lost = lacking.filter((p) => claimed.has(p.id) || repairs.length === 1);
      for (const p of lost) told.add(p.id);
      const lostText = lost.length
        ? `；${listNames(lost.map(nameOf))} 的加密内容（姓名、摘要等）没有可用的备份，现只剩统计字段，请核对后重新录入`
        : '';
      if (r.from) {
        const when = formatForUser(r.from.createdAt);
        const older = r.restored.filter((x) => (projById.get(x.id)?.rev ?? 0) > x.rev);
        const gone = r.restored.filter((x) => !projById.has(x.id));
        const olderText = older.length ? `，其中 ${listNames(older.map(nameOf))} 在此之后的修改已丢失` : '';
        const goneText = gone.length
          ? `；${listNames(gone.map(nameOf))} 已在此之后彻底删除，随备份回到了台账中，请核对`
          : '';
        notice(
          ledger,
          'restored',
          `加密保存的${label}（${fileOf(ledger)}）中有一组数据（${r.bucket}）已损坏，无法解密，已从 ${when}（最后完好的备份）恢复：` +
            `${listNames(r.restored.map(nameOf))} 恢复为该时的内容${olderText}${goneText}` +
            `${lost.length ? `；在该备份之后新增的 ${listNames(lost.map(nameOf))} 失去了加密内容（姓名、摘要等），现只剩统计字段，请核对后重新录入` : ''}。`,
          {
            file: r.from.file,
            logLine: `加密的${label}数据有一组已损坏，已从 ${when} 的备份恢复`,
            meta: {
              bucket: r.bucket,
              restored: r.restored.length,
              changedSince: older.length,
              lost: lost.length,
            },
          },
        );
      } else {
        notice(
          ledger,
          'quarantined',
          `加密保存的${label}（${fileOf(ledger)}）中有一组数据（${r.bucket}）已损坏，无法解密，备份中也没有完好的副本；` +
            `损坏的数据已移至隔离区${quarantined ? `（${path.relative(store.dataDir, quarantined)}）` : ''}${lostText}。`,
          {
            file: quarantined ?? undefined,
            logLine: `加密的${label}数据有一组已损坏且没有完好的备份，已移至隔离区`,
            meta: { bucket: r.bucket, lost: lost.length },
          },
        );
      }
    }
    const rest = lacking.filter((p) => !told.has(p.id));
    if (rest.length) {
      notice(
        ledger,
        'quarantined',
        `${label}中 ${listNames(rest.map(nameOf))} 的加密内容（姓名、摘要等）不在数据目录中（可能是加密数据文件曾从较早的备份恢复），现只剩统计字段，请核对后重新录入。`,
        {
          logLine: `${label}中有 ${rest.length} 条记录的加密内容不在数据目录中`,
          meta: { lost: rest.length },
        },
      );
    }
    for (const p of lacking) named.add(p.id);
  }

  return {
    async atStart() {
      try {
        await atStart();
      } catch (err) {
        logger.error('启动时核对加密线索数据失败', { error: String(err) });
      }
    },

    async atUnlock() {
      if (!ring.unlocked) return;
      const copies = backupReader();
      for (const ledger of CONFIDENTIAL_LEDGERS) await unlockLedger(ledger, copies);
    },

    async problems() {
      const out: string[] = [];
      for (const ledger of CONFIDENTIAL_LEDGERS) {
        const entries = store.get<SealedBucket[]>(sealedCollection(ledger));
        const label = ledgerDef(ledger).label;
        const held = new Set<string>();
        let membershipKnown = true;
        for (const e of entries) {
          // A damaged bucket is one problem: its records are not counted again as lacking their sealed part.
          for (const id of e.ids ?? []) held.add(id);
          if (e.sha !== undefined && !digestOk(e)) {
            out.push(`加密保存的${label}（${fileOf(ledger)}）中的一组数据（${e.id}）校验不符，可能已损坏。`);
            continue;
          }
          if (ring.unlocked) {
            try {
              for (const r of deps.open(ledger, e)) held.add(r.id);
            } catch {
              out.push(
                `加密保存的${label}（${fileOf(ledger)}）中的一组数据（${e.id}）无法解密（已损坏或被改动）。`,
              );
            }
          } else if (!e.ids) membershipKnown = false;
        }
        if (!membershipKnown && !ring.unlocked) continue;
        const lacking = store
          .get<LedgerRecord[]>(ledgerCollection(ledger))
          .filter((p) => !isStray(ledger, p) && !held.has(p.id) && !named.has(p.id));
        if (lacking.length) {
          out.push(
            `${label}中有 ${lacking.length} 条记录只剩统计字段，加密内容（姓名、摘要等）缺失${ring.unlocked ? `：${listNames(lacking.map((p) => openTitle(ring.key('records'), ledger, p) ?? p.id))}` : ''}。`,
          );
        }
      }
      return out;
    },

    notices: (mayRead) => list.filter((n) => !n.names || !mayRead || mayRead(n.ledger)).map((n) => n.notice),
  };
}
