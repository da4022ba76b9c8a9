// Account management: the first administrator (and the one-time move of clues into the vault), users added,
// changed, reset and removed by the administrator. Each change writes the users, the wrapped keys and the sealed
// copy of the list (integrity.json) together, all or nothing; the clue data itself is never re-encrypted.
import { randomUUID } from 'node:crypto';
import { ledgerCollection } from '../services/ledger-service';
import { SETTINGS_COLLECTION } from '../services/settings-service';
import type { CallContext, Role } from '../shared/context';
import type { AuditAction, UserInfo } from '../shared/contract/auth';
import type { LedgerRecord } from '../shared/ledgers/types';
import { AppFailure } from '../shared/result';
import type { Settings } from '../shared/settings';
import type { SecurityCore } from './core';
import { accountsEnabled, commitAccounts, keyEntryOf, usersOf, wrapKeysFor } from './core';
import { hashPasswordWithSelfKey, newRecoveryCode, newSalt, normalizeRecoveryCode } from './crypto';
import type { IntegrityDoc } from './integrity';
import {
  ikEntryOf,
  INTEGRITY_COLLECTION,
  IntegrityRing,
  newIntegrityKey,
  sealAccounts,
  sealSelfKey,
  wrapIk,
} from './integrity';
import { createPasswords } from './passwords';
import { CONFIDENTIAL_LEDGERS } from './sealed-repo';
import type { UserRecord } from './users';
import {
  checkPasswordStrength,
  findById,
  findByUsername,
  hasClueAccess,
  normalizeUsername,
  publicView,
  toUserInfo,
  USERS_COLLECTION,
} from './users';
import type { VaultDoc } from './vault';
import {
  deriveKek,
  newDataKey,
  RECOVERY_HOLDER,
  VAULT_COLLECTION,
  vaultActive,
  withKey,
  withoutKey,
  wrapKeyWithKek,
} from './vault';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  groups: string[];
  password: string;
}

export interface UserChange {
  id: string;
  displayName?: string;
  role?: Role;
  groups?: string[];
  disabled?: boolean;
  password?: string;
}

export function createAccounts(core: SecurityCore) {
  const { store, ring, kdf } = core;
  const stamp = () => core.now().toISOString();
  const info = (u: UserRecord) => toUserInfo(u, !!keyEntryOf(store, u.id));
  const audit = (ctx: CallContext, event: Parameters<SecurityCore['trail']['sink']['record']>[0]) =>
    core.trail.sink.record(event, ctx);

  function checkGroups(groups: string[]) {
    const known = new Set(store.get<Settings>(SETTINGS_COLLECTION).groups.map((g) => g.key));
    const unknown = groups.find((g) => !known.has(g));
    if (unknown) throw new AppFailure('validation', `未知的工作组：${unknown}`);
  }

  function assertUniqueName(users: readonly UserRecord[], username: string, exceptId?: string) {
    const clash = findByUsername(users, username);
    if (clash && clash.id !== exceptId) {
      throw new AppFailure('conflict', `用户名“${username}”已被使用`, {
        issues: [{ path: ['username'], message: `用户名“${username}”已被使用` }],
      });
    }
  }

  /** At least one enabled administrator must remain, or nobody could manage accounts again. */
  function assertAdminRemains(users: readonly UserRecord[], next: readonly UserRecord[]) {
    const admins = (us: readonly UserRecord[]) => us.filter((u) => u.role === 'admin' && !u.disabled).length;
    if (admins(users) > 0 && admins(next) === 0)
      throw new AppFailure('conflict', '至少需要保留一名可用的管理员');
  }

  return {
    /** First run: creates the administrator and the data key, and moves every clue into the vault in one write. */
    async setupAdmin(input: { username: string; displayName: string; password: string }, ctx: CallContext) {
      if (accountsEnabled(store)) throw new AppFailure('conflict', '管理员已经设置，请直接登录');
      checkPasswordStrength(input.password, input.username);
      const id = `u-${randomUUID()}`;
      const dek = newDataKey();
      const ik = newIntegrityKey();
      const recoveryCode = newRecoveryCode();
      // One key-encryption key per secret opens both the clue data key and the IK (one scrypt at sign-in).
      const adminKdf = { ...kdf, salt: newSalt() };
      const recoveryKdf = { ...kdf, salt: newSalt() };
      const [pw, adminKek, recoveryKek] = await Promise.all([
        hashPasswordWithSelfKey(input.password, kdf),
        deriveKek(input.password, adminKdf),
        deriveKek(normalizeRecoveryCode(recoveryCode), recoveryKdf),
      ]);
      const wrapped = wrapKeyWithKek(dek, adminKek, id, adminKdf);
      const recovery = wrapKeyWithKek(dek, recoveryKek, RECOVERY_HOLDER, recoveryKdf);
      const ikKeys = [
        wrapIk(ik, adminKek, id, adminKdf),
        wrapIk(ik, recoveryKek, RECOVERY_HOLDER, recoveryKdf),
      ];
      adminKek.fill(0);
      recoveryKek.fill(0);
      const at = stamp();
      const admin: UserRecord = {
        id,
        username: input.username,
        displayName: input.displayName,
        role: 'admin',
        groups: [],
        disabled: false,
        mustChangePassword: false,
        password: pw.hash,
        createdAt: at,
        updatedAt: at,
      };
      // The IK goes into memory only for this write; it stays there only once the write succeeded.
      const fresh = new IntegrityRing();
      fresh.set(ik);
      const integrity: IntegrityDoc = {
        version: 1,
        keys: ikKeys,
        accounts: sealAccounts(fresh, [admin], ikKeys, { [id]: sealSelfKey(fresh, admin, pw.self) }),
      };
      pw.self.fill(0);
      fresh.lock();
      ring.set(dek);
      dek.fill(0);
      let moved = 0;
      try {
        await store.updateMany((get) => {
          if (get<UserRecord[]>(USERS_COLLECTION).length || vaultActive(get<VaultDoc>(VAULT_COLLECTION))) {
            throw new AppFailure('conflict', '管理员已经设置，请直接登录');
          }
          const out: Record<string, unknown> = {
            [USERS_COLLECTION]: [admin],
            [VAULT_COLLECTION]: { version: 1, createdAt: at, keys: [wrapped, recovery] },
            [INTEGRITY_COLLECTION]: integrity,
          };
          for (const ledger of CONFIDENTIAL_LEDGERS) {
            const plain = get<LedgerRecord[]>(ledgerCollection(ledger));
            moved += plain.length;
            Object.assign(out, core.sealed.encode(ledger, plain));
          }
          return out;
        });
      } catch (err) {
        ring.lock();
        core.sealed.clear();
        ik.fill(0);
        throw err;
      }
      core.iring.set(ik);
      ik.fill(0);
      // Seals what was logged before accounts existed (as it reads now), then logs the setup with the key.
      await core.guard.keyed({ seal: 'scratch' });
      await audit(
        {
          ...ctx,
          user: { id, username: admin.username, displayName: admin.displayName, role: 'admin', groups: [] },
        },
        {
          action: '设置管理员',
          target: 'account',
          recordId: id,
          after: publicView(admin),
          detail: `启用账户；${moved}条问题线索已加密保存`,
        },
      );
      await core.sealLeftovers();
      return { user: admin, recoveryCode };
    },

    list(): UserInfo[] {
      return usersOf(store).map(info);
    },

    async create(input: NewUser, ctx: CallContext): Promise<UserInfo> {
      if (!accountsEnabled(store)) throw new AppFailure('conflict', '请先设置管理员');
      assertUniqueName(usersOf(store), input.username);
      checkPasswordStrength(input.password, input.username);
      checkGroups(input.groups);
      const id = `u-${randomUUID()}`;
      const [pw, keys] = await Promise.all([
        hashPasswordWithSelfKey(input.password, kdf),
        wrapKeysFor(core, '为该用户开通权限', input.password, id, {
          dek: hasClueAccess(input.role),
          ik: input.role === 'admin',
        }),
      ]);
      const password = pw.hash;
      const at = stamp();
      const user: UserRecord = {
        id,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        groups: input.groups,
        disabled: false,
        mustChangePassword: true,
        password,
        createdAt: at,
        updatedAt: at,
      };
      try {
        await commitAccounts(core, (users, vault) => {
          assertUniqueName(users, input.username);
          return {
            users: [...users, user],
            vault: keys.dek ? withKey(vault, keys.dek) : undefined,
            ik: keys.ik ? [keys.ik] : undefined,
            self: { [id]: pw.self },
          };
        });
      } finally {
        pw.self.fill(0);
      }
      await audit(ctx, { action: '新增用户', target: 'account', recordId: id, after: publicView(user) });
      return info(user);
    },

    async update(change: UserChange, ctx: CallContext, action: AuditAction = '修改用户'): Promise<UserInfo> {
      const before = findById(usersOf(store), change.id);
      if (ctx.user?.id === before.id && change.disabled)
        throw new AppFailure('conflict', '不能停用自己的账户');
      const role = change.role ?? before.role;
      if (change.groups) checkGroups(change.groups);
      const hadKey = !!keyEntryOf(store, before.id);
      const hadIk = !!ikEntryOf(store.get<IntegrityDoc>(INTEGRITY_COLLECTION), before.id);
      if (((hasClueAccess(role) && !hadKey) || (role === 'admin' && !hadIk)) && !change.password) {
        throw new AppFailure(
          'validation',
          role === 'admin' && !hadIk && hadKey
            ? '该管理员账户缺少账户完整性密钥：须同时为其设置新密码（用于开通密钥）'
            : '将用户设为管理员或线索工作组成员时，须同时为其设置新密码（用于开通线索密钥）',
          {
            issues: [{ path: ['password'], message: '请设置新密码' }],
          },
        );
      }
      if (change.password) checkPasswordStrength(change.password, before.username);
      // A new password re-wraps the same keys for the new password; the records stay as they are.
      const [pw, keys] = change.password
        ? await Promise.all([
            hashPasswordWithSelfKey(change.password, kdf),
            wrapKeysFor(core, '为该用户开通权限', change.password, before.id, {
              dek: hasClueAccess(role),
              ik: role === 'admin',
            }),
          ])
        : [null, {}];
      const password = pw ? pw.hash : before.password;
      const after: UserRecord = {
        ...before,
        displayName: change.displayName ?? before.displayName,
        role,
        groups: change.groups ?? before.groups,
        disabled: change.disabled ?? before.disabled,
        password,
        mustChangePassword: change.password ? true : before.mustChangePassword,
        updatedAt: stamp(),
      };
      try {
        await commitAccounts(core, (users, vault) => {
          const next = users.map((u) => (u.id === after.id ? after : u));
          assertAdminRemains(users, next);
          const v = keys.dek
            ? withKey(vault, keys.dek)
            : hadKey && !hasClueAccess(role)
              ? withoutKey(vault, after.id)
              : undefined;
          return {
            users: next,
            vault: v,
            ik: keys.ik ? [keys.ik] : undefined,
            dropIk: role !== 'admin' ? [after.id] : undefined,
            self: pw ? { [after.id]: pw.self } : undefined,
          };
        });
      } finally {
        pw?.self.fill(0);
      }
      // A new password or a disabled account ends that account's sessions (the administrator's own current one stays).
      if (change.password || after.disabled) core.sessions.endForUser(after.id, 'revoked', ctx.sessionId);
      // A reset is how the administrator lets a locked-out user back in at once.
      if (change.password) core.throttle.success(normalizeUsername(after.username));
      core.relockIfIdle();
      await audit(ctx, {
        action,
        target: 'account',
        recordId: after.id,
        before: publicView(before),
        after: publicView(after),
        detail: change.password ? '已重置密码' : undefined,
      });
      return info(after);
    },

    async remove(id: string, ctx: CallContext): Promise<{ id: string }> {
      const user = findById(usersOf(store), id);
      if (ctx.user?.id === id) throw new AppFailure('conflict', '不能删除自己的账户');
      await commitAccounts(core, (users, vault) => {
        const next = users.filter((u) => u.id !== id);
        assertAdminRemains(users, next);
        // Dropping the wrapped keys is all it takes: the old password no longer opens anything.
        return { users: next, vault: withoutKey(vault, id), dropIk: [id] };
      });
      core.sessions.endForUser(id, 'revoked');
      core.relockIfIdle();
      await audit(ctx, { action: '删除用户', target: 'account', recordId: id, before: publicView(user) });
      return { id };
    },

    ...createPasswords(core),
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
