// Account management: the first administrator (and the one-time move of clues into the vault), users added,
// changed, reset and removed by the administrator. Each change writes the users and the wrapped keys together,
// all or nothing; the clue data itself is never re-encrypted.
import { randomUUID } from 'node:crypto';
import { ledgerCollection } from '../services/ledger-service';
import { SETTINGS_COLLECTION } from '../services/settings-service';
import type { CallContext, Role } from '../shared/context';
import type { UserInfo } from '../shared/contract/auth';
import type { LedgerRecord } from '../shared/ledgers/types';
import { AppFailure } from '../shared/result';
import type { Settings } from '../shared/settings';
import type { SecurityCore } from './core';
import { accountsEnabled, commitAccounts, keyEntryOf, usersOf, wrapRingKey } from './core';
import { hashPassword, newRecoveryCode, normalizeRecoveryCode } from './crypto';
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
  newDataKey,
  RECOVERY_HOLDER,
  VAULT_COLLECTION,
  vaultActive,
  withKey,
  withoutKey,
  wrapKey,
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
      const recoveryCode = newRecoveryCode();
      const [password, wrapped, recovery] = await Promise.all([
        hashPassword(input.password, kdf),
        wrapKey(dek, input.password, id, kdf),
        wrapKey(dek, normalizeRecoveryCode(recoveryCode), RECOVERY_HOLDER, kdf),
      ]);
      const at = stamp();
      const admin: UserRecord = {
        id,
        username: input.username,
        displayName: input.displayName,
        role: 'admin',
        groups: [],
        disabled: false,
        mustChangePassword: false,
        password,
        createdAt: at,
        updatedAt: at,
      };
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
        throw err;
      }
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
      const password = await hashPassword(input.password, kdf);
      const key = hasClueAccess(input.role)
        ? await wrapRingKey(ring, '为该用户开通线索权限', input.password, id, kdf)
        : null;
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
      await commitAccounts(store, (users, vault) => {
        assertUniqueName(users, input.username);
        return { users: [...users, user], vault: key ? withKey(vault, key) : undefined };
      });
      await audit(ctx, { action: '新增用户', target: 'account', recordId: id, after: publicView(user) });
      return info(user);
    },

    async update(change: UserChange, ctx: CallContext, action = '修改用户'): Promise<UserInfo> {
      const before = findById(usersOf(store), change.id);
      if (ctx.user?.id === before.id && change.disabled)
        throw new AppFailure('conflict', '不能停用自己的账户');
      const role = change.role ?? before.role;
      if (change.groups) checkGroups(change.groups);
      const hadKey = !!keyEntryOf(store, before.id);
      if (hasClueAccess(role) && !hadKey && !change.password) {
        throw new AppFailure(
          'validation',
          '将用户设为管理员或线索工作组成员时，须同时为其设置新密码（用于开通线索密钥）',
          {
            issues: [{ path: ['password'], message: '请设置新密码' }],
          },
        );
      }
      if (change.password) checkPasswordStrength(change.password, before.username);
      const password = change.password ? await hashPassword(change.password, kdf) : before.password;
      // A new password re-wraps the same data key for the new password; the records stay as they are.
      const key =
        hasClueAccess(role) && change.password
          ? await wrapRingKey(ring, '为该用户开通线索权限', change.password, before.id, kdf)
          : null;
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
      await commitAccounts(store, (users, vault) => {
        const next = users.map((u) => (u.id === after.id ? after : u));
        assertAdminRemains(users, next);
        const v = key
          ? withKey(vault, key)
          : hadKey && !hasClueAccess(role)
            ? withoutKey(vault, after.id)
            : undefined;
        return { users: next, vault: v };
      });
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
      await commitAccounts(store, (users, vault) => {
        const next = users.filter((u) => u.id !== id);
        assertAdminRemains(users, next);
        // Dropping the wrapped key is all it takes: the old password no longer opens anything.
        return { users: next, vault: withoutKey(vault, id) };
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
