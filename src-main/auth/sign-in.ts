// Signing in and out: the account list checked first (nobody signs in to a list edited on disk), the password with
// per-username and per-door slow-down, the audit of every attempt, the session, and the keys: an account allowed to
// open clues must open its own clue key, an administrator also the account-integrity key (one scrypt for both),
// which stays in memory and seals the account list and the 操作日志 from then on.
import type { CallContext, Door } from '../shared/context';
import type { SignInResult } from '../shared/contract/auth';
import { AppFailure } from '../shared/result';
import type { SecurityCore } from './core';
import { accountsEnabled, keyEntryOf, usersOf } from './core';
import type { PasswordHash } from './crypto';
import { hashPassword, verifyPasswordWithSelfKey } from './crypto';
import { ikEntryOf, unwrapIk } from './integrity';
import { dekFitsVault } from './key-check';
import type { Session } from './sessions';
import type { UserRecord } from './users';
import { findByUsername, hasClueAccess, normalizeUsername, toSessionUser } from './users';
import { deriveKek, unwrapKeyWithKek } from './vault';

export const UNKNOWN_USER = '（不存在的用户名）';

/** The keys a password opens for its account: the clue data key (admin, clue) and the IK (admin). */
interface Opened {
  dek: Buffer | null;
  ik: Buffer | null;
  /** The account has a clue-key entry at all. */
  hasEntry: boolean;
}

const wipe = (o: Opened | null | undefined) => {
  o?.dek?.fill(0);
  o?.ik?.fill(0);
};

export function createSignIn(core: SecurityCore, lockMinutes: () => number) {
  const { store, ring, iring, sessions, throttle, guard } = core;
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

  /** One scrypt of the password gives the key-encryption key of the account's clue-key entry and of its IK entry. */
  async function openKeys(user: UserRecord, password: string): Promise<Opened> {
    const entry = keyEntryOf(store, user.id);
    const ikEntry = user.role === 'admin' ? ikEntryOf(guard.state().doc, user.id) : undefined;
    if (!entry) return { dek: null, ik: null, hasEntry: false };
    const kek = await deriveKek(password, entry.kdf);
    try {
      const dek = unwrapKeyWithKek(entry, kek);
      let ik: Buffer | null = null;
      if (ikEntry && dek) {
        if (ikEntry.kdf.salt === entry.kdf.salt) ik = unwrapIk(ikEntry, kek);
        else {
          const other = await deriveKek(password, ikEntry.kdf);
          ik = unwrapIk(ikEntry, other);
          other.fill(0);
        }
      }
      return { dek, ik, hasEntry: true };
    } finally {
      kek.fill(0);
    }
  }

  /** Unlocks the clue vault with this data key if it is locked (no-op otherwise); never fails the sign-in. */
  async function unlockWith(dek: Buffer, userId: string): Promise<void> {
    if (ring.unlocked) return;
    ring.set(dek);
    core.logger.info('线索密钥已解开', { userId });
    // Plain copies that bypassed the vault (demo data, an old backup restored) are sealed now that we can.
    const sealed = await core.sealed.sealStrays().catch((e: unknown) => {
      core.logger.error('加密遗留的线索记录失败', { error: String(e) });
      return 0;
    });
    if (sealed) await core.sealLeftovers();
  }

  /** The session of an account that has just proven itself (password, or the recovery code), and its audit line. */
  async function startSession(user: UserRecord, door: Door, how: string, ctx?: CallContext) {
    const session = sessions.create(user, door);
    // Signing in again from the same window replaces the session it had; ended after the new one exists, so the
    // vault never relocks in between.
    if (ctx?.sessionId && ctx.sessionId !== session.id) sessions.end(ctx.sessionId, 'signOut');
    const sessionUser = toSessionUser(user);
    await core.trail.sink.record(
      { action: '登录', target: 'session', detail: `通过${doorName(door)}${how}登录` },
      { door, user: sessionUser, sessionId: session.id },
    );
    const result: SignInResult = {
      sessionId: session.id,
      user: sessionUser,
      mustChangePassword: user.mustChangePassword,
      lockMinutes: lockMinutes(),
    };
    return result;
  }

  /** The account list is not the app's own: logged once, every session ended, the sign-in refused. */
  async function refuseTampered(label: string, caller: CallContext, problems: string[]): Promise<never> {
    await guard.report(caller);
    sessions.endAll('revoked');
    await core.trail.recordAs(label, caller, {
      action: '登录失败',
      target: 'session',
      detail: '账户数据被改动，登录已停止',
    });
    throw guard.refusal(problems);
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
      const problems = guard.problems();
      if (problems.length) await refuseTampered(label, caller, problems);
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
      // Many names, one door: after too many failures from this door nobody signs in through it for a while
      // (the recovery code and the other doors still work).
      const doorWait = throttle.doorWaitFor(door);
      if (doorWait > 0) {
        const secs = Math.ceil(doorWait / 1000);
        if (throttle.announceDoorLock(door)) {
          await core.trail.recordAs(label, caller, {
            action: '登录锁定',
            target: 'session',
            detail: `${doorName(door)}登录失败次数过多，暂停通过${doorName(door)}登录${secs}秒（此期间的尝试不再逐条记录）`,
          });
        }
        throw new AppFailure(
          'forbidden',
          `通过${doorName(door)}登录失败的次数过多，请${secs}秒后再试；管理员可在登录页用恢复码进入`,
          { retryAfterSeconds: secs },
        );
      }
      const release = throttle.begin(door);
      try {
        return await attempt(user, label, key, password, door, caller, ctx);
      } finally {
        release();
      }
    });
  }

  async function attempt(
    user: UserRecord | undefined,
    label: string,
    key: string,
    password: string,
    door: Door,
    caller: CallContext,
    ctx: CallContext | undefined,
  ): Promise<SignInResult> {
    // An unknown name costs the same scrypt as a known one, so timing does not tell which names exist.
    dummy ??= hashPassword('campaign-desk-dummy', core.kdf);
    // An account that may open clues opens its keys beside the password check (two scrypts on two cores); if the
    // password is wrong, they fail on their own (GCM).
    const opening = user && hasClueAccess(user.role) ? openKeys(user, password) : null;
    const self = user
      ? await verifyPasswordWithSelfKey(password, user.password)
      : (await verifyPasswordWithSelfKey(password, await dummy), null);
    if (!user || !self) {
      void opening?.then(wipe, () => undefined);
      const out = throttle.failure(key, door);
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
    const opened: Opened | null = opening ? await opening.catch(() => null) : null;
    try {
      if (user.disabled) {
        await core.trail.recordAs(label, caller, {
          action: '登录失败',
          target: 'session',
          detail: '账户已停用',
        });
        throw new AppFailure('forbidden', '该账户已停用，请联系管理员');
      }
      // The right password that does not open the account's own keys: the keys or the role were put there by hand.
      if (opened && !opened.dek) {
        guard.flag(`vault.json：账户“${user.username}”的线索密钥不能用其密码解开（密钥或角色被改动）`);
      } else if (
        opened?.dek &&
        (ring.unlocked ? !ring.dataKey().equals(opened.dek) : !dekFitsVault(store, opened.dek))
      ) {
        guard.flag(`vault.json：账户“${user.username}”的线索密钥不是本数据目录的（密钥被替换）`);
      } else if (user.role === 'admin' && opened && !opened.ik) {
        guard.flag(
          `integrity.json：管理员“${user.username}”的账户完整性密钥不能用其密码解开（密钥或角色被改动）`,
        );
      } else if (opened?.ik && iring.unlocked && !iring.holds(opened.ik)) {
        guard.flag(
          `integrity.json：管理员“${user.username}”的账户完整性密钥与本程序使用的不同（密钥被替换）`,
        );
      }
      if (opened?.ik && !iring.unlocked) iring.set(opened.ik);
      // With the IK in memory now, the account list is checked with it too.
      const problems = guard.problems();
      if (problems.length) await refuseTampered(label, caller, problems);
      throttle.success(key);
      if (iring.unlocked) await guard.keyed({ signedIn: { user, self } });
      if (opened?.dek) await unlockWith(opened.dek, user.id);
      return await startSession(user, door, '', ctx);
    } finally {
      self.fill(0);
      wipe(opened);
    }
  }

  return {
    signIn,
    unlockWith,
    startSession,
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
