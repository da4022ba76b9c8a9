// What the signed-in user may see and change, mirroring src-main/auth/policy.ts so the screens offer only what the
// server will accept. The server stays the judge: a refusal it sends is still shown as a message.
import { ROLE_LABELS } from '../../../src-main/shared/context';
import type { Role, SessionUser } from '../../../src-main/shared/context';
import type { LedgerDef } from '../../../src-main/shared/ledgers/types';

/**
 * Who is at the keyboard: `null` user with accounts off is the single-user desktop (everything allowed).
 * With accounts on, a missing user never gets this far (the sign-in screen is shown instead).
 */
export interface Viewer {
  accountsEnabled: boolean;
  user: SessionUser | null;
}

const CLUE_ROLES: readonly Role[] = ['admin', 'clue'];

function role(v: Viewer): Role | null {
  if (!v.accountsEnabled) return 'admin';
  return v.user?.role ?? null;
}

export function isAdmin(v: Viewer): boolean {
  return role(v) === 'admin';
}

/** Confidential ledgers (问题线索) only for 管理员 and 线索工作组成员. */
export function canSeeLedger(v: Viewer, def: Pick<LedgerDef, 'confidential'>): boolean {
  const r = role(v);
  if (!r) return false;
  return !def.confidential || CLUE_ROLES.includes(r);
}

/** Any change at all (channel access 'write'): everyone but 只读. */
export function canWriteAnything(v: Viewer): boolean {
  const r = role(v);
  return !!r && r !== 'readonly';
}

/** Whether this user may change a record of `group` in this ledger (policy.canWrite). */
export function canWriteRecord(v: Viewer, def: Pick<LedgerDef, 'confidential'>, group: string): boolean {
  const r = role(v);
  if (!r || r === 'readonly') return false;
  if (r === 'admin') return true;
  if (def.confidential) return r === 'clue';
  return !!v.user?.groups.includes(group);
}

/** The working groups whose records this user may add or change in this ledger (all of them for 管理员). */
export function writableGroups<G extends { key: string }>(
  v: Viewer,
  def: Pick<LedgerDef, 'confidential'>,
  groups: G[],
): G[] {
  return groups.filter((g) => canWriteRecord(v, def, g.key));
}

/** Whether 新增 makes sense: at least one group this user may write in this ledger. */
export function canCreateIn<G extends { key: string }>(
  v: Viewer,
  def: Pick<LedgerDef, 'confidential'>,
  groups: G[],
): boolean {
  return writableGroups(v, def, groups).length > 0;
}

export function roleLabel(r: Role): string {
  return ROLE_LABELS[r] ?? r;
}

/** 管理员 and 线索工作组成员 hold the clue key: granting either to an account without it needs a new password. */
export function roleNeedsKey(r: Role): boolean {
  return CLUE_ROLES.includes(r);
}
