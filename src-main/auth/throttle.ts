// Slows down password guessing. Per username: each failure doubles a short delay, the fifth locks the name for 30 s,
// and every further failure after a lock doubles the lock (up to 15 min). Per door (desktop, web, CLI): at most 30
// failed sign-ins in any 15 minutes, whatever the names, so one wrong password sprayed over many names stops at the
// 31st; attempts still running count too, so parallel requests cannot slip past. The recovery code is never
// throttled here (see recovery.ts for its own rule). In memory: a restart is no shortcut for someone who could
// restart the app, since they could copy the data directory just as well.
import type { Door } from '../shared/context';

export interface ThrottleOptions {
  now: () => Date;
  /** Failures before the first lock. */
  maxFailures?: number;
  lockMs?: number;
  maxLockMs?: number;
  /** Delay after the first failure; doubles with each further one until the lock. */
  baseDelayMs?: number;
  /** Failures are forgotten this long after the last one. */
  forgetMs?: number;
  /** Failed sign-ins one door may have within doorWindowMs. */
  doorLimit?: number;
  doorWindowMs?: number;
}

interface State {
  failures: number;
  lockedUntil: number;
  last: number;
}

interface DoorState {
  /** Times of the failures within the window, oldest first. */
  failures: number[];
  /** Attempts past the door check whose outcome is not known yet. */
  running: number;
  /** The pause was written to the 操作日志 (once per pause). */
  announced: boolean;
}

export interface FailureOutcome {
  failures: number;
  /** How long the caller should hold the failed answer back. */
  delayMs: number;
  /** Set when this failure locked the name. */
  lockedForMs?: number;
}

export const DOOR_LIMIT = 30;
export const DOOR_WINDOW_MS = 15 * 60_000;

export class SignInThrottle {
  private readonly states = new Map<string, State>();
  private readonly doors = new Map<Door, DoorState>();
  private readonly o: Required<ThrottleOptions>;

  constructor(opts: ThrottleOptions) {
    this.o = {
      maxFailures: 5,
      lockMs: 30_000,
      maxLockMs: 15 * 60_000,
      baseDelayMs: 250,
      forgetMs: 60 * 60_000,
      doorLimit: DOOR_LIMIT,
      doorWindowMs: DOOR_WINDOW_MS,
      ...opts,
    };
  }

  private state(key: string): State | undefined {
    const s = this.states.get(key);
    if (s && this.o.now().getTime() - s.last > this.o.forgetMs) {
      this.states.delete(key);
      return undefined;
    }
    return s;
  }

  private door(door: Door): DoorState {
    let d = this.doors.get(door);
    if (!d) {
      d = { failures: [], running: 0, announced: false };
      this.doors.set(door, d);
    }
    const since = this.o.now().getTime() - this.o.doorWindowMs;
    while (d.failures.length && d.failures[0] <= since) d.failures.shift();
    if (d.failures.length + d.running < this.o.doorLimit) d.announced = false;
    return d;
  }

  /** Milliseconds the name stays locked; 0 when a sign-in may be tried. */
  lockedFor(key: string): number {
    const s = this.state(key);
    return s ? Math.max(0, s.lockedUntil - this.o.now().getTime()) : 0;
  }

  /** Milliseconds before this door takes another sign-in attempt; 0 when it may be tried now. */
  doorWaitFor(door: Door): number {
    const d = this.door(door);
    if (d.failures.length + d.running < this.o.doorLimit) return 0;
    // Full of failures: until the oldest leaves the window. Full of attempts still running: a second.
    if (d.failures.length >= this.o.doorLimit)
      return Math.max(1000, d.failures[0] + this.o.doorWindowMs - this.o.now().getTime());
    return 1000;
  }

  /** True the first time a pause of this door is reported (so a flood writes one log line, not thousands). */
  announceDoorLock(door: Door): boolean {
    const d = this.door(door);
    if (d.announced) return false;
    d.announced = true;
    return true;
  }

  /** Counts an attempt against its door until it ends; call the returned function when it has. */
  begin(door: Door): () => void {
    const d = this.door(door);
    d.running += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      d.running -= 1;
    };
  }

  failure(key: string, door?: Door): FailureOutcome {
    const now = this.o.now().getTime();
    if (door) this.door(door).failures.push(now);
    const s = this.state(key) ?? { failures: 0, lockedUntil: 0, last: now };
    s.failures += 1;
    s.last = now;
    this.states.set(key, s);
    // Keep memory bounded if someone sprays made-up names: forget the oldest.
    if (this.states.size > 10_000) this.states.delete(this.states.keys().next().value!);
    const over = s.failures - this.o.maxFailures;
    if (over >= 0) {
      const lockedForMs = Math.min(this.o.lockMs * 2 ** over, this.o.maxLockMs);
      s.lockedUntil = now + lockedForMs;
      return { failures: s.failures, delayMs: this.o.baseDelayMs, lockedForMs };
    }
    return { failures: s.failures, delayMs: this.o.baseDelayMs * 2 ** (s.failures - 1) };
  }

  success(key: string): void {
    this.states.delete(key);
  }
}
