// Is a clue data key that a password (or a backup's recovery entry) opened really this data directory's? An entry
// can be forged for a made-up key (someone who edits the files and wraps a key of their own under a password they
// know); that key opens none of the sealed buckets. Buckets whose digest shows damage are left to vault-check, so a
// damaged bucket is never taken for a false key.
import type { Store } from '../store';
import type { SealedBucket } from './sealed-repo';
import { bucketDigest, CONFIDENTIAL_LEDGERS, openBucket, sealedCollection } from './sealed-repo';
import { KeyRing } from './vault';

/** Intact buckets tried before concluding the key is not this directory's. */
const PROBES = 3;

export function dekFitsVault(store: Store, dek: Buffer): boolean {
  const probe = new KeyRing();
  probe.set(dek);
  try {
    let tried = 0;
    for (const ledger of CONFIDENTIAL_LEDGERS) {
      for (const e of store.get<SealedBucket[]>(sealedCollection(ledger))) {
        if (e.sha !== undefined && e.sha !== bucketDigest(e)) continue;
        tried++;
        try {
          openBucket(probe, ledger, e);
          return true;
        } catch {
          if (tried >= PROBES) return false;
        }
      }
    }
    return tried === 0;
  } finally {
    probe.lock();
  }
}
