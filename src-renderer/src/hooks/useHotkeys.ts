// Page-level keyboard shortcuts ("mod+n", "mod+s", "/"); "/" is ignored while typing in a field, and every
// shortcut is off while the lock screen covers the page (it sets data-locked on <html>).
import { useEffect, useRef } from 'react';

export type HotkeyMap = Record<string, (e: KeyboardEvent) => void>;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

function comboOf(e: KeyboardEvent): string {
  const mod = e.ctrlKey || e.metaKey ? 'mod+' : '';
  return `${mod}${e.key.length === 1 ? e.key.toLowerCase() : e.key}`;
}

export function useHotkeys(map: HotkeyMap, enabled = true): void {
  const ref = useRef(map);
  useEffect(() => {
    ref.current = map;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const combo = comboOf(e);
      const fn = ref.current[combo];
      if (!fn) return;
      if (document.documentElement.hasAttribute('data-locked')) return;
      if (!combo.startsWith('mod+') && isTyping(e.target)) return;
      e.preventDefault();
      fn(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
