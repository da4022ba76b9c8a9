// Plain clue copies the vault did not write itself: backups taken before accounts existed (or after a path that
// bypassed the vault) and damaged files the store moved to quarantine. Backups are rewritten with the clues sealed
// (and the current accounts, so restoring one still opens); quarantined files are sealed whole.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { ledgerCollection } from '../services/ledger-service';
import type { LedgerRecord } from '../shared/ledgers/types';
import type { Logger, Store } from '../store';
import { BACKUP_DIR, readBundle, scanBackups } from '../store/backup-files';
import { writeFileDurable } from '../store/durable-write';
import { seal } from './crypto';
import { isStray, project } from './projection';
import type { SealedBucket } from './sealed-repo';
import { CONFIDENTIAL_LEDGERS, openBucket, sealedCollection, sealInBuckets } from './sealed-repo';
import { INTEGRITY_COLLECTION } from './integrity';
import { USERS_COLLECTION } from './users';
import type { KeyRing, VaultDoc } from './vault';
import { VAULT_COLLECTION, vaultActive } from './vault';

const QUARANTINE_DIR = 'quarantine';
export const SEALED_FILE_FORMAT = 'campaign-desk-sealed-file';

/** Returns the bundle's collections with every plain confidential record sealed, or null if there was none. */
function sealCollections(
  ring: KeyRing,
  store: Store,
  collections: Record<string, unknown>,
): Record<string, unknown> | null {
  let changed = false;
  const out = { ...collections };
  for (const ledger of CONFIDENTIAL_LEDGERS) {
    const proj = collections[ledgerCollection(ledger)];
    if (!Array.isArray(proj) || !proj.some((r: LedgerRecord) => isStray(ledger, r))) continue;
    const existing = Array.isArray(collections[sealedCollection(ledger)])
      ? (collections[sealedCollection(ledger)] as SealedBucket[])
      : [];
    // Same data key for the life of the vault, so the backup's own buckets open too: seal only what they lack.
    const ids = new Set(existing.flatMap((e) => openBucket(ring, ledger, e).map((r) => r.id)));
    const fresh = sealInBuckets(
      ring,
      ledger,
      (proj as LedgerRecord[]).filter((r) => isStray(ledger, r) && !ids.has(r.id)),
    );
    out[sealedCollection(ledger)] = [...existing, ...fresh];
    out[ledgerCollection(ledger)] = (proj as LedgerRecord[]).map((r) =>
      isStray(ledger, r)
        ? project(ledger, r, { person: ring.key('person'), records: ring.key('records') })
        : r,
    );
    changed = true;
  }
  if (!changed) return null;
  // Without the accounts of today the sealed clues in this backup could never be opened after a restore.
  const users = collections[USERS_COLLECTION];
  if (!Array.isArray(users) || users.length === 0) {
    out[USERS_COLLECTION] = store.get(USERS_COLLECTION);
    // The sealed copy of the account list goes with it, or a restore would find users.json unaccounted for.
    out[INTEGRITY_COLLECTION] = store.get(INTEGRITY_COLLECTION);
  }
  if (
    !vaultActive(
      (collections[VAULT_COLLECTION] as VaultDoc | undefined) ?? { version: 1, createdAt: null, keys: [] },
    )
  ) {
    out[VAULT_COLLECTION] = store.get(VAULT_COLLECTION);
  }
  return out;
}

async function sealBackups(ring: KeyRing, store: Store, logger: Logger): Promise<number> {
  let n = 0;
  for (const entry of await scanBackups(path.join(store.dataDir, BACKUP_DIR))) {
    if (!entry.readable) continue;
    try {
      const bundle = await readBundle(entry.file);
      const sealed = sealCollections(ring, store, bundle.collections);
      if (!sealed) continue;
      // Header fields first, as the store writes them: it lists backups by reading only the first few KB.
      const json = JSON.stringify({
        ...bundle.header,
        reason: `${bundle.header.reason}（问题线索已加密）`,
        collections: sealed,
      });
      await writeFileDurable(entry.file, json);
      n++;
    } catch (err) {
      logger.error('加密备份中的问题线索失败', { file: entry.file, error: String(err) });
    }
  }
  return n;
}

/** Quarantined copies of a confidential collection, or of a journal (it may hold any collection), sealed whole. */
async function sealQuarantine(ring: KeyRing, dataDir: string, logger: Logger): Promise<number> {
  const dir = path.join(dataDir, QUARANTINE_DIR);
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  const prefixes = ['journal.', ...CONFIDENTIAL_LEDGERS.map((l) => `${ledgerCollection(l)}.`)];
  let n = 0;
  for (const name of names) {
    if (name.endsWith('.sealed') || !prefixes.some((p) => name.startsWith(p))) continue;
    const file = path.join(dir, name);
    try {
      const bytes = await fsp.readFile(file);
      const sealed = {
        format: SEALED_FILE_FORMAT,
        name,
        ...seal(ring.key('files'), bytes, `campaign-desk/file/v1/${name}`),
      };
      await writeFileDurable(`${file}.sealed`, JSON.stringify(sealed));
      await fsp.rm(file);
      n++;
    } catch (err) {
      logger.error('加密隔离区文件失败', { file: name, error: String(err) });
    }
  }
  return n;
}

/** Seals leftovers in backups/ and quarantine/; needs the vault unlocked. Never throws: failures are logged. */
export async function sealLeftovers(
  ring: KeyRing,
  store: Store,
  logger: Logger,
): Promise<{ backups: number; files: number }> {
  if (!ring.unlocked) return { backups: 0, files: 0 };
  const backups = await sealBackups(ring, store, logger);
  const files = await sealQuarantine(ring, store.dataDir, logger);
  if (backups || files) logger.info('已加密旧备份与隔离区中的问题线索', { backups, files });
  return { backups, files };
}
