// The links between policy events (supersedes / amends / suspends) checked across a whole timeline:
// a link must name an event that exists, of the same regime, and links must not form a cycle. The
// seed's tests, imports, edits and what-if scenarios all ask this one function.
import type { PolicyEvent } from './policy';

export interface LinkProblem {
  eventId: string;
  message: string;
}

/** Every broken link of a timeline, as "why" lines a user can act on; empty when sound. */
export function linkProblems(
  events: readonly Pick<PolicyEvent, 'id' | 'regime' | 'links' | 'endDate'>[],
): LinkProblem[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const problems: LinkProblem[] = [];
  for (const e of events) {
    for (const link of e.links) {
      const target = byId.get(link.eventId);
      if (target === undefined) {
        problems.push({ eventId: e.id, message: `${link.kind} "${link.eventId}", which is not in the timeline` });
      } else if (target.regime !== e.regime) {
        problems.push({
          eventId: e.id,
          message: `${link.kind} "${link.eventId}" of regime ${target.regime}, but this event is of regime ${e.regime}: regimes are cumulative, so an event can only displace one of its own regime`,
        });
      }
      if (link.kind === 'suspends' && e.endDate === null) {
        problems.push({
          eventId: e.id,
          message: `suspends "${link.eventId}" without an end date: say when the suspension ends, or use supersedes`,
        });
      }
    }
  }
  for (const id of cycleMembers(events)) {
    problems.push({
      eventId: id,
      message: 'its links form a cycle (an event displaces, directly or not, an event that displaces it)',
    });
  }
  return problems;
}

/** Ids of events on a link cycle, in timeline order. */
function cycleMembers(events: readonly Pick<PolicyEvent, 'id' | 'links'>[]): string[] {
  const next = new Map(events.map((e) => [e.id, e.links.map((l) => l.eventId)]));
  const state = new Map<string, 'open' | 'done'>();
  const onCycle = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      for (const p of path.slice(path.indexOf(id))) onCycle.add(p);
      return;
    }
    state.set(id, 'open');
    for (const n of next.get(id) ?? []) if (next.has(n)) visit(n, [...path, id]);
    state.set(id, 'done');
  };
  for (const e of events) visit(e.id, []);
  return events.filter((e) => onCycle.has(e.id)).map((e) => e.id);
}
