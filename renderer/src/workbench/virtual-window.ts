// Which rows a scrolled list must render: only those in view plus a few either side, so 50 000 rows
// cost what 40 do. Rows have one fixed height.

export interface VirtualWindow {
  /** First row to render (inclusive). */
  first: number;
  /** Last row to render (exclusive). */
  last: number;
  /** Space above the first rendered row, in pixels. */
  offset: number;
  /** Height of all rows, for the scrollbar. */
  total: number;
}

export function virtualWindow(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 6,
): VirtualWindow {
  const total = count * rowHeight;
  if (count === 0 || rowHeight <= 0) return { first: 0, last: 0, offset: 0, total };
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, total - viewport)));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((top + Math.max(viewport, 0)) / rowHeight) + overscan);
  return { first, last, offset: first * rowHeight, total };
}

/** The scrollTop that brings `row` into view (unchanged when it already is). */
export function scrollToRow(row: number, scrollTop: number, viewport: number, rowHeight: number): number {
  const top = row * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}
