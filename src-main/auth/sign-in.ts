// Signing in and out: password check with per-username slow-down, the audit of every attempt, the session, and
// unlocking the clue data key when an account allowed to open clues signs in.
import type { CallContext, Door } from '../shared/context';
import type { SignInResult } from '../shared/contract/auth';
import { AppFailure } from '../shared/result';
import type { SecurityCore } from './core';
import { accountsEnabled, keyEntryOf, usersOf } from './core';
import type { PasswordHash } from './crypto';
import { hashPassword, verifyPassword } from './crypto';
import type { Session } from './sessions';
import { findByUsername, hasClueAccess, normalizeUsername, toSessionUser } from './users';
import { unwrapKey } from './vault';

export const UNKNOWN_USER = '（不存在的用户名）';

export function createSignIn(core: SecurityCore, lockMinutes: () => number) {
  const { store, ring, sessions, throttle } = core;
  /** Attempts for one name run one at a time, so parallel guesses cannot outrun the failure count. */
  const chains = new Map<string, Promise<unknown>>();
  let dummy: Promise<PasswordHash> | null = null;

  function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const run = (chains.get(key) ?? Promise.resolve()).then(fn);
    const tail = run.catch(() => undefined);
    chains.set(key, tail);
    void tail.then(() => chains.get(key) === tail && chains.delete(key));
    return run;
  }

  /** Unlocks the vault with this password if it is locked (no-op otherwise); never fails the sign-in. */
  async function unlockWith(
    userId: string,
    password: string,
    pending?: Promise<Buffer | null> | null,
  ): Promise<void> {
    if (ring.unlocked) {
      (await pending)?.fill(0);
      return;
    }
    const entry = keyEntryOf(store, userId);
    const dek = pending ? await pending : entry ? await unwrapKey(entry, password) : null;
    if (!dek) {
      core.logger.warn('该账户的线索密钥无法解开，问题线索保持锁定', { userId });
      return;
    }
    ring.set(dek);
    dek.fill(0);
    core.logger.info('线索密钥已解开', { userId });
    // Plain copies that bypassed the vault (demo data, an old backup restored) are sealed now that we can.
    const sealed = await core.sealed.sealStrays().catch((e: unknown) => {
      core.logger.error('加密遗留的线索记录失败', { error: String(e) });
      return 0;
    });
    if (sealed) await core.sealLeftovers();
  }

  async function signIn(
    username: string,
    password: string,
    door: Door,
    ctx?: CallContext,
  ): Promise<SignInResult> {
    const key = normalizeUsername(username);
    const caller: CallContext = ctx ?? { door, user: null, sessionId: '' };
    return serialized(key, async () => {
      if (!accountsEnabled(store)) throw new AppFailure('conflict', '尚未设置管理员账户，无需登录');
      const user = findByUsername(usersOf(store), username);
      // Never log what was typed as a username unless it is one: people type passwords into that box.
      const label = user?.username ?? UNKNOWN_USER;
      const locked = throttle.lockedFor(key);
      if (locked > 0) {
        const secs = Math.ceil(locked / 1000);
        await core.trail.recordAs(label, caller, {
          action: '登录失败',
          target: 'session',
          detail: `账户已暂时锁定，${secs}秒后可再试`,
        });
        throw new AppFailure('forbidden', `登录失败次数过多，请${secs}秒后再试`, { retryAfterSeconds: secs });
      }
      // An unknown name costs the same scrypt as a known one, so timing does not tell which names exist.
      dummy ??= hashPassword('campaign-desk-dummy', core.kdf);
      // For an account that may open clues, the key unwrap (a second scrypt) runs beside the password check:
      // on two cores that halves the wait. If the password is wrong, the unwrap fails on its own (GCM).
      const entry =
        user && hasClueAccess(user.role) && !ring.unlocked ? keyEntryOf(store, user.id) : undefined;
      const unwrapping = entry ? unwrapKey(entry, password) : null;
      const ok = user
        ? await verifyPassword(password, user.password)
        : (await verifyPassword(password, await dummy), false);
      if (!user || !ok) {
        void unwrapping?.then((d) => d?.fill(0));
        const out = throttle.failure(key);
        const lockNote = out.lockedForMs ? `，账户锁定${Math.round(out.lockedForMs / 1000)}秒` : '';
        await core.trail.recordAs(label, caller, {
          action: '登录失败',
          target: 'session',
          detail: `用户名或密码错误（连续第${out.failures}次${lockNote}）`,
        });
        if (out.lockedForMs)
          await core.trail.recordAs(label, caller, {
            action: '登录锁定',
            target: 'session',
            detail: `连续${out.failures}次失败，锁定${Math.round(out.lockedForMs / 1000)}秒`,
          });
        await core.sleep(out.delayMs);
        throw new AppFailure(
          'unauthenticated',
          out.lockedForMs
            ? `用户名或密码错误；失败次数过多，请${Math.round(out.lockedForMs / 1000)}秒后再试`
            : '用户名或密码错误',
          out.lockedForMs ? { retryAfterSeconds: Math.round(out.lockedForMs / 1000) } : undefined,
        );
      }
      if (user.disabled) {
        void unwrapping?.then((d) => d?.fill(0));
        await core.trail.recordAs(label, caller, {
          action: '登录失败',
          target: 'session',
          detail: '账户已停用',
        });
        throw new AppFailure('forbidden', '该账户已停用，请联系管理员');
      }
      throttle.success(key);
      if (hasClueAccess(user.role)) await unlockWith(user.id, password, unwrapping);
      const session = sessions.create(user, door);
      // Signing in again from the same window replaces the session it had; ended after the new one exists, so the
      // vault never relocks in between.
      if (ctx?.sessionId) sessions.end(ctx.sessionId, 'signOut');
      const sessionUser = toSessionUser(user);
      await core.trail.sink.record(
        { action: '登录', target: 'session', detail: `通过${doorName(door)}登录` },
        { door, user: sessionUser, sessionId: session.id },
      );
      return {
        sessionId: session.id,
        user: sessionUser,
        mustChangePassword: user.mustChangePassword,
        lockMinutes: lockMinutes(),
      };
    });
  }

  return {
    signIn,
    unlockWith,
    signOut(sessionId: string): boolean {
      return sessions.end(sessionId, 'signOut');
    },
    /** Sessions' end, whatever the cause: logged, and the vault relocks once no authorized account is left. */
    onEnd(session: Session, username: string | undefined, reason: 'signOut' | 'expired' | 'revoked') {
      const action = reason === 'expired' ? '会话过期' : '退出登录';
      const detail =
        reason === 'revoked'
          ? '账户被修改、停用或删除，会话已结束'
          : reason === 'expired'
            ? '长时间未操作，自动退出'
            : undefined;
      void core.trail
        .recordAs(
          username ?? UNKNOWN_USER,
          { door: session.door, user: null, sessionId: session.id },
          { action, target: 'session', detail },
        )
        .catch(() => undefined);
      core.relockIfIdle();
    },
  };
}

export function doorName(door: Door): string {
  return { ipc: '桌面程序', http: '网页版', cli: '命令行', internal: '程序内部' }[door];
}

export type SignIn = ReturnType<typeof createSignIn>;
