// The policy timeline a computation reads: the real events, plus a what-if scenario's hypothetical
// ones when a scenarioId is given. This is the only place the two meet, and only in memory.
import { listPolicyEvents } from '../../../db/policies-repo';
import { getScenario, listScenarioEvents } from '../../../db/scenarios-repo';
import type { Db } from '../../../db/open';
import { ServiceError } from '../../../shared/errors';
import type { PolicyEvent } from '../../../shared/model/policy';

export interface Timeline {
  events: PolicyEvent[];
  /** Ids of the hypothetical events in `events` (empty without a scenario). */
  hypothetical: ReadonlySet<string>;
}

/** The what-if scenario a computation asked for, as the store describes it. */
export interface WhatIf {
  id: string;
  name: string;
  description: string;
  eventCount: number;
  events: PolicyEvent[];
}

/** The what-if scenario and its events; not_found when the store has no such scenario. */
export function readWhatIf(db: Db, scenarioId: string): WhatIf {
  const row = getScenario(db, scenarioId);
  if (row === undefined) {
    throw new ServiceError('not_found', `no what-if scenario "${scenarioId}" (scenarios.list shows them)`);
  }
  const { id, name, description, event_count: eventCount } = row;
  return { id, name, description, eventCount, events: listScenarioEvents(db, scenarioId) };
}

/** Real events, or real + the scenario's in the real list's order (effective date, then id). */
export function mergeTimeline(real: readonly PolicyEvent[], whatIf: WhatIf | null): Timeline {
  if (whatIf === null) return { events: [...real], hypothetical: new Set() };
  const events = [...real, ...whatIf.events].sort((a, b) =>
    a.effectiveDate < b.effectiveDate
      ? -1
      : a.effectiveDate > b.effectiveDate
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0,
  );
  return { events, hypothetical: new Set(whatIf.events.map((e) => e.id)) };
}

/** The timeline read from the store: real events, plus the scenario's when one is named. */
export function policyTimeline(db: Db, scenarioId?: string): Timeline {
  const real = listPolicyEvents(db);
  return mergeTimeline(real, scenarioId === undefined ? null : readWhatIf(db, scenarioId));
}
