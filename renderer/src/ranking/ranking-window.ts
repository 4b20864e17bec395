// Row windowing for the ranking: with many sites only the rows in view (plus a margin) are in the
// DOM, and spacer rows keep the scroll height right. Rows have one fixed height (styles.css keeps
// every row to two lines), measured from the first rendered row so a font change cannot skew it.
// Plain TypeScript rather than a library: a dozen lines of arithmetic, and it behaves the same in
// jsdom, which has no layout, as in Chromium.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** Below this many rows every row is rendered: cheaper than measuring, and nothing to get wrong. */
export const WINDOW_ABOVE_ROWS = 60;
/** Rows rendered beyond each edge of the view, so fast scrolling rarely shows blank space. */
export const OVERSCAN_ROWS = 10;
/** The row height styles.css sets (.ranking tbody tr), used until a row has been measured. */
export const ROW_HEIGHT_PX = 40;
/** The height assumed for a view that has no layout (jsdom, or not yet measured). */
const UNMEASURED_VIEW_PX = 800;

export interface RowWindow {
  /** First rendered row (index into the shown rows). */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Heights of the spacers before and after the rendered rows, in px. */
  before: number;
  after: number;
}

export function rowWindow(count: number, scrollTop: number, viewHeight: number, rowHeight: number): RowWindow {
  if (count <= WINDOW_ABOVE_ROWS) return { start: 0, end: count, before: 0, after: 0 };
  const view = viewHeight > 0 ? viewHeight : UNMEASURED_VIEW_PX;
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, Math.min(count - 1, first) - OVERSCAN_ROWS);
  const end = Math.min(count, Math.ceil((Math.max(0, scrollTop) + view) / rowHeight) + OVERSCAN_ROWS);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}

/**
 * The scrollTop that brings row `index` fully into view under a sticky header of `headerHeight`,
 * moving as little as possible; null when it is already in view.
 */
export function scrollTopFor(
  index: number,
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
  headerHeight: number,
): number | null {
  const top = headerHeight + index * rowHeight;
  if (top < scrollTop + headerHeight) return index * rowHeight;
  if (viewHeight > 0 && top + rowHeight > scrollTop + viewHeight) return top + rowHeight - viewHeight;
  return null;
}

export interface Windowing {
  /** For the scrolling element, and the table's head (sticky, so rows scroll under it). */
  scrollerRef: RefObject<HTMLDivElement | null>;
  headerRef: RefObject<HTMLTableSectionElement | null>;
  window: RowWindow;
  /** Scrolls the least distance that shows row `index`. */
  reveal(index: number): void;
}

/**
 * Follows the scroll position and size of the scroller and answers which of `count` rows to
 * render. The row height is measured from the first rendered row whenever the view is resized.
 */
export function useRowWindow(count: number): Windowing {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLTableSectionElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(0);
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT_PX);

  useEffect(() => {
    const el = scrollerRef.current;
    if (!el) return;
    const onScroll = (): void => setScrollTop(el.scrollTop);
    const onResize = (): void => {
      setViewHeight(el.clientHeight);
      const measured = el.querySelector('tbody tr[data-site]')?.getBoundingClientRect().height ?? 0;
      if (measured > 0) setRowHeight(measured);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    // jsdom has no ResizeObserver; the unmeasured defaults then apply.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(onResize);
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, []);

  const reveal = useCallback(
    (index: number) => {
      const el = scrollerRef.current;
      if (!el || index < 0) return;
      const headerHeight = headerRef.current?.getBoundingClientRect().height ?? 0;
      const next = scrollTopFor(index, el.scrollTop, el.clientHeight, rowHeight, headerHeight);
      if (next === null) return;
      el.scrollTop = next;
      // A programmatic scroll fires 'scroll' asynchronously; render the new window now so the row
      // exists before anything (a test, a screen reader) looks for it.
      setScrollTop(el.scrollTop);
    },
    [rowHeight],
  );

  return { scrollerRef, headerRef, window: rowWindow(count, scrollTop, viewHeight, rowHeight), reveal };
}
