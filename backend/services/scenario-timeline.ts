// The policy timeline a computation reads: the real events, plus a what-if scenario's hypothetical
// ones when a scenarioId is given. This is the only place the two meet, and only in memory.
import { listPolicyEvents } from '../../db/policies-repo';
import { getScenario, listScenarioEvents } from '../../db/scenarios-repo';
import type { Db } from '../../db/open';
import { ServiceError } from '../../shared/errors';
import type { PolicyEvent } from '../../shared/model/policy';

export interface Timeline {
  events: PolicyEvent[];
  /** Ids of the hypothetical events in `events` (empty without a scenario). */
  hypothetical: ReadonlySet<string>;
}

/** Real events, or real + the scenario's in the real list's order (effective date, then id). */
export function policyTimeline(db: Db, scenarioId?: string): Timeline {
  const real = listPolicyEvents(db);
  if (scenarioId === undefined) return { events: real, hypothetical: new Set() };
  if (getScenario(db, scenarioId) === undefined) {
    throw new ServiceError('not_found', `no what-if scenario "${scenarioId}" (scenarios.list shows them)`);
  }
  const extra = listScenarioEvents(db, scenarioId);
  const events = [...real, ...extra].sort((a, b) =>
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
  return { events, hypothetical: new Set(extra.map((e) => e.id)) };
}
