// Reads of what-if scenarios and their hypothetical policy events. The events live in their own
// table (scenario_policy_events, migration 4), never in policy_events, so nothing that reads the
// real timeline can see them; writes go through edit-rows.ts so they are logged and undoable.
import type { Db } from './db';
import type { PolicyEvent } from '../shared/model/policy';
import { policyEventFromRow, type PolicyEventRow } from './policies-repo';
import type { DbRow } from './transfer/tables';

export interface ScenarioRow {
  id: string;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
  event_count: number;
}

const SELECT = `
  SELECT s.*, (SELECT count(*) FROM scenario_policy_events e WHERE e.scenario_id = s.id) AS event_count
  FROM scenarios s`;

export function listScenarios(db: Db): ScenarioRow[] {
  return db.prepare<[], ScenarioRow>(`${SELECT} ORDER BY s.name COLLATE NOCASE, s.id`).all();
}

export function getScenario(db: Db, id: string): ScenarioRow | undefined {
  return db.prepare<[string], ScenarioRow>(`${SELECT} WHERE s.id = ?`).get(id);
}

/** The scenario (other than `exceptId`) already called `name`, compared case-blind. */
export function scenarioNamed(db: Db, name: string, exceptId: string | null = null): ScenarioRow | undefined {
  return db
    .prepare<[string, string | null], ScenarioRow>(`${SELECT} WHERE s.name = ? COLLATE NOCASE AND s.id IS NOT ?`)
    .get(name, exceptId);
}

/** The scenario row as stored, for logged updates and deletes. */
export function scenarioRow(db: Db, id: string): DbRow | undefined {
  return db.prepare<[string], DbRow>('SELECT * FROM scenarios WHERE id = ?').get(id);
}

/** A scenario's events as stored, for logged deletes. */
export function scenarioEventRows(db: Db, scenarioId: string): DbRow[] {
  return db
    .prepare<[string], DbRow>('SELECT * FROM scenario_policy_events WHERE scenario_id = ? ORDER BY effective_date, id')
    .all(scenarioId);
}

/** A scenario's hypothetical events in timeline order, shaped like real ones. */
export function listScenarioEvents(db: Db, scenarioId: string): PolicyEvent[] {
  return db
    .prepare<[string], PolicyEventRow>(
      'SELECT * FROM scenario_policy_events WHERE scenario_id = ? ORDER BY effective_date, id',
    )
    .all(scenarioId)
    .map(policyEventFromRow);
}

/** Whether the real timeline has an event with this id (a what-if event must not borrow it). */
export function realEventExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM policy_events WHERE id = ?').get(id) !== undefined;
}
