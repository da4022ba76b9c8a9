// State persisted in localStorage (column choices, last period): survives reloads, per key.
import { useCallback, useState } from 'react';

/** The value kept under `key`, or `fallback` when there is none or it cannot be read. */
export function readLocal<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

export function useLocalStorageState<T>(key: string, fallback: T): [T, (v: T) => void] {
  const [value, setValue] = useState<T>(() => readLocal(key, fallback));
  const set = useCallback(
    (v: T) => {
      setValue(v);
      try {
        localStorage.setItem(key, JSON.stringify(v));
      } catch {
        // Storage full or disabled: the choice still holds for this session.
      }
    },
    [key],
  );
  return [value, set];
}
