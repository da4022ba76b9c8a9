// Who may do what. Channel level (the router's Authorizer): open / read / write / admin per role. Ledger level
// (the services' AccessPolicy): confidential ledgers for 管理员 and 线索工作组成员 only, writes by owning group.
// The user always comes from the live session behind ctx.sessionId; a ctx.user that does not match it counts for nothing.
// An account whose password the administrator chose (mustChangePassword) may do nothing but change it until it has.
import type { AccessPolicy } from '../services/service-context';
import type { CallContext, SessionUser } from '../shared/context';
import type { Access } from '../shared/contract/channel';
import { LEDGERS } from '../shared/ledgers';
import type { LedgerKey } from '../shared/ledgers/types';
import type { AppError } from '../shared/result';
import type { Sessions } from './sessions';
import { hasClueAccess, toSessionUser } from './users';

/** Same shape as the router's Authorizer; `channel` is typed as string so fragments not yet merged pass too. */
export type SecurityAuthorizer = (access: Access, channel: string, ctx: CallContext) => AppError | null;

const forbidden = (message: string): AppError => ({ code: 'forbidden', message });

/**
 * What a session with a password still to change may call besides the open channels: the change itself, and the
 * settings the screen around the change dialog is drawn with (they hold no records).
 */
export const WHILE_PASSWORD_CHANGE_REQUIRED: ReadonlySet<string> = new Set([
  'auth:changePassword',
  'settings:get',
]);

export function createPolicy(deps: { accountsEnabled: () => boolean; sessions: Sessions }) {
  const { sessions } = deps;

  /** The caller's current account record, or null: no session, expired, or the ctx names someone else. */
  function effectiveRecord(ctx: CallContext) {
    if (!ctx.user) return null;
    const found = sessions.lookup(ctx.sessionId);
    if (!found || found.user.id !== ctx.user.id) return null;
    return found.user;
  }

  /** The caller's current account, or null: no session, expired, or the ctx names someone else than its session. */
  function effectiveUser(ctx: CallContext): SessionUser | null {
    const record = effectiveRecord(ctx);
    return record ? toSessionUser(record) : null;
  }

  const authorize: SecurityAuthorizer = (access, channel, ctx) => {
    if (!deps.accountsEnabled()) return null; // single-user desktop until the administrator is set up
    if (access === 'open') return null;
    const record = effectiveRecord(ctx);
    if (!record) {
      return {
        code: 'unauthenticated',
        message: ctx.user ? '登录已失效（长时间未操作或账户已变更），请重新登录' : '请先登录',
      };
    }
    sessions.touch(ctx.sessionId);
    if (record.mustChangePassword && !WHILE_PASSWORD_CHANGE_REQUIRED.has(channel)) {
      return {
        code: 'password_change_required',
        message: '您的密码由管理员设置，须先修改密码才能继续使用（登录后在弹出的“修改密码”中修改）',
      };
    }
    const user = toSessionUser(record);
    if (access === 'read') return null;
    if (access === 'write') return user.role === 'readonly' ? forbidden('只读账户不能修改数据') : null;
    return user.role === 'admin' ? null : forbidden('只有管理员可以进行此操作');
  };

  const confidential = (ledger: LedgerKey) => LEDGERS[ledger].confidential;

  const policy: AccessPolicy = {
    canRead(ledger, ctx) {
      if (!deps.accountsEnabled()) return true;
      const user = effectiveUser(ctx);
      if (!user) return false;
      return confidential(ledger) ? hasClueAccess(user.role) : true;
    },
    canWrite(ledger, group, ctx) {
      if (!deps.accountsEnabled()) return true;
      const user = effectiveUser(ctx);
      if (!user || user.role === 'readonly') return false;
      if (user.role === 'admin') return true;
      // 线索工作组成员 keep every clue record; other ledgers, like everyone else, only their own groups' records.
      if (confidential(ledger)) return user.role === 'clue';
      return user.groups.includes(group);
    },
    canSeeConfidentialFields(_ledger, ctx) {
      if (!deps.accountsEnabled()) return true;
      const user = effectiveUser(ctx);
      return !!user && hasClueAccess(user.role);
    },
  };

  return { authorize, policy, effectiveUser };
}
