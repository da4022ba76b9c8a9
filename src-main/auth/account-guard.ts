// What this process knows about the account list: the problems found without a key (users.json against the copy in
// integrity.json), those only the account-integrity key finds (while an administrator's sign-in has it in memory),
// and those a sign-in found by trying a key (an administrator's IK entry or a clue key that its password does not
// open). Each new problem is written to the 操作日志 once. While any is open, nobody signs in but through the
// recovery code.
import type { SealMode } from '../audit/audit-log';
import type { AuditTrail } from '../audit/audit-trail';
import type { CallContext } from '../shared/context';
import { AppFailure } from '../shared/result';
import type { Logger, Store } from '../store';
import type { AccountState } from './account-check';
import { keyedProblems, keylessProblems, refreshSeal } from './account-check';
import type { IntegrityDoc, IntegrityRing } from './integrity';
import { INTEGRITY_COLLECTION } from './integrity';
import type { UserRecord } from './users';
import { USERS_COLLECTION } from './users';
import type { VaultDoc } from './vault';
import { VAULT_COLLECTION } from './vault';

/** The name the 操作日志 gives the program's own checks. */
export const CHECK_ACTOR = '（程序检查）';

export interface AccountGuard {
  state(): AccountState;
  /** Every open problem, one Chinese sentence each naming the file; [] when the account list is the app's own. */
  problems(): string[];
  /** A problem found by trying a key (stays until recovery, restore or a restart). */
  flag(problem: string): void;
  /** After the recovery code re-established the list, or a restore replaced it. */
  reset(): void;
  /** Writes '账户数据被改动' for the problems this process has not written yet. */
  report(ctx: CallContext): Promise<void>;
  /** The refusal every door shows while the account list is not the app's own. */
  refusal(problems: string[]): AppFailure;
  /**
   * The moment the IK is in memory after a clean check (administrator sign-in, setup, recovery): takes over the
   * password changes made meanwhile, keeps the signing-in account's self key, and seals the 操作日志's unsealed lines.
   */
  keyed(opts?: { signedIn?: { user: UserRecord; self: Buffer }; seal?: SealMode }): Promise<void>;
}

export function createAccountGuard(deps: {
  store: Store;
  iring: IntegrityRing;
  trail: AuditTrail;
  logger: Logger;
}): AccountGuard {
  const { store, iring, trail, logger } = deps;
  const flagged: string[] = [];
  const written = new Set<string>();

  const state = (): AccountState => ({
    users: store.get<UserRecord[]>(USERS_COLLECTION),
    vault: store.get<VaultDoc>(VAULT_COLLECTION),
    doc: store.get<IntegrityDoc>(INTEGRITY_COLLECTION),
  });

  function problems(): string[] {
    const s = state();
    return [...new Set([...flagged, ...keylessProblems(s), ...keyedProblems(iring, s)])];
  }

  return {
    state,
    problems,
    flag(problem) {
      if (!flagged.includes(problem)) flagged.push(problem);
    },
    reset() {
      flagged.length = 0;
      written.clear();
    },
    async report(ctx) {
      const fresh = problems().filter((p) => !written.has(p));
      if (!fresh.length) return;
      for (const p of fresh) written.add(p);
      logger.error('账户数据被改动', { problems: fresh });
      await trail
        .recordAs(CHECK_ACTOR, ctx, {
          action: '账户数据被改动',
          target: 'account',
          detail: `${fresh.join('；')}。已停止登录，须由管理员使用恢复码恢复账户数据`,
        })
        .catch(() => undefined);
    },
    refusal(ps) {
      const shown = ps.slice(0, 3).join('；') + (ps.length > 3 ? `等${ps.length}处` : '');
      return new AppFailure(
        'accounts_tampered',
        `账户数据被改动（${shown}），已停止登录。请管理员在登录页点“忘记密码？”，用恢复码恢复账户数据。`,
        { problems: ps },
      );
    },
    async keyed(opts = {}) {
      if (!iring.unlocked) return;
      const { signedIn } = opts;
      try {
        await store.updateMany((get) => {
          const s: AccountState = {
            users: get<UserRecord[]>(USERS_COLLECTION),
            vault: get<VaultDoc>(VAULT_COLLECTION),
            doc: get<IntegrityDoc>(INTEGRITY_COLLECTION),
          };
          if (keylessProblems(s).length || keyedProblems(iring, s).length) return {};
          const doc = refreshSeal(iring, s, signedIn);
          return doc ? { [INTEGRITY_COLLECTION]: doc } : {};
        });
      } catch (err) {
        logger.error('更新账户完整性记录失败', { error: String(err) });
      }
      const sealed = await trail.seal(opts.seal ?? 'strict').catch((err: unknown) => {
        logger.error('封存操作日志失败', { error: String(err) });
        return null;
      });
      if (sealed?.problem && !written.has(sealed.problem)) {
        written.add(sealed.problem);
        await trail
          .recordAs(
            CHECK_ACTOR,
            { door: 'internal', user: null, sessionId: 'audit-check' },
            {
              action: '操作日志被改动',
              target: 'audit',
              detail: `${sealed.problem}。请管理员运行“检查数据”查看哪些记录被改动；用恢复码登录会重新封存`,
            },
          )
          .catch(() => undefined);
      }
    },
  };
}
