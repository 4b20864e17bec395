// The rows the grid shows: filtered per column (case-insensitive "contains"; a number column also
// takes ">10", "<=5") and sorted by one column (numbers as numbers, empty cells last).
import type { Column, GridRow } from './columns';

export interface SortState {
  columnId: string;
  dir: 'asc' | 'desc';
}

function numberFilter(filter: string): ((n: number) => boolean) | null {
  const match = /^(<=|>=|<|>|=)\s*(-?\d+(?:\.\d+)?)$/.exec(filter.trim());
  if (!match) return null;
  const v = Number(match[2]);
  const ops: Record<string, (n: number) => boolean> = {
    '<': (n) => n < v,
    '<=': (n) => n <= v,
    '>': (n) => n > v,
    '>=': (n) => n >= v,
    '=': (n) => n === v,
  };
  return ops[match[1] as string] ?? null;
}

export function viewRows(
  rows: readonly GridRow[],
  columns: readonly Column[],
  sort: SortState | null,
  filters: Readonly<Record<string, string>>,
): GridRow[] {
  const tests = columns
    .filter((c) => (filters[c.id] ?? '').trim() !== '')
    .map((c) => {
      const f = (filters[c.id] ?? '').trim();
      const numeric = c.kind === 'number' ? numberFilter(f) : null;
      if (numeric) return (r: GridRow) => r.cells[c.id] !== '' && numeric(Number(r.cells[c.id]));
      const needle = f.toLowerCase();
      return (r: GridRow) => (r.cells[c.id] ?? '').toLowerCase().includes(needle);
    });
  const kept = tests.length ? rows.filter((r) => tests.every((t) => t(r))) : rows.slice();
  if (!sort) return kept;
  const column = columns.find((c) => c.id === sort.columnId);
  if (!column) return kept;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const id = column.id;
  const numeric = column.kind === 'number';
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return kept.sort((a, b) => {
    const x = a.cells[id] ?? '';
    const y = b.cells[id] ?? '';
    if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
    return sign * (numeric ? Number(x) - Number(y) : collator.compare(x, y));
  });
}
