// Password changes that need no administrator: a user's own change (and a new recovery code, by the administrator).
// Both re-wrap the same keys; the clue records are never touched. A change made while no administrator is signed in
// (no account-integrity key in memory) is written as pending, certified by the password it replaces, for the next
// administrator sign-in to check and take over (src-main/auth/account-check.ts).
import type { CallContext } from '../shared/context';
import { AppFailure } from '../shared/result';
import { keylessProblems } from './account-check';
import type { SecurityCore } from './core';
import { commitAccounts, keyEntryOf, usersOf, wrapKeysFor } from './core';
import { hashPasswordWithSelfKey, newRecoveryCode, newSalt, normalizeRecoveryCode } from './crypto';
import { verifyPasswordWithSelfKey } from './crypto';
import type { IntegrityDoc } from './integrity';
import {
  ikEntryOf,
  INTEGRITY_COLLECTION,
  pendingChange,
  RECOVERY_HOLDER,
  unwrapIk,
  wrapIk,
} from './integrity';
import type { UserRecord } from './users';
import { checkPasswordStrength, findById, normalizeUsername, USERS_COLLECTION } from './users';
import type { VaultDoc } from './vault';
import { deriveKek, unwrapKeyWithKek, VAULT_COLLECTION, withKey, wrapKeyWithKek } from './vault';

export function createPasswords(core: SecurityCore) {
  const { store, ring, iring, kdf } = core;
  const stamp = () => core.now().toISOString();
  const audit = (ctx: CallContext, event: Parameters<SecurityCore['trail']['sink']['record']>[0]) =>
    core.trail.sink.record(event, ctx);

  /** The keys the old password opens (clue data key; IK for an administrator), copies the caller wipes. */
  async function oldKeys(user: UserRecord, oldPassword: string) {
    const entry = keyEntryOf(store, user.id);
    const ikEntry =
      user.role === 'admin' ? ikEntryOf(store.get<IntegrityDoc>(INTEGRITY_COLLECTION), user.id) : null;
    const kek = entry ? await deriveKek(oldPassword, entry.kdf) : null;
    try {
      const dek = entry
        ? (unwrapKeyWithKek(entry, kek!) ?? (ring.unlocked ? Buffer.from(ring.dataKey()) : null))
        : null;
      if (entry && !dek) throw new AppFailure('conflict', '您的线索密钥无法解开，请联系管理员重置密码');
      let ik: Buffer | null = null;
      if (user.role === 'admin') {
        ik = iring.unlocked
          ? Buffer.from(iring.raw())
          : ikEntry && kek && ikEntry.kdf.salt === entry!.kdf.salt
            ? unwrapIk(ikEntry, kek)
            : null;
        if (!ik) {
          dek?.fill(0);
          throw new AppFailure(
            'conflict',
            '您的账户完整性密钥无法解开，请使用恢复码或联系其他管理员重置密码',
          );
        }
      }
      return { dek, ik };
    } finally {
      kek?.fill(0);
    }
  }

  return {
    /** The signed-in user's own change: the old password opens the keys, the new one wraps them again. */
    async changePassword(userId: string, oldPassword: string, newPassword: string, ctx: CallContext) {
      const user = findById(usersOf(store), userId);
      const key = normalizeUsername(user.username);
      const locked = core.throttle.lockedFor(key);
      if (locked > 0)
        throw new AppFailure('forbidden', `密码错误次数过多，请${Math.ceil(locked / 1000)}秒后再试`, {
          retryAfterSeconds: Math.ceil(locked / 1000),
        });
      const oldSelf = await verifyPasswordWithSelfKey(oldPassword, user.password);
      if (!oldSelf) {
        const out = core.throttle.failure(key);
        await audit(ctx, {
          action: '登录失败',
          target: 'session',
          detail: `修改密码时原密码错误（连续第${out.failures}次）`,
        });
        await core.sleep(out.delayMs);
        throw new AppFailure('validation', '原密码不正确', {
          issues: [{ path: ['oldPassword'], message: '原密码不正确' }],
        });
      }
      core.throttle.success(key);
      const keyed = iring.unlocked;
      let keys: { dek: Buffer | null; ik: Buffer | null } = { dek: null, ik: null };
      let pw: Awaited<ReturnType<typeof hashPasswordWithSelfKey>> | null = null;
      try {
        if (newPassword === oldPassword) throw new AppFailure('validation', '新密码不能与原密码相同');
        checkPasswordStrength(newPassword, user.username);
        // Without the IK the change is certified by the old password's self key, which the seal must know.
        const seal = store.get<IntegrityDoc>(INTEGRITY_COLLECTION).accounts;
        if (!keyed && !seal?.selfKeys[user.id]) {
          throw new AppFailure(
            'conflict',
            '您的账户还不能在没有管理员登录时修改密码：请在管理员登录本程序后再改，或请管理员重置密码',
          );
        }
        keys = await oldKeys(user, oldPassword);
        const newKdf = { ...kdf, salt: newSalt() };
        const [hashed, kek] = await Promise.all([
          hashPasswordWithSelfKey(newPassword, kdf),
          keys.dek || keys.ik ? deriveKek(newPassword, newKdf) : Promise.resolve(null),
        ]);
        pw = hashed;
        const dekEntry = keys.dek && kek ? wrapKeyWithKek(keys.dek, kek, user.id, newKdf) : null;
        const ikEntry = keys.ik && kek ? wrapIk(keys.ik, kek, user.id, newKdf) : null;
        kek?.fill(0);
        const change = (u: UserRecord): UserRecord => ({
          ...u,
          password: hashed.hash,
          mustChangePassword: false,
          updatedAt: stamp(),
        });
        if (keyed) {
          await commitAccounts(core, (users, vault) => ({
            users: users.map((u) => (u.id === user.id ? change(u) : u)),
            vault: dekEntry ? withKey(vault, dekEntry) : undefined,
            ik: ikEntry ? [ikEntry] : undefined,
            self: { [user.id]: hashed.self },
          }));
        } else {
          await store.updateMany((get) => {
            const s = {
              users: get<UserRecord[]>(USERS_COLLECTION),
              vault: get<VaultDoc>(VAULT_COLLECTION),
              doc: get<IntegrityDoc>(INTEGRITY_COLLECTION),
            };
            const problems = keylessProblems(s);
            if (problems.length) throw core.guard.refusal(problems);
            const current = findById(s.users, user.id);
            if (current.password.salt !== user.password.salt)
              throw new AppFailure('conflict', '密码刚刚已被修改，请重新登录后再试');
            const record = change(current);
            const pending = pendingChange(record, oldSelf, hashed.self);
            return {
              [USERS_COLLECTION]: s.users.map((u) => (u.id === user.id ? record : u)),
              ...(dekEntry ? { [VAULT_COLLECTION]: withKey(s.vault, dekEntry) } : {}),
              [INTEGRITY_COLLECTION]: {
                ...s.doc,
                accounts: { ...s.doc.accounts!, pending: [...s.doc.accounts!.pending, pending] },
              } satisfies IntegrityDoc,
            };
          });
        }
      } finally {
        oldSelf.fill(0);
        pw?.self.fill(0);
        keys.dek?.fill(0);
        keys.ik?.fill(0);
      }
      core.sessions.endForUser(user.id, 'revoked', ctx.sessionId);
      await audit(ctx, {
        action: '修改密码',
        target: 'account',
        recordId: user.id,
        detail: keyed ? undefined : '无管理员登录时修改，待管理员下次登录时核对',
      });
    },

    async newRecoveryCode(ctx: CallContext): Promise<string> {
      const code = newRecoveryCode();
      const keys = await wrapKeysFor(core, '生成新的恢复码', normalizeRecoveryCode(code), RECOVERY_HOLDER, {
        dek: true,
        ik: true,
      });
      await commitAccounts(core, (_users, vault) => ({ vault: withKey(vault, keys.dek!), ik: [keys.ik!] }));
      await audit(ctx, { action: '重新生成恢复码', target: 'vault' });
      return code;
    },
  };
}
