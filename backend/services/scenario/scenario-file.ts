// The what-if scenario file: versioned JSON holding the scenario's name, description and events in
// the real timeline's record shape. Reading checks the envelope here; each event is then checked by
// the same rules as an edit (scenario-service.ts), so a bad file is refused with every problem named.
import { upgradeLegacyEvent } from '../../../shared/model/policy';
import { SCENARIO_FILE_FORMAT, ScenarioFile, type ScenarioDetail } from '../../../shared/calls/scenario-calls';
import { issuesFromZod, ServiceError, type ErrorIssue } from '../../../shared/errors';
import type { Fields } from '../edit/edit-values';

export function exportScenario(detail: ScenarioDetail): { filename: string; content: string } {
  const file = {
    format: SCENARIO_FILE_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    scenario: { id: detail.id, name: detail.name, description: detail.description },
    // Plain policy-event records: the file says what they are; the flag is for the wire.
    events: detail.events.map(({ hypothetical: _hypothetical, ...event }) => event),
  };
  return { filename: `${detail.id}.landfall-scenario.json`, content: `${JSON.stringify(file, null, 2)}\n` };
}

export interface ScenarioFileContent {
  name: string;
  description: string;
  /** The events to check as edits, each with its place in the file. */
  events: { index: number; values: Fields }[];
  /** Events that are not objects, and repeated ids; the rest are checked as edits. */
  issues: ErrorIssue[];
}

const fileRefused = (message: string, issues: ErrorIssue[] = []): ServiceError =>
  new ServiceError('invalid_input', `scenario file refused: ${message}; nothing was written`, issues);

export function readScenarioFile(content: string): ScenarioFileContent {
  let data: unknown;
  try {
    data = JSON.parse(content.startsWith('\uFEFF') ? content.slice(1) : content);
  } catch (error) {
    throw fileRefused(`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`, [
      { path: 'content', message: 'not valid JSON' },
    ]);
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== SCENARIO_FILE_FORMAT) {
    throw fileRefused(`it is not a Landfall scenario file (its "format" must be "${SCENARIO_FILE_FORMAT}")`, [
      { path: 'format', message: `expected "${SCENARIO_FILE_FORMAT}", found ${JSON.stringify(format ?? null)}` },
    ]);
  }
  const parsed = ScenarioFile.safeParse(data);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    const version = (data as { version?: unknown }).version;
    const why =
      typeof version === 'number' && version > 1
        ? `it comes from a newer Landfall (scenario file version ${version}; this one reads version 1)`
        : `${issues[0]?.path ?? ''}: ${issues[0]?.message ?? ''}`;
    throw fileRefused(why, issues);
  }
  const issues: ErrorIssue[] = [];
  const events: { index: number; values: Fields }[] = [];
  const seen = new Map<string, number>();
  parsed.data.events.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      issues.push({ path: `events.${i}`, message: 'an event must be a JSON object' });
      return;
    }
    // A file written before regimes: its events get their regime the way migration 5 gives it.
    const { hypothetical: _hypothetical, ...event } = upgradeLegacyEvent(raw) as Fields;
    const id = typeof event.id === 'string' ? event.id : null;
    const first = id === null ? undefined : seen.get(id);
    if (id !== null && first !== undefined) {
      issues.push({ path: `events.${i}.id`, message: `duplicate id "${id}": event ${first} has it too` });
      return;
    }
    if (id !== null) seen.set(id, i);
    events.push({ index: i, values: event });
  });
  return { name: parsed.data.scenario.name, description: parsed.data.scenario.description, events, issues };
}
