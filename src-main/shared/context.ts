// Who is calling: every call carries a context from its door. The door fills it, never the request body,
// so a caller cannot forge its own identity or role.

export type Door = 'ipc' | 'http' | 'cli' | 'internal';

export type Role = 'admin' | 'member' | 'clue' | 'readonly';

export const ROLES = ['admin', 'member', 'clue', 'readonly'] as const satisfies readonly Role[];
export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  member: '工作组成员',
  clue: '线索工作组成员',
  readonly: '只读',
};

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Working-group keys the user belongs to (for 工作组成员: which ledgers they may edit). */
  groups: string[];
}

export interface CallContext {
  door: Door;
  /** Signed-in user, or null before sign-in (or where accounts are not yet set up). */
  user: SessionUser | null;
  /** Opaque session id from the door (web token session, IPC window session, CLI run). */
  sessionId: string;
}

/** Display name recorded in createdBy/updatedBy when no account is signed in. */
export function actorName(ctx: CallContext): string {
  if (ctx.user) return ctx.user.displayName || ctx.user.username;
  return ctx.door === 'cli' ? '命令行' : '本机用户';
}
