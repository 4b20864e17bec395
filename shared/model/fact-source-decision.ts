// A changed number needs a source decision. Saving a new value under the source of the old one makes
// the store say something the source does not (issue 15: Singapore power saved at 5 US¢ under the
// report that gives 19.19). So a fact whose value changes while its source stays exactly as stored
// is refused unless the planner decided one of two things: the value has a new source (any of its
// title, URL or date differs), or it is the planner's own estimate (method `estimate` with a note
// written for the new number). One rule for every door: data.apply (the workbench, the CLI) and the
// JSON and CSV imports all ask it, and the workbench's source form offers exactly these two choices.
import { METHOD_NOT_RECORDED } from './facts';

/** The parts of a fact the rule reads; a missing fact has `value: null`. */
export interface FactSourceState {
  value: number | null;
  source: { title: string; url: string; asOf: string } | null;
  method: string | null;
  derivation: string | null;
}

/** What a planner's estimate starts its derivation with, so a reader sees the number is not the source's. */
export const PLANNERS_ESTIMATE = "Planner's estimate (the source does not give this number)";

/** The method and derivation a planner's estimate is stored with: `estimate`, the note kept in the derivation. */
export function plannersEstimate(note: string): { method: 'estimate'; derivation: string } {
  return { method: 'estimate', derivation: `${PLANNERS_ESTIMATE}: ${note.trim()}` };
}

/** The same source: title, URL and date all as stored (surrounding spaces aside). */
export function sameSource(a: FactSourceState['source'], b: FactSourceState['source']): boolean {
  if (a === null || b === null) return a === b;
  return a.title.trim() === b.title.trim() && a.url.trim() === b.url.trim() && a.asOf.trim() === b.asOf.trim();
}

/** An estimate with a derivation someone wrote: not blank, not the stand-in for an unrecorded method. */
function writtenEstimate(state: FactSourceState): boolean {
  const note = state.derivation?.trim() ?? '';
  return state.method === 'estimate' && note !== '' && note !== METHOD_NOT_RECORDED.derivation;
}

const sameDerivation = (a: FactSourceState, b: FactSourceState): boolean =>
  (a.derivation?.trim() ?? '') === (b.derivation?.trim() ?? '');

/**
 * Why this change may not be stored as it is, or null: the value changes, the source is the one
 * stored with the old value, and the change does not say the new number is the planner's estimate.
 * A new fact, a missing one, or a value left as it was asks for no decision.
 */
export function sourceDecisionProblem(before: FactSourceState | undefined, after: FactSourceState): string | null {
  if (before === undefined || before.value === null || after.value === null) return null;
  if (after.value === before.value) return null;
  if (!sameSource(before.source, after.source) || before.source === null) return null;
  // The planner's own number: an estimate whose derivation was written for it, not the old one's.
  if (writtenEstimate(after) && !sameDerivation(before, after)) return null;
  const { title, asOf } = before.source;
  const kept = `the value changes from ${before.value} to ${after.value} but keeps the source of the old value ("${title}", as of ${asOf}), which does not give the new number`;
  if (writtenEstimate(after))
    return `${kept}, and its derivation is the old value's: write in it why the value is now ${after.value}`;
  return (
    `${kept}: give the new value's own source (source.title, source.url, source.asOf), or mark it as ` +
    `your estimate (method estimate, with a derivation saying why it is ${after.value})`
  );
}
