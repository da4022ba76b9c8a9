// Is the account list the one the app wrote? Without a key: users.json against the copy in integrity.json, and
// every administrator holding the account-integrity key (IK), every clue account its clue key. With the IK: the
// tags over that copy, and the password changes made while no administrator was signed in. Each problem names the
// file and the account. And what the recovery code puts back when the list was tampered with.
import { ROLE_LABELS } from '../shared/contract/auth';
import type { Sealed } from './crypto';
import type { AccountSeal, IntegrityDoc, IntegrityRing } from './integrity';
import {
  expectedUsers,
  ikEntryOf,
  listMacOk,
  openPending,
  openSelfKey,
  RECOVERY_HOLDER,
  recordMacOk,
  sealAccounts,
  sealSelfKey,
} from './integrity';
import type { UserRecord } from './users';
import { hasClueAccess } from './users';
import type { VaultDoc } from './vault';
import { vaultActive } from './vault';

export interface AccountState {
  users: readonly UserRecord[];
  vault: VaultDoc;
  doc: IntegrityDoc;
}

const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  groups: '工作组',
  disabled: '停用状态',
  mustChangePassword: '“须修改密码”标记',
  password: '密码散列',
  createdAt: '创建时间',
  updatedAt: '修改时间',
};
/** What a password change of one's own may change in the record. */
const SELF_CHANGE_FIELDS = new Set(['password', 'mustChangePassword', 'updatedAt']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const shown = (v: unknown) =>
  typeof v === 'boolean' ? (v ? '是' : '否') : Array.isArray(v) ? v.join('、') || '无' : String(v);
const who = (u: UserRecord) => `账户“${u.username}”`;

function changedFields(a: UserRecord, b: UserRecord): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter(
    (k) => !same((a as unknown as Record<string, unknown>)[k], (b as unknown as Record<string, unknown>)[k]),
  );
}

function describeField(k: string, was: UserRecord, now: UserRecord): string {
  if (k === 'role')
    return `角色由“${ROLE_LABELS[was.role] ?? was.role}”改为“${ROLE_LABELS[now.role] ?? now.role}”`;
  if (k === 'password') return '密码散列被替换';
  const label = FIELD_LABELS[k] ?? k;
  const w = (was as unknown as Record<string, unknown>)[k];
  const n = (now as unknown as Record<string, unknown>)[k];
  return `${label}由“${shown(w)}”改为“${shown(n)}”`;
}

/** How `actual` (a file's list) differs from `expected` (what the app wrote), one Chinese line per account. */
export function describeChanges(
  actual: readonly UserRecord[],
  expected: readonly UserRecord[],
  file: string,
) {
  const out: string[] = [];
  const want = new Map(expected.map((u) => [u.id, u]));
  const seen = new Set<string>();
  for (const u of actual) {
    if (seen.has(u.id)) {
      out.push(`${file}：账户编号 ${u.id}（“${u.username}”）重复出现`);
      continue;
    }
    seen.add(u.id);
    const w = want.get(u.id);
    if (!w) {
      out.push(`${file}：多出${who(u)}（${ROLE_LABELS[u.role] ?? u.role}），不是本程序建立的`);
      continue;
    }
    const fields = changedFields(w, u);
    if (fields.length)
      out.push(`${file}：${who(w)}的${fields.map((k) => describeField(k, w, u)).join('，')}`);
  }
  for (const w of expected) if (!seen.has(w.id)) out.push(`${file}：${who(w)}被删除`);
  if (!out.length && !same(actual, expected)) out.push(`${file}：账户的顺序被改动`);
  return out;
}

export const accountsExist = (s: AccountState) => s.users.length > 0 || vaultActive(s.vault);

/** Problems visible without any key: on opening, at every sign-in, in verify. */
export function keylessProblems(s: AccountState): string[] {
  if (!accountsExist(s)) return [];
  const seal = s.doc.accounts;
  if (!seal) return ['integrity.json：账户完整性记录缺失（文件被删除或替换，或数据目录来自旧版本程序）'];
  const expected = expectedUsers(seal);
  const out = describeChanges(s.users, expected, 'users.json');
  for (const u of expected) {
    if (u.disabled) continue;
    if (u.role === 'admin' && !ikEntryOf(s.doc, u.id))
      out.push(`integrity.json：管理员“${u.username}”的账户完整性密钥缺失`);
    if (hasClueAccess(u.role) && !s.vault.keys.some((k) => k.holder === u.id))
      out.push(`vault.json：${who(u)}的线索密钥缺失`);
  }
  if (!ikEntryOf(s.doc, RECOVERY_HOLDER)) out.push('integrity.json：恢复码的账户完整性密钥缺失');
  if (!s.vault.keys.some((k) => k.holder === RECOVERY_HOLDER))
    out.push('vault.json：恢复码的线索密钥条目缺失');
  return out;
}

/** Why a pending change is not one the account made itself, or null when it is (and then its next self key). */
function checkPending(
  ring: IntegrityRing,
  seal: AccountSeal,
  state: Map<string, { record: UserRecord; self: Buffer | null }>,
  p: AccountSeal['pending'][number],
): { problem: string } | { self: Buffer } {
  const cur = state.get(p.id);
  if (!cur) return { problem: `integrity.json：待核对的密码修改属于不存在的账户（编号 ${p.id}）` };
  const fields = changedFields(cur.record, p.record).filter((k) => !SELF_CHANGE_FIELDS.has(k));
  const raised = p.record.mustChangePassword && !cur.record.mustChangePassword;
  if (fields.length || raised) {
    const what = fields.length ? fields.map((k) => describeField(k, cur.record, p.record)).join('，') : '';
    return {
      problem: `users.json：${who(cur.record)}的${what || '“须修改密码”标记'}被改动（伪装成本人修改密码）`,
    };
  }
  const self = cur.self ?? openSelfKey(ring, seal, cur.record);
  const next = self ? openPending(p, self) : null;
  if (!next)
    return {
      problem: `users.json：${who(cur.record)}在没有管理员登录时的密码修改无法核对（不是本人用原密码所改）`,
    };
  return { self: next };
}

/** Walks the pending changes in order; what is wrong, and the self keys they leave. */
function walkPending(ring: IntegrityRing, seal: AccountSeal) {
  const state = new Map(seal.users.map((u) => [u.id, { record: u, self: null as Buffer | null }]));
  const problems: string[] = [];
  const valid: AccountSeal['pending'] = [];
  for (const p of seal.pending) {
    const r = checkPending(ring, seal, state, p);
    if ('problem' in r) {
      problems.push(r.problem);
      continue;
    }
    state.set(p.id, { record: p.record, self: r.self });
    valid.push(p);
  }
  return { problems, valid, state };
}

/** Problems only the IK finds: the tags over integrity.json's copy, and the self-made password changes. */
export function keyedProblems(ring: IntegrityRing, s: AccountState): string[] {
  const seal = s.doc.accounts;
  if (!ring.unlocked || !seal || !accountsExist(s)) return [];
  const out: string[] = [];
  if (!listMacOk(ring, seal, s.doc.keys)) {
    const bad = seal.users.filter((u) => !recordMacOk(ring, seal, u));
    out.push(
      ...(bad.length
        ? bad.map((u) => `integrity.json：${who(u)}的记录被改动（与账户完整性密钥的校验不符）`)
        : ['integrity.json：账户列表被改动（增删、调换了账户或密钥持有人，与账户完整性密钥的校验不符）']),
    );
  }
  const walked = walkPending(ring, seal);
  for (const st of walked.state.values()) st.self?.fill(0);
  return [...out, ...walked.problems];
}

/**
 * After a clean keyed check: the seal with the pending changes taken over (their self keys now sealed with the IK),
 * and the signing-in account's self key added if the seal had none for its password. Null when nothing changes.
 */
export function refreshSeal(
  ring: IntegrityRing,
  s: AccountState,
  signedIn?: { user: UserRecord; self: Buffer },
): IntegrityDoc | null {
  const seal = s.doc.accounts;
  if (!seal) return null;
  const selfKeys: Record<string, Sealed> = { ...seal.selfKeys };
  let changed = false;
  if (seal.pending.length) {
    const walked = walkPending(ring, seal);
    for (const [id, st] of walked.state) {
      if (st.self) selfKeys[id] = sealSelfKey(ring, st.record, st.self);
      st.self?.fill(0);
    }
    changed = true;
  }
  if (signedIn && !openSelfKey(ring, { ...seal, selfKeys }, signedIn.user)) {
    selfKeys[signedIn.user.id] = sealSelfKey(ring, signedIn.user, signedIn.self);
    changed = true;
  }
  if (!changed) return null;
  return { ...s.doc, accounts: sealAccounts(ring, expectedUsers(seal), s.doc.keys, selfKeys) };
}

export interface Reestablished {
  users: UserRecord[];
  /** Accounts kept disabled because nothing vouches for their record: their keys are not trusted either. */
  unverified: string[];
  selfKeys: Record<string, Sealed>;
  /** Chinese, one line per thing the recovery put back, stopped or could not check. */
  notes: string[];
}

/**
 * The account list the recovery code puts back. With a seal whose tags hold: exactly that list (forged edits and
 * additions gone, self-made password changes that check out kept). Without one (tags broken, file missing, a new
 * IK): every record whose own tag still holds is kept, every other account but the recovering administrator is
 * kept disabled, for the administrator to check and enable. Accounts that could not sign in anyway (an
 * administrator without the IK, a clue account without its clue key) are disabled too, with a note.
 */
export function reestablish(
  ring: IntegrityRing,
  s: AccountState,
  opts: { adminId: string; rekeyed: boolean },
): Reestablished {
  const seal = s.doc.accounts;
  const notes: string[] = [];
  const unverified: string[] = [];
  let users: UserRecord[];
  let selfKeys: Record<string, Sealed> = {};
  if (seal && !opts.rekeyed && listMacOk(ring, seal, s.doc.keys)) {
    const walked = walkPending(ring, seal);
    users = seal.users.map((u) => walked.state.get(u.id)!.record);
    selfKeys = { ...seal.selfKeys };
    for (const [id, st] of walked.state) {
      if (st.self) selfKeys[id] = sealSelfKey(ring, st.record, st.self);
      st.self?.fill(0);
    }
    notes.push(...walked.problems.map((p) => `已撤销：${p}`));
    notes.push(...describeChanges(users, s.users, 'users.json').map((p) => `已还原：${p}`));
  } else {
    notes.push(
      opts.rekeyed
        ? '账户完整性密钥已无法取得，已重新生成；原有账户无法逐一核对'
        : '账户完整性记录无法核对，仅保留校验相符的账户',
    );
    const fromSeal = new Map((seal?.users ?? []).map((u) => [u.id, u]));
    const verified = (u: UserRecord | undefined) => !!u && !opts.rekeyed && recordMacOk(ring, seal, u);
    users = [];
    const seen = new Set<string>();
    for (const u of s.users) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      const copy = fromSeal.get(u.id);
      if (verified(u)) users.push(u);
      else if (verified(copy)) {
        users.push(copy!);
        notes.push(`已还原：${describeChanges([copy!], [u], 'users.json').join('；')}`);
      } else if (u.id === opts.adminId || u.disabled) users.push(u);
      else {
        users.push({ ...u, disabled: true });
        unverified.push(u.id);
        const keys = hasClueAccess(u.role) ? '（启用时须为其设置新密码）' : '';
        notes.push(`${who(u)}（${ROLE_LABELS[u.role]}）无法核对，已停用：请核对后在“用户管理”中启用${keys}`);
      }
    }
    for (const u of seal?.users ?? []) {
      if (!seen.has(u.id) && verified(u)) {
        users.push(u);
        notes.push(`已恢复被删除的${who(u)}`);
      }
    }
    if (seal && !opts.rekeyed) {
      for (const u of users) {
        const k = openSelfKey(ring, seal, u);
        if (k) selfKeys[u.id] = sealSelfKey(ring, u, k);
        k?.fill(0);
      }
    }
  }
  // Accounts that could not sign in anyway stay visible, disabled, until the administrator sets a new password.
  users = users.map((u) => {
    if (u.id === opts.adminId || u.disabled) return u;
    const noIk = u.role === 'admin' && (opts.rekeyed || !ikEntryOf(s.doc, u.id));
    const noDek = hasClueAccess(u.role) && !s.vault.keys.some((k) => k.holder === u.id);
    if (!noIk && !noDek) return u;
    notes.push(`${who(u)}缺少${noIk ? '账户完整性密钥' : '线索密钥'}，已停用：请由管理员重置其密码后启用`);
    return { ...u, disabled: true };
  });
  return { users, unverified, selfKeys, notes };
}
