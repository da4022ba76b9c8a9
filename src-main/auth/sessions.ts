// Signed-in sessions, in memory only: a random id the door keeps, mapped to an account. The account is re-read on
// every lookup, so a role change, a disabled or removed account takes effect on the very next call.
import { randomBytes } from 'node:crypto';
import type { Door, SessionUser } from '../shared/context';
import type { UserRecord } from './users';
import { toSessionUser } from './users';

export interface Session {
  id: string;
  userId: string;
  door: Door;
  createdAt: number;
  lastSeen: number;
}

export type EndReason = 'signOut' | 'expired' | 'revoked';

/** Even an active session ends after this long: a PC left signed in overnight asks again in the morning. */
const MAX_SESSION_MS = 12 * 60 * 60_000;

export class Sessions {
  private readonly map = new Map<string, Session>();

  constructor(
    private readonly deps: {
      users: () => readonly UserRecord[];
      /** settings.lockMinutes: idle sessions expire after it (the renderer locks its screen at the same time). */
      lockMinutes: () => number;
      now: () => Date;
      onEnd: (session: Session, user: UserRecord | undefined, reason: EndReason) => void;
    },
  ) {}

  create(user: UserRecord, door: Door): Session {
    const now = this.deps.now().getTime();
    const s: Session = {
      id: randomBytes(32).toString('base64url'),
      userId: user.id,
      door,
      createdAt: now,
      lastSeen: now,
    };
    this.map.set(s.id, s);
    return s;
  }

  private userOf(s: Session): UserRecord | undefined {
    return this.deps.users().find((u) => u.id === s.userId);
  }

  /** The live session and its current account, or null (unknown, expired, account removed or disabled). */
  lookup(sessionId: string | undefined | null): { session: Session; user: UserRecord } | null {
    if (!sessionId) return null;
    const s = this.map.get(sessionId);
    if (!s) return null;
    const user = this.userOf(s);
    if (!user || user.disabled) {
      this.end(s.id, 'revoked');
      return null;
    }
    if (this.expired(s)) {
      this.end(s.id, 'expired');
      return null;
    }
    return { session: s, user };
  }

  /** What a door puts into CallContext.user: identity comes from here, never from a request body. */
  userFor(sessionId: string | undefined | null): SessionUser | null {
    const found = this.lookup(sessionId);
    return found ? toSessionUser(found.user) : null;
  }

  /** Marks activity (the router's authorizer calls it on every non-open call). */
  touch(sessionId: string): void {
    const s = this.map.get(sessionId);
    if (s) s.lastSeen = this.deps.now().getTime();
  }

  private expired(s: Session): boolean {
    const now = this.deps.now().getTime();
    return now - s.lastSeen > this.deps.lockMinutes() * 60_000 || now - s.createdAt > MAX_SESSION_MS;
  }

  end(sessionId: string, reason: EndReason): boolean {
    const s = this.map.get(sessionId);
    if (!s) return false;
    this.map.delete(sessionId);
    this.deps.onEnd(s, this.userOf(s), reason);
    return true;
  }

  endForUser(userId: string, reason: EndReason, exceptSessionId?: string): number {
    let n = 0;
    for (const s of [...this.map.values()]) {
      if (s.userId === userId && s.id !== exceptSessionId && this.end(s.id, reason)) n++;
    }
    return n;
  }

  endAll(reason: EndReason): void {
    for (const id of [...this.map.keys()]) this.end(id, reason);
  }

  /** Ends idle and over-age sessions; run by a timer so the vault also locks when nobody calls. */
  sweep(): void {
    for (const s of [...this.map.values()]) this.lookup(s.id);
  }

  /** Current accounts of the sessions still valid. Pure: ending them is sweep()'s job (it may call back here). */
  liveUsers(): UserRecord[] {
    const users: UserRecord[] = [];
    for (const s of this.map.values()) {
      const u = this.userOf(s);
      if (u && !u.disabled && !this.expired(s)) users.push(u);
    }
    return users;
  }

  get size(): number {
    return this.map.size;
  }
}
