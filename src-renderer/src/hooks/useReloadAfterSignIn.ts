// A screen's data refused for want of a session loads again by itself once the user has signed in again (lock
// screen), instead of showing the refusal until someone presses 重试.
import { useEffect } from 'react';
import { onSessionEvent } from '../api/client';

/** While `refused` (the newest answer was 'unauthenticated'), calls `reload` when the session is restored. */
export function useReloadAfterSignIn(refused: boolean, reload: () => void): void {
  useEffect(() => {
    if (!refused) return;
    return onSessionEvent((e) => {
      if (e === 'restored') reload();
    });
  }, [refused, reload]);
}
