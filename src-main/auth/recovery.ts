// The recovery code: the administrator's way in when every password is forgotten, when the door is throttled, and
// when the account list was edited on disk. It opens the clue data key and the account-integrity key, puts back the
// account list the app wrote (reestablish), sets the administrator's new password and signs them in.
// Its rule against guessing: the code has 160 random bits, so no number of tries matters; failures are never
// counted towards a lock (an attacker cannot lock the administrator out of it), each failure only answers after a
// delay, and one door runs one recovery attempt at a time (at most a few waiting), so a flood on one door slows only
// that door; the desktop window, the web page and the command line each keep their own line.
import path from 'node:path';
import type { CallContext, Door } from '../shared/context';
import type { RecoverResult } from '../shared/contract/auth';
import { AppFailure } from '../shared/result';
import { BACKUP_DIR, readBundle, scanBackups } from '../store/backup-files';
import { formatForUser } from '../store/format-time';
import { reestablish } from './account-check';
import type { SecurityCore } from './core';
import { accountsEnabled } from './core';
import { hashPasswordWithSelfKey, newSalt, normalizeRecoveryCode } from './crypto';
import type { IntegrityDoc } from './integrity';
import {
  expectedUsers,
  ikEntryOf,
  INTEGRITY_COLLECTION,
  IntegrityRing,
  listMacOk,
  newIntegrityKey,
  RECOVERY_HOLDER,
  sealAccounts,
  sealSelfKey,
  unwrapIk,
  wrapIk,
} from './integrity';
import type { SignIn } from './sign-in';
import { UNKNOWN_USER } from './sign-in';
import type { UserRecord } from './users';
import {
  checkPasswordStrength,
  findByUsername,
  hasClueAccess,
  normalizeUsername,
  USERS_COLLECTION,
} from './users';
import type { VaultDoc } from './vault';
import { deriveKek, unwrapKeyWithKek, VAULT_COLLECTION, withKey, wrapKeyWithKek } from './vault';

/** How long a wrong recovery code (or name) waits before its answer, holding its door's line. */
export const RECOVERY_FAILURE_DELAY_MS = 2_000;
/** Recovery attempts that may wait behind the running one on the same door; more are turned away at once. */
export const RECOVERY_QUEUE = 3;
/** Distinct recovery entries tried (the current one, then the backups'), to bound what one wrong code costs. */
const RECOVERY_BACKUP_ENTRIES = 4;

interface Line {
  tail: Promise<unknown>;
  size: number;
}

export function createRecovery(core: SecurityCore, signIn: SignIn) {
  const { store, ring, iring, kdf, guard } = core;
  const lines = new Map<Door, Line>();

  function inLine<T>(door: Door, fn: () => Promise<T>): Promise<T> {
    const line = lines.get(door) ?? { tail: Promise.resolve(), size: 0 };
    lines.set(door, line);
    if (line.size > RECOVERY_QUEUE) {
      throw new AppFailure('forbidden', '恢复码尝试过于频繁，请稍后再试', { retryAfterSeconds: 5 });
    }
    line.size += 1;
    const run = line.tail.then(fn);
    line.tail = run.catch(() => undefined).finally(() => (line.size -= 1));
    return run;
  }

  async function fail(username: string, ctx: CallContext, why: string): Promise<never> {
    const known = findByUsername(guard.state().users, username);
    await core.trail.recordAs(known?.username ?? UNKNOWN_USER, ctx, {
      action: '登录失败',
      target: 'session',
      detail: `恢复码登录失败：${why}`,
    });
    await core.sleep(RECOVERY_FAILURE_DELAY_MS);
    throw new AppFailure('forbidden', '恢复码或管理员用户名不正确');
  }

  async function attempt(
    input: { username: string; recoveryCode: string; newPassword: string },
    ctx: CallContext,
  ): Promise<RecoverResult> {
    const before = guard.state();
    const tampered = guard.problems();
    const code = normalizeRecoveryCode(input.recoveryCode);
    const found = await openRecoveryEntry(before, code);
    if (!found) return fail(input.username, ctx, '恢复码不正确');
    const { entry: dekEntry, kek, dek, ik, from } = found;
    const scratch = new IntegrityRing();
    try {
      // The IK lost (entry removed or replaced): a new one; nothing sealed with the old can be checked any more.
      const rekeyed = !ik;
      scratch.set(ik ?? newIntegrityKey());
      // Which list decides who the administrator is: the sealed one when its tags hold, else the file's.
      const seal = before.doc.accounts;
      const sealOk = !rekeyed && !!seal && listMacOk(scratch, seal, before.doc.keys);
      const admin = findByUsername(sealOk ? expectedUsers(seal) : before.users, input.username);
      if (!admin || admin.role !== 'admin') return await fail(input.username, ctx, '不是管理员的用户名');
      checkPasswordStrength(input.newPassword, admin.username);

      const newKdf = { ...kdf, salt: newSalt() };
      const [pw, newKek] = await Promise.all([
        hashPasswordWithSelfKey(input.newPassword, kdf),
        deriveKek(input.newPassword, newKdf),
      ]);
      const adminDek = wrapKeyWithKek(dek, newKek, admin.id, newKdf);
      const adminIk = wrapIk(scratch.raw(), newKek, admin.id, newKdf);
      const recoveryIk = wrapIk(scratch.raw(), kek, RECOVERY_HOLDER, dekEntry.kdf);
      newKek.fill(0);
      let notes: string[] = from ? [`恢复码的密钥条目已被改动，已从 ${from} 的备份取回`] : [];
      let record: UserRecord | null = null;
      try {
        await store.updateMany((get) => {
          const s = {
            users: get<UserRecord[]>(USERS_COLLECTION),
            vault: get<VaultDoc>(VAULT_COLLECTION),
            doc: get<IntegrityDoc>(INTEGRITY_COLLECTION),
          };
          const re = reestablish(scratch, s, { adminId: admin.id, rekeyed });
          const current = re.users.find((u) => u.id === admin.id);
          if (!current) throw new AppFailure('conflict', '该管理员账户已不存在，请重试');
          record = {
            ...current,
            password: pw.hash,
            mustChangePassword: false,
            disabled: false,
            updatedAt: core.now().toISOString(),
          };
          const users = re.users.map((u) => (u.id === admin.id ? record! : u));
          const doubtful = new Set(re.unverified);
          const admins = new Set(
            users.filter((u) => u.role === 'admin' && !doubtful.has(u.id)).map((u) => u.id),
          );
          const kept = rekeyed ? [] : s.doc.keys.filter((k) => admins.has(k.holder) && k.holder !== admin.id);
          const keys = [...kept, adminIk, recoveryIk];
          const selfKeys = { ...re.selfKeys, [admin.id]: sealSelfKey(scratch, record, pw.self) };
          notes = [...notes, ...re.notes];
          // Clue keys stay only with accounts that may open clues (a key slipped in for another is dropped).
          const holders = new Set([
            RECOVERY_HOLDER,
            ...users.filter((u) => hasClueAccess(u.role) && !doubtful.has(u.id)).map((u) => u.id),
          ]);
          const vault: VaultDoc = { ...s.vault, keys: s.vault.keys.filter((k) => holders.has(k.holder)) };
          return {
            [USERS_COLLECTION]: users,
            [VAULT_COLLECTION]: withKey(withKey(vault, dekEntry), adminDek),
            [INTEGRITY_COLLECTION]: {
              version: 1,
              keys,
              accounts: sealAccounts(scratch, users, keys, selfKeys),
            } satisfies IntegrityDoc,
          };
        });
      } finally {
        pw.self.fill(0);
      }
      const user = record as UserRecord | null;
      if (!user) throw new AppFailure('internal', '恢复未完成');

      // The list is the app's own again: the IK in memory, every session of the old list ended.
      iring.set(scratch.raw());
      guard.reset();
      if (tampered.length || notes.length) core.sessions.endAll('revoked');
      else core.sessions.endForUser(user.id, 'revoked');
      core.throttle.success(normalizeUsername(user.username));
      const as: CallContext = { ...ctx, user: null };
      await core.trail.recordAs(user.username, as, {
        action: '恢复码重置密码',
        target: 'account',
        recordId: user.id,
      });
      if (tampered.length || notes.length) {
        await core.trail.recordAs(user.username, as, {
          action: '账户数据已还原',
          target: 'account',
          detail: [...(tampered.length ? [`发现：${tampered.join('；')}`] : []), ...notes].join('；'),
        });
      }
      await guard.keyed({ seal: 'reanchor' });
      if (!ring.unlocked) await signIn.unlockWith(dek, user.id);
      const session = await signIn.startSession(user, ctx.door, '（恢复码）', ctx);
      return { ...session, reset: true, notes };
    } finally {
      kek.fill(0);
      dek.fill(0);
      ik?.fill(0);
      scratch.lock();
    }
  }

  /**
   * The recovery entries the code may open: the current one, then (only if it does not open) those of the backups,
   * newest first, a few distinct ones at most: an entry destroyed on disk must not shut the way in for good.
   */
  async function openRecoveryEntry(before: ReturnType<typeof guard.state>, code: string) {
    const current = {
      dek: before.vault.keys.find((k) => k.holder === RECOVERY_HOLDER),
      ik: ikEntryOf(before.doc, RECOVERY_HOLDER),
      from: undefined as string | undefined,
    };
    const seen = new Set<string>();
    async function* candidates() {
      if (current.dek) {
        seen.add(current.dek.iv);
        yield current;
      }
      const backups = await scanBackups(path.join(store.dataDir, BACKUP_DIR)).catch(() => []);
      for (const b of backups) {
        if (seen.size >= RECOVERY_BACKUP_ENTRIES || !b.readable) continue;
        const bundle = await readBundle(b.file).catch(() => null);
        const vault = bundle?.collections[VAULT_COLLECTION] as VaultDoc | undefined;
        const doc = bundle?.collections[INTEGRITY_COLLECTION] as IntegrityDoc | undefined;
        const dek = Array.isArray(vault?.keys)
          ? vault.keys.find((k) => k.holder === RECOVERY_HOLDER)
          : undefined;
        if (!dek || seen.has(dek.iv)) continue;
        seen.add(dek.iv);
        const ik = Array.isArray(doc?.keys) ? ikEntryOf(doc, RECOVERY_HOLDER) : undefined;
        yield { dek, ik, from: formatForUser(bundle!.header.createdAt) };
      }
    }
    for await (const c of candidates()) {
      const kek = await deriveKek(code, c.dek!.kdf);
      const dek = unwrapKeyWithKek(c.dek!, kek);
      if (!dek) {
        kek.fill(0);
        continue;
      }
      // The IK: the candidate's own entry, else the current one (same installation, same key).
      let ik: Buffer | null = null;
      for (const e of [c.ik, current.ik]) {
        if (ik || !e) continue;
        if (e.kdf.salt === c.dek!.kdf.salt) ik = unwrapIk(e, kek);
        else {
          const other = await deriveKek(code, e.kdf);
          ik = unwrapIk(e, other);
          other.fill(0);
        }
      }
      return { entry: c.dek!, kek, dek, ik, from: c.from };
    }
    return null;
  }

  return {
    async recover(
      input: { username: string; recoveryCode: string; newPassword: string },
      ctx: CallContext,
    ): Promise<RecoverResult> {
      // Before accounts there is nothing to recover, and nothing to log as a failed sign-in.
      if (!accountsEnabled(store)) throw new AppFailure('conflict', '尚未设置管理员账户，无需使用恢复码');
      return inLine(ctx.door, () => attempt(input, ctx));
    },
  };
}

export type Recovery = ReturnType<typeof createRecovery>;
