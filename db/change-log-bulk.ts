// The compact shape of change_log for bulk inserts: one log row stands for a run of inserts into one
// table, where one log row per inserted row (each with its JSON image) made the log of a 50 000-site
// import three times the size of the data it logged and most of the import's time.
//
// A bulk row, told apart from a one-change row by `after` being a JSON array (a row image is always
// a JSON object):
//   id       the id of the LAST change it stands for; the ids of the others (id - n + 1 … id - 1) are
//            reserved and never used, so a batch still spans consecutive ids, its size is still its
//            id span, and every change keeps an id of its own
//   action   'insert'; before is NULL
//   row_id   a JSON array of the n row ids
//   after    a JSON array [columns, cells, summaries]: cells[k] holds column k for the n rows, either
//            as an array of n values or, when all n are equal, as that one value (a cell is never an
//            array); summaries are runs [summary, count], in order, that add up to n (the rows one
//            line of a file wrote share its summary, and follow each other)
//   summary  the first change's summary (what a batch is named by)
// Every reader of change_log reads both shapes through this module; a store written before it has
// only one-change rows, which read as they always did.
import type { Cell, DbRow } from './transfer/tables';

/** One insert as a bulk row holds it. */
export interface BulkInsert {
  id: number;
  rowId: string;
  after: DbRow;
  summary: string;
}

/** The columns of a change_log row that hold its changes. */
export interface LoggedRow {
  id: number;
  row_id: string;
  after: string | null;
  summary: string;
}

/** Whether a change_log row is a bulk row (see the top of this file). */
export function isBulkRow(row: Pick<LoggedRow, 'after'>): boolean {
  return row.after !== null && row.after.startsWith('[');
}

/** A column's cells: the one value when all are equal (the usual case for sources and methods), else all of them. */
function columnCells(rows: readonly (readonly Cell[])[], at: number): Cell | Cell[] {
  const first = rows[0]?.[at] ?? null;
  for (let i = 1; i < rows.length; i++) {
    if ((rows[i]?.[at] ?? null) !== first) return rows.map((r) => r[at] ?? null);
  }
  // NaN is unequal to itself, so a column holding one is kept whole (JSON writes it as null either way).
  return first;
}

/** Summaries as runs of equal ones: [summary, count], … */
function summaryRuns(summaries: readonly string[]): [string, number][] {
  const runs: [string, number][] = [];
  for (const s of summaries) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0] === s) last[1]++;
    else runs.push([s, 1]);
  }
  return runs;
}

/**
 * The row_id, after and summary of a bulk row standing for inserts of `rows` with these row ids and
 * summaries (one each). Each row holds its values in `columns` order from index `offset` on (a
 * bulk writer's rows start with their rowid, which is no part of the image).
 */
export function encodeBulkInsert(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
  rowIds: readonly string[],
  summaries: readonly string[],
  offset = 0,
): { rowId: string; after: string; summary: string } {
  const cells = columns.map((_, k) => columnCells(rows, offset + k));
  return {
    rowId: JSON.stringify(rowIds),
    after: JSON.stringify([columns, cells, summaryRuns(summaries)]),
    summary: summaries[0] ?? '',
  };
}

/** The row ids a bulk row stands for, in order. */
export function bulkRowIds(row: Pick<LoggedRow, 'row_id'>): string[] {
  return JSON.parse(row.row_id) as string[];
}

/** The inserts a bulk row stands for, in order, each with its own id and its row image. */
export function expandBulkRow(row: LoggedRow): BulkInsert[] {
  const rowIds = bulkRowIds(row);
  const [columns, cells, runs] = JSON.parse(row.after ?? '[]') as [string[], (Cell | Cell[])[], [string, number][]];
  const summaries: string[] = [];
  for (const [summary, count] of runs) for (let k = 0; k < count; k++) summaries.push(summary);
  const first = row.id - rowIds.length + 1;
  return rowIds.map((rowId, i) => {
    const after: DbRow = {};
    columns.forEach((c, k) => {
      const cell = cells[k] ?? null;
      after[c] = Array.isArray(cell) ? (cell[i] ?? null) : cell;
    });
    const summary = summaries[i] ?? '';
    return { id: first + i, rowId, after, summary };
  });
}

/** How many changes a change_log row stands for: one, or a bulk row's n. */
export function changeCount(row: Pick<LoggedRow, 'row_id' | 'after'>): number {
  return isBulkRow(row) ? bulkRowIds(row).length : 1;
}
