// Slows down password guessing per username: each failure doubles a short delay, the fifth locks the name for 30 s,
// and every further failure after a lock doubles the lock (up to 15 min). In memory: a restart is no shortcut for
// someone who could restart the app, since they could copy the data directory just as well.
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
}

interface State {
  failures: number;
  lockedUntil: number;
  last: number;
}

export interface FailureOutcome {
  failures: number;
  /** How long the caller should hold the failed answer back. */
  delayMs: number;
  /** Set when this failure locked the name. */
  lockedForMs?: number;
}

export class SignInThrottle {
  private readonly states = new Map<string, State>();
  private readonly o: Required<ThrottleOptions>;

  constructor(opts: ThrottleOptions) {
    this.o = {
      maxFailures: 5,
      lockMs: 30_000,
      maxLockMs: 15 * 60_000,
      baseDelayMs: 250,
      forgetMs: 60 * 60_000,
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

  /** Milliseconds the name stays locked; 0 when a sign-in may be tried. */
  lockedFor(key: string): number {
    const s = this.state(key);
    return s ? Math.max(0, s.lockedUntil - this.o.now().getTime()) : 0;
  }

  failure(key: string): FailureOutcome {
    const now = this.o.now().getTime();
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
