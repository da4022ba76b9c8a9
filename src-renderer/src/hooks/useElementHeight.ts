// Tracks an element's height, so a virtual table can fill the space left under the toolbar.
import { useCallback, useState } from 'react';

export function useElementHeight(fallback = 400): [(el: HTMLElement | null) => void, number] {
  const [height, setHeight] = useState(fallback);
  const ref = useCallback((el: HTMLElement | null) => {
    if (!el) return;
    const ro = new ResizeObserver(([entry]) =>
      setHeight(Math.max(200, Math.floor(entry.contentRect.height))),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, height];
}
