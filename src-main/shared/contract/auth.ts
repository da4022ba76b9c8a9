// Accounts, sessions and the 操作日志 channels: sign-in, user management by the administrator, audit search and check.
import * as z from 'zod';
import { ROLES } from '../context';
import type { CallContext, SessionUser } from '../context';
import { dateString } from '../date-schemas';
import { channel } from './channel';
import type { ChannelDef } from './channel';

// Kept beside the Role type (no zod there): the renderer's first screen needs the labels, not the schemas.
export { ROLE_LABELS, ROLES } from '../context';

/** What the administrator sees of an account; never the password hash or key material. */
export interface UserInfo extends SessionUser {
  disabled: boolean;
  /** Set when the administrator chose the password (new account, reset): the UI asks the user to change it. */
  mustChangePassword: boolean;
  /** True when this account holds a wrapped copy of the clue data key (管理员 and 线索工作组成员). */
  clueAccess: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AuthStatus {
  /** False until the administrator is set up: the app is then a single-user desktop. */
  accountsEnabled: boolean;
  /** The caller's signed-in user, or null. */
  user: SessionUser | null;
  mustChangePassword: boolean;
  /** Idle minutes before the renderer locks; the API expires idle sessions after the same time. */
  lockMinutes: number;
  /** True while the clue data key is in memory (an authorized user is signed in somewhere). */
  cluesUnlocked: boolean;
  /**
   * Chinese, set when the account files are inconsistent (users.json lost, or edited outside the app: the message
   * names the file and the account): nobody can sign in but the administrator with the recovery code.
   */
  problem?: string;
}

export interface SignInResult {
  /** The door keeps this and sends it back (web: header `X-Session`; IPC: per window). */
  sessionId: string;
  user: SessionUser;
  mustChangePassword: boolean;
  lockMinutes: number;
}

export interface SetupResult extends SignInResult {
  /** Shown once: unlocks the clue data and resets an administrator password if every password is forgotten. */
  recoveryCode: string;
}

/** The recovery code signs the administrator in with the new password. */
export interface RecoverResult extends SignInResult {
  reset: true;
  /** Chinese, one line per change the recovery made to an account list edited outside the app (else empty). */
  notes: string[];
}

export const AUDIT_ACTIONS = [
  '设置管理员',
  '登录',
  '登录失败',
  '登录锁定',
  '退出登录',
  '会话过期',
  '修改密码',
  '恢复码重置密码',
  '重新生成恢复码',
  '账户数据被改动',
  '账户数据已还原',
  '封存操作日志',
  '操作日志被改动',
  '新增用户',
  '修改用户',
  '重置密码',
  '删除用户',
  '新增',
  '修改',
  '删除',
  '恢复',
  '彻底删除',
  '导入',
  '导出',
  '修改设置',
  '修改报告文字',
  '备份',
  '恢复备份',
  '检查数据',
  '载入演示数据',
  '修改报送任务',
  '删除报送任务',
  '记录报送',
  '签发单位配置包',
  '设为填报单位',
  '生成报送包',
  '合并报送包',
] as const;
/** What a line of the 操作日志 may say was done: the log screen filters by these, so services can use no other. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the 操作日志 as the log screen and the Excel export show it (confidential values already masked). */
export interface AuditRow {
  seq: number;
  at: string;
  user: string;
  door: string;
  action: string;
  target: string;
  /** Chinese name of the target (台账名, 设置, 账户…). */
  targetLabel: string;
  recordId?: string;
  detail?: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  /** Lines read from the log file. */
  lines: number;
  /** Chinese, e.g. 第12行内容被修改. */
  problems: string[];
  /**
   * Chinese, not problems: what could not be checked with the key, e.g. lines not sealed yet (written while no
   * administrator was signed in) or the whole key check when no administrator is signed in now.
   */
  notes?: string[];
}

const username = z
  .string({ error: '用户名必须填写' })
  .trim()
  .min(2, '用户名至少2个字符')
  .max(32, '用户名不能超过32个字符')
  .regex(/^[\p{L}\p{N}._-]+$/u, '用户名只能包含汉字、字母、数字和 . _ -');
const displayName = z.string().trim().min(1, '姓名必须填写').max(30, '姓名不能超过30个字符');
/** Strength beyond length (not the username, not one repeated character) is checked by the accounts service. */
const password = z.string({ error: '密码必须填写' }).min(8, '密码至少8位').max(128, '密码不能超过128位');
const role = z.enum(ROLES, { error: '角色只能是管理员、工作组成员、线索工作组成员或只读' });
const groups = z.array(z.string().min(1)).max(20);
const userId = z.string().min(1, '用户编号不能为空');

export const auditQuery = z
  .object({
    from: dateString('起始日期').optional(),
    to: dateString('截止日期').optional(),
    user: z.string().trim().max(64).optional(),
    action: z.string().trim().max(32).optional(),
    text: z.string().trim().max(200).optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type AuditQuery = z.output<typeof auditQuery>;

export const authContract = {
  'auth:status': channel<AuthStatus>()(z.object({}).strict(), 'open'),
  'auth:setupAdmin': channel<SetupResult>()(z.object({ username, displayName, password }).strict(), 'open'),
  'auth:signIn': channel<SignInResult>()(
    z
      .object({
        username: z.string().trim().min(1, '请输入用户名').max(64),
        password: z.string().min(1, '请输入密码').max(128),
      })
      .strict(),
    'open',
  ),
  /** Open so that a stale window can always sign out; it only ends the caller's own session. */
  'auth:signOut': channel<{ signedOut: boolean }>()(z.object({}).strict(), 'open'),
  'auth:changePassword': channel<{ changed: true }>()(
    z.object({ oldPassword: z.string().min(1, '请输入原密码').max(128), newPassword: password }).strict(),
    'read',
  ),
  /**
   * Every administrator password forgotten, the door throttled, or the account list edited outside the app: the
   * recovery code from setup resets one administrator's password, puts back the account list the app wrote, keeps
   * the clue data and signs that administrator in.
   */
  'auth:recover': channel<RecoverResult>()(
    z
      .object({
        username: z.string().trim().min(1).max(64),
        recoveryCode: z.string().trim().min(1).max(80),
        newPassword: password,
      })
      .strict(),
    'open',
  ),

  'users:list': channel<{ users: UserInfo[] }>()(z.object({}).strict(), 'admin'),
  'users:create': channel<UserInfo>()(
    z.object({ username, displayName, role, groups: groups.default([]), password }).strict(),
    'admin',
  ),
  /** Granting 管理员 or 线索工作组成员 to an account without clue access needs `password` (the key is wrapped with it). */
  'users:update': channel<UserInfo>()(
    z
      .object({
        id: userId,
        displayName: displayName.optional(),
        role: role.optional(),
        groups: groups.optional(),
        disabled: z.boolean().optional(),
        password: password.optional(),
      })
      .strict(),
    'admin',
  ),
  'users:resetPassword': channel<UserInfo>()(z.object({ id: userId, password }).strict(), 'admin'),
  'users:remove': channel<{ id: string }>()(z.object({ id: userId }).strict(), 'admin'),
  'users:newRecoveryCode': channel<{ recoveryCode: string }>()(z.object({}).strict(), 'admin'),
};

export const auditContract = {
  'audit:list': channel<{ rows: AuditRow[]; total: number; page: number; pageSize: number }>()(
    auditQuery,
    'admin',
  ),
  'audit:verify': channel<AuditVerifyResult>()(z.object({}).strict(), 'admin'),
  /** Every matching line as an Excel file (same filter as 'audit:list', no paging). */
  'audit:export': channel<{ fileName: string; dataBase64: string }>()(
    auditQuery.omit({ page: true, pageSize: true }),
    'admin',
  ),
};

type DefOf<D> = D extends ChannelDef<infer A, infer R> ? { args: A; result: R } : never;
/**
 * Handler map of a contract fragment; identical to `HandlersFor<keyof typeof fragment>` once the fragment is merged
 * into the one contract (src-main/shared/contract/index.ts), so either annotation type-checks the same handlers.
 */
export type FragmentHandlers<T extends Record<string, ChannelDef>> = {
  [C in keyof T]: (args: z.output<DefOf<T[C]>['args']>, ctx: CallContext) => Promise<DefOf<T[C]>['result']>;
};
