// Watches mouse and keyboard: after the idle threshold (settings.lockMinutes) without either, calls onIdle. While the
// user is active it also calls onActive now and then, so the server's idle clock (touched by calls) keeps pace.
import { useEffect, useRef } from 'react';

/**
 * sessionStorage key that can only SHORTEN the threshold (tests set it to a few seconds); a value above the
 * configured minutes, zero, negative or not a number is ignored.
 */
export const IDLE_OVERRIDE_KEY = 'campaign-desk.idleLockMs';

export function idleThresholdMs(lockMinutes: number): number {
  const configured = Math.max(1, lockMinutes || 15) * 60_000;
  let override = NaN;
  try {
    override = Number(sessionStorage.getItem(IDLE_OVERRIDE_KEY) ?? NaN);
  } catch {
    // sessionStorage unavailable: the configured value stands.
  }
  return Number.isFinite(override) && override > 0 ? Math.min(configured, override) : configured;
}

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
const TICK_MS = 1000;

export function useIdleLock(opts: {
  enabled: boolean;
  lockMinutes: number;
  onIdle: () => void;
  /** Called at most once per `activeEveryMs` while there is activity. */
  onActive?: () => void;
  activeEveryMs?: number;
}): void {
  const { enabled, lockMinutes, activeEveryMs = 60_000 } = opts;
  const ref = useRef(opts);
  useEffect(() => {
    ref.current = opts;
  });

  useEffect(() => {
    if (!enabled) return;
    let last = Date.now();
    let lastBeat = Date.now();
    const mark = () => {
      last = Date.now();
      if (last - lastBeat >= Math.min(activeEveryMs, idleThresholdMs(lockMinutes) / 3)) {
        lastBeat = last;
        ref.current.onActive?.();
      }
    };
    for (const e of ACTIVITY) window.addEventListener(e, mark, { capture: true, passive: true });
    // Date.now() against the last activity, not a countdown: a PC waking from sleep locks at once.
    const timer = window.setInterval(() => {
      if (Date.now() - last >= idleThresholdMs(lockMinutes)) ref.current.onIdle();
    }, TICK_MS);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, mark, { capture: true });
      window.clearInterval(timer);
    };
  }, [enabled, lockMinutes, activeEveryMs]);
}
