import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Where each scrolling part of a screen was left, for this session only (issue 17: "each screen keeps its
 * scroll position when you come back"). Kept in memory, not in the store: a restart starts at the top.
 */
const positions = new Map<string, number>();

/** What the controller does that means "I am scrolling now": a restore still under way then gives way. */
const USER_EVENTS = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
/**
 * How long the position must hold, with the content still, before the restore ends: a screen's content
 * may be replaced once more after it first reached the position (a live query answering again), which
 * would clamp it back to the top.
 */
const SETTLED_MS = 500;

export interface ScrollMemory {
  /** The position saved when the part was last left, as it was when this component mounted. */
  readonly savedOffset: number | undefined;
  /** True while the saved position is being brought back (the content may still be loading). */
  isRestoring(): boolean;
}

/**
 * Remembers the vertical scroll position of `ref`'s element under `key` and brings it back when an element
 * under the same key is shown again. The content of a screen often arrives after its first render (live
 * queries, a virtualised list measuring its rows), so the position is set again as the content grows, until
 * it is reached or the controller scrolls first. No key: the part is left alone (it scrolls itself somewhere).
 */
export function useScrollMemory(key: string | undefined, ref: RefObject<HTMLElement | null>): ScrollMemory {
  const restoring = useRef(false);
  // One object for the component's life, so effects may depend on it without running on every render.
  const [memory] = useState<ScrollMemory>(() => ({ savedOffset: key === undefined ? undefined : positions.get(key), isRestoring: () => restoring.current }));

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || key === undefined) return;
    const target = positions.get(key) ?? 0;
    restoring.current = true;
    const mutations = new MutationObserver(() => restore());
    const resizes = new ResizeObserver(() => restore());
    let settled: ReturnType<typeof setTimeout> | undefined;
    const finish = () => {
      clearTimeout(settled);
      if (!restoring.current) return;
      restoring.current = false;
      mutations.disconnect();
      resizes.disconnect();
      for (const name of USER_EVENTS) element.removeEventListener(name, finish);
    };
    function restore() {
      if (!restoring.current) return;
      if (Math.abs(element!.scrollTop - target) >= 1) element!.scrollTop = target;
      clearTimeout(settled);
      if (Math.abs(element!.scrollTop - target) < 1) settled = setTimeout(finish, SETTLED_MS);
    }
    // While restoring, scroll events are the browser clamping a position the content cannot yet hold.
    const onScroll = () => {
      if (!restoring.current) positions.set(key, element.scrollTop);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    for (const name of USER_EVENTS) element.addEventListener(name, finish, { passive: true });
    mutations.observe(element, { childList: true, subtree: true, attributes: true, attributeFilter: ['style'] });
    resizes.observe(element);
    for (const child of element.children) resizes.observe(child);
    restore();
    return () => {
      finish();
      element.removeEventListener('scroll', onScroll);
    };
  }, [key, ref]);

  return memory;
}
