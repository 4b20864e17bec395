// From what was typed or pasted in grid cells to a data.apply batch, and from the backend's issues
// back to the cells they are about. Pure: the grid and the tests share it.
import type { EditChange, EditIssue } from '../../../shared/calls/edit-calls';
import type { Column } from './columns';

export interface CellEdit {
  key: string;
  columnId: string;
  text: string;
}

export interface CellIssue {
  /** The row key; null when the issue is about the batch as a whole. */
  key: string | null;
  /** The column; null when the issue is about the whole row. */
  columnId: string | null;
  message: string;
}

/** A cell's text as the value data.apply takes (the backend reads numbers and id lists from text). */
export function cellValue(column: Column, text: string): unknown {
  const t = text.trim();
  if (column.kind === 'bool') {
    if (/^(yes|true|1|y)$/i.test(t)) return true;
    if (/^(no|false|0|n)$/i.test(t)) return false;
    if (/^any$/i.test(t) || t === '') return null;
    return t;
  }
  if (t === '' && (column.nullable || column.kind === 'number')) return null;
  return column.kind === 'text' ? text : t;
}

/** Sets `value` at a dotted path ("source.url") inside `target`, making the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = target;
  parts.slice(0, -1).forEach((p) => {
    const next = at[p];
    if (typeof next !== 'object' || next === null) at[p] = {};
    at = at[p] as Record<string, unknown>;
  });
  at[parts.at(-1) as string] = value;
}

/** The fields a fact's key gives on insert: "site:ID" or "market:ID" from the owner column. */
export function ownerValues(owner: string): Record<string, string> {
  const match = /^(site|market):(.+)$/.exec(owner.trim());
  if (!match) return { siteId: owner.trim() };
  return match[1] === 'site' ? { siteId: match[2] as string } : { marketId: match[2] as string };
}

/**
 * One update per row (the backend refuses a row changed twice in a batch), in the order rows were
 * first edited; `keys[i]` is the row of `changes[i]` for mapping issues back.
 */
export function updatesFor(edits: readonly CellEdit[], columns: readonly Column[]): { changes: EditChange[] } {
  const byKey = new Map<string, Record<string, unknown>>();
  for (const edit of edits) {
    const column = columns.find((col) => col.id === edit.columnId);
    if (!column || column.field === null || column.keyPart) continue;
    let values = byKey.get(edit.key);
    if (!values) byKey.set(edit.key, (values = {}));
    setPath(values, column.field, cellValue(column, edit.text));
  }
  return { changes: [...byKey].map(([key, values]) => ({ op: 'update', key, values })) };
}

/** An insert from the add-row form's texts (empty optional fields left to the backend's defaults). */
export function insertFor(table: string, texts: Record<string, string>, columns: readonly Column[]): EditChange {
  const values: Record<string, unknown> = {};
  for (const column of columns) {
    const text = texts[column.id] ?? '';
    if (column.field === null) continue;
    if (table === 'metric_values' && column.id === 'owner') {
      Object.assign(values, ownerValues(text));
      continue;
    }
    if (text.trim() === '' && !column.required) continue;
    setPath(values, column.field, cellValue(column, text));
  }
  if (table === 'metric_values') {
    const source = values.source as Record<string, unknown> | undefined;
    // A fact with no source at all is sent without one, so the backend names what is missing.
    if (source && Object.values(source).every((v) => v === '' || v === null)) delete values.source;
  }
  return { op: 'insert', values };
}

/** The column an issue's field is about: the same field, or one inside it ("scope.chips.0" → scope). */
export function columnOfField(field: string | null, columns: readonly Column[]): string | null {
  if (field === null) return null;
  if (field === 'siteId' || field === 'marketId') return columns.some((c) => c.id === 'owner') ? 'owner' : null;
  const hit = columns.find((c) => c.field !== null && (field === c.field || field.startsWith(`${c.field}.`)));
  if (hit) return hit.id;
  // A nested object refused as a whole ("source") names its first column.
  const parent = columns.find((c) => c.field !== null && c.field.startsWith(`${field}.`));
  return parent?.id ?? null;
}

/** The backend's issues as cells: which row (by the change's key) and which column each is about. */
export function issuesToCells(
  issues: readonly EditIssue[],
  changes: readonly EditChange[],
  columns: readonly Column[],
): CellIssue[] {
  return issues.map((issue) => {
    const change = changes[issue.index];
    const key = typeof change?.key === 'string' ? change.key : issue.key;
    return { key, columnId: columnOfField(issue.field, columns), message: issue.message };
  });
}
