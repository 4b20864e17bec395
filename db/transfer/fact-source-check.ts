// The source-decision rule (shared/model/fact-source-decision.ts) for an import's metric value rows:
// a row that changes a stored value must bring the new value's source, or say the number is the
// planner's estimate. An import cannot ask, so such a row is refused rather than stored as an
// estimate on the planner's behalf: the file is fixed (a new source, or method "estimate" with a
// derivation written for the new number) and imported again.
import { sourceDecisionProblem, type FactSourceState } from '../../shared/model/fact-source-decision';
import type { Cell, DbRow } from './tables';

const text = (c: Cell | undefined): string | null => (typeof c === 'string' ? c : null);

/** A metric_values row as the rule reads it. */
function factState(row: DbRow): FactSourceState {
  const [title, url, asOf] = [text(row.source_title), text(row.source_url), text(row.as_of)];
  return {
    value: typeof row.value === 'number' ? row.value : null,
    source: title === null || url === null || asOf === null ? null : { title, url, asOf },
    method: text(row.method),
    derivation: text(row.derivation),
  };
}

/** Why an import may not write `row` over the stored `before`, or null. */
export function importedFactProblem(before: DbRow | undefined, row: DbRow): string | null {
  return sourceDecisionProblem(before === undefined ? undefined : factState(before), factState(row));
}
