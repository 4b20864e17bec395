// A history entry's rows as readable lines: "sg-tuas · lat: 1.3 → 1.31". history.list gives rows with
// SQL column names; these are shown as they are (they are what the log holds), values shortened.
import type { HistoryChange } from '../../../shared/calls/edit-calls';

const MAX = 60;

export function showValue(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

export interface DiffLine {
  label: string;
  action: HistoryChange['action'];
  fields: { field: string; before: string; after: string }[];
}

export function diffLines(changes: readonly HistoryChange[]): DiffLine[] {
  return changes.map((change) => ({
    label: change.label,
    action: change.action,
    fields:
      change.action === 'update'
        ? change.fields.map((field) => ({
            field,
            before: showValue(change.before?.[field]),
            after: showValue(change.after?.[field]),
          }))
        : [],
  }));
}
