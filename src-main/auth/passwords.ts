// Password changes that need no administrator: a user's own change, and the recovery code when every
// administrator password is forgotten. Both re-wrap the same data key; the clue records are never touched.
import type { CallContext } from '../shared/context';
import { AppFailure } from '../shared/result';
import type { SecurityCore } from './core';
import { commitAccounts, keyEntryOf, usersOf, vaultOf, wrapRingKey } from './core';
import { hashPassword, newRecoveryCode, normalizeRecoveryCode, verifyPassword } from './crypto';
import { checkPasswordStrength, findById, findByUsername, normalizeUsername } from './users';
import { RECOVERY_HOLDER, unwrapKey, withKey, wrapKey } from './vault';

export function createPasswords(core: SecurityCore) {
  const { store, ring, kdf } = core;
  const stamp = () => core.now().toISOString();
  const audit = (ctx: CallContext, event: Parameters<SecurityCore['trail']['sink']['record']>[0]) =>
    core.trail.sink.record(event, ctx);

  return {
    /** The signed-in user's own change: the old password unwraps the key, the new one wraps it again. */
    async changePassword(userId: string, oldPassword: string, newPassword: string, ctx: CallContext) {
      const user = findById(usersOf(store), userId);
      const key = normalizeUsername(user.username);
      const locked = core.throttle.lockedFor(key);
      if (locked > 0)
        throw new AppFailure('forbidden', `密码错误次数过多，请${Math.ceil(locked / 1000)}秒后再试`, {
          retryAfterSeconds: Math.ceil(locked / 1000),
        });
      if (!(await verifyPassword(oldPassword, user.password))) {
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
      if (newPassword === oldPassword) throw new AppFailure('validation', '新密码不能与原密码相同');
      checkPasswordStrength(newPassword, user.username);
      const entry = keyEntryOf(store, user.id);
      let wrapped = null;
      if (entry) {
        const dek =
          (await unwrapKey(entry, oldPassword)) ?? (ring.unlocked ? Buffer.from(ring.dataKey()) : null);
        if (!dek) throw new AppFailure('conflict', '您的线索密钥无法解开，请联系管理员重置密码');
        wrapped = await wrapKey(dek, newPassword, user.id, kdf);
        dek.fill(0);
      }
      const password = await hashPassword(newPassword, kdf);
      await commitAccounts(store, (users, vault) => ({
        users: users.map((u) =>
          u.id === user.id ? { ...u, password, mustChangePassword: false, updatedAt: stamp() } : u,
        ),
        vault: wrapped ? withKey(vault, wrapped) : undefined,
      }));
      core.sessions.endForUser(user.id, 'revoked', ctx.sessionId);
      await audit(ctx, { action: '修改密码', target: 'account', recordId: user.id });
    },

    /** Every administrator password forgotten: the recovery code opens the data key and sets a new password. */
    async recover(input: { username: string; recoveryCode: string; newPassword: string }, ctx: CallContext) {
      const key = `recover:${normalizeUsername(input.username)}`;
      const locked = core.throttle.lockedFor(key);
      if (locked > 0)
        throw new AppFailure('forbidden', `尝试次数过多，请${Math.ceil(locked / 1000)}秒后再试`, {
          retryAfterSeconds: Math.ceil(locked / 1000),
        });
      const user = findByUsername(usersOf(store), input.username);
      const entry = vaultOf(store).keys.find((k) => k.holder === RECOVERY_HOLDER);
      const dek =
        user?.role === 'admin' && entry
          ? await unwrapKey(entry, normalizeRecoveryCode(input.recoveryCode))
          : null;
      if (!user || !dek) {
        const out = core.throttle.failure(key);
        await core.trail.recordAs(user?.username ?? '（不存在的用户名）', ctx, {
          action: '登录失败',
          target: 'session',
          detail: `恢复码或管理员用户名不正确（连续第${out.failures}次）`,
        });
        await core.sleep(out.delayMs);
        throw new AppFailure('forbidden', '恢复码或管理员用户名不正确');
      }
      core.throttle.success(key);
      checkPasswordStrength(input.newPassword, user.username);
      const [password, wrapped] = await Promise.all([
        hashPassword(input.newPassword, kdf),
        wrapKey(dek, input.newPassword, user.id, kdf),
      ]);
      dek.fill(0);
      await commitAccounts(store, (users, vault) => ({
        users: users.map((u) =>
          u.id === user.id ? { ...u, password, mustChangePassword: false, updatedAt: stamp() } : u,
        ),
        vault: withKey(vault, wrapped),
      }));
      core.sessions.endForUser(user.id, 'revoked');
      core.throttle.success(normalizeUsername(user.username));
      await core.trail.recordAs(user.username, ctx, {
        action: '恢复码重置密码',
        target: 'account',
        recordId: user.id,
      });
    },

    async newRecoveryCode(ctx: CallContext): Promise<string> {
      const code = newRecoveryCode();
      const wrapped = await wrapRingKey(
        ring,
        '生成新的恢复码',
        normalizeRecoveryCode(code),
        RECOVERY_HOLDER,
        kdf,
      );
      await commitAccounts(store, (_users, vault) => ({ vault: withKey(vault, wrapped) }));
      await audit(ctx, { action: '重新生成恢复码', target: 'vault' });
      return code;
    },
  };
}
