// Cell and range maths for the grid: a range is an anchor (where the selection started) and a focus
// (the active cell); the rectangle between them is what is selected, copied and pasted over.

export interface Cell {
  row: number;
  col: number;
}
export interface Range {
  anchor: Cell;
  focus: Cell;
}
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
export interface Dims {
  rows: number;
  cols: number;
}

export function rectOf(range: Range): Rect {
  return {
    top: Math.min(range.anchor.row, range.focus.row),
    bottom: Math.max(range.anchor.row, range.focus.row),
    left: Math.min(range.anchor.col, range.focus.col),
    right: Math.max(range.anchor.col, range.focus.col),
  };
}

export function inRect(rect: Rect, row: number, col: number): boolean {
  return row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

export function clampCell(cell: Cell, dims: Dims): Cell {
  return {
    row: Math.max(0, Math.min(dims.rows - 1, cell.row)),
    col: Math.max(0, Math.min(dims.cols - 1, cell.col)),
  };
}

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'PageUp' | 'PageDown';
export const NAV_KEYS: readonly string[] = [
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
];

/**
 * Where a navigation key takes the active cell. Home/End go to the row's first/last cell, or with
 * Ctrl to the grid's first/last cell; PageUp/Down move by a page of rows.
 */
export function moveCell(cell: Cell, key: NavKey, dims: Dims, options: { ctrl?: boolean; page?: number } = {}): Cell {
  const page = Math.max(1, options.page ?? 10);
  const next: Record<NavKey, Cell> = {
    ArrowUp: { row: cell.row - 1, col: cell.col },
    ArrowDown: { row: cell.row + 1, col: cell.col },
    ArrowLeft: { row: cell.row, col: cell.col - 1 },
    ArrowRight: { row: cell.row, col: cell.col + 1 },
    Home: options.ctrl ? { row: 0, col: 0 } : { row: cell.row, col: 0 },
    End: options.ctrl ? { row: dims.rows - 1, col: dims.cols - 1 } : { row: cell.row, col: dims.cols - 1 },
    PageUp: { row: cell.row - page, col: cell.col },
    PageDown: { row: cell.row + page, col: cell.col },
  };
  return clampCell(next[key], dims);
}

/** Tab moves right and wraps to the next row's first cell (Shift+Tab the other way); null at an edge. */
export function tabCell(cell: Cell, dims: Dims, back: boolean): Cell | null {
  const index = cell.row * dims.cols + cell.col + (back ? -1 : 1);
  if (index < 0 || index >= dims.rows * dims.cols) return null;
  return { row: Math.floor(index / dims.cols), col: index % dims.cols };
}

export interface PasteTarget {
  row: number;
  col: number;
  text: string;
}

/**
 * The cells a pasted block lands on, starting at `start`. A single value pasted over a larger
 * selection fills it (as spreadsheets do). Cells that would fall outside the grid are counted in
 * `clipped`, not written.
 */
export function pasteTargets(
  block: readonly (readonly string[])[],
  start: Rect,
  dims: Dims,
): { targets: PasteTarget[]; clipped: number } {
  const targets: PasteTarget[] = [];
  let clipped = 0;
  const single = block.length === 1 && block[0]?.length === 1;
  if (single) {
    const text = block[0]?.[0] ?? '';
    for (let r = start.top; r <= Math.min(start.bottom, dims.rows - 1); r++) {
      for (let c = start.left; c <= Math.min(start.right, dims.cols - 1); c++) targets.push({ row: r, col: c, text });
    }
    return { targets, clipped };
  }
  block.forEach((cells, dr) => {
    cells.forEach((text, dc) => {
      const row = start.top + dr;
      const col = start.left + dc;
      if (row < dims.rows && col < dims.cols) targets.push({ row, col, text });
      else clipped++;
    });
  });
  return { targets, clipped };
}
