// Account records in the 'users' collection: their shape, the collection check, and the views handed out.
import type { Role, SessionUser } from '../shared/context';
import type { UserInfo } from '../shared/contract/auth';
import { ROLES } from '../shared/contract/auth';
import { AppFailure } from '../shared/result';
import type { PasswordHash } from './crypto';

export const USERS_COLLECTION = 'users';

export interface UserRecord {
  id: string;
  /** As typed at creation (trimmed, NFKC); matched case-insensitively. */
  username: string;
  displayName: string;
  role: Role;
  groups: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  password: PasswordHash;
  createdAt: string;
  updatedAt: string;
}

/** Roles that hold a wrapped copy of the clue data key and may open the clues ledger. */
export const CLUE_ROLES: readonly Role[] = ['admin', 'clue'];
export const hasClueAccess = (role: Role) => CLUE_ROLES.includes(role);

export function normalizeUsername(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

export function findByUsername(users: readonly UserRecord[], name: string): UserRecord | undefined {
  const key = normalizeUsername(name);
  return users.find((u) => normalizeUsername(u.username) === key);
}

export function findById(users: readonly UserRecord[], id: string): UserRecord {
  const u = users.find((x) => x.id === id);
  if (!u) throw new AppFailure('not_found', '没有这个用户（可能已被删除）');
  return u;
}

/** What the log may show of an account: never the hash. */
export const publicView = (u: UserRecord) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  groups: u.groups,
  disabled: u.disabled,
});

export function toSessionUser(u: UserRecord): SessionUser {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, groups: [...u.groups] };
}

export function toUserInfo(u: UserRecord, clueAccess: boolean): UserInfo {
  return {
    ...toSessionUser(u),
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    clueAccess,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

/** A refusal the form shows at the password field. */
function weak(message: string): AppFailure {
  return new AppFailure('validation', message, { issues: [{ path: ['password'], message }] });
}

/** Beyond the contract's length check: refuse the passwords people guess first. */
export function checkPasswordStrength(password: string, username: string): void {
  const p = password.normalize('NFKC');
  if (normalizeUsername(p) === normalizeUsername(username)) throw weak('密码不能与用户名相同');
  if (new Set(p).size < 4) throw weak('密码过于简单：至少包含4个不同的字符');
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(p)).length;
  if (kinds < 2) throw weak('密码过于简单：须包含字母、数字、符号中的至少两类');
}

/** Structural check when the store opens or restores 'users.json' (record-level rules live in the accounts service). */
export function validateUsers(value: unknown): UserRecord[] {
  if (!Array.isArray(value)) throw new Error('账户数据格式不正确：应为用户列表');
  for (const u of value as Partial<UserRecord>[]) {
    const ok =
      typeof u === 'object' &&
      u !== null &&
      typeof u.id === 'string' &&
      typeof u.username === 'string' &&
      typeof u.displayName === 'string' &&
      ROLES.includes(u.role as Role) &&
      Array.isArray(u.groups) &&
      typeof u.disabled === 'boolean' &&
      typeof u.password === 'object' &&
      u.password !== null &&
      typeof u.password.hash === 'string' &&
      typeof u.password.salt === 'string' &&
      Number.isInteger(u.password.N);
    if (!ok) throw new Error('账户数据格式不正确：有用户缺少必要信息');
  }
  return value as UserRecord[];
}
