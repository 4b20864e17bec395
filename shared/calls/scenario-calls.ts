// What-if scenarios: named sets of hypothetical policy events ("US adds a licence requirement for
// Malaysia") kept apart from the real timeline. score.run, sensitivity.run and the legality calls
// take a `scenarioId` to read the real events plus the scenario's; scenarios.compare ranks both ways.
import { z } from 'zod';
import { Text } from '../text';
import { LegalityStatusSchema } from './legality-calls';
import { HardConstraint } from '../model/presets';
import { PolicyEvent } from '../model/policy';
import { Scenario, ScoreMethod, ScoreNormalisation } from '../model/scenario';
import { IsoDate, RowId } from '../schemas';
import type { CallSpecs } from './call-spec';
import { EditChange, EditResult, EditValidation } from './edit-calls';
import { SiteScore } from './score-calls';

const ScenarioName = Text.trim().min(1, 'give the scenario a name').max(200);

export const SCENARIO_FILE_FORMAT = 'landfall.scenario';

export const ScenarioSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  eventCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

/** A hypothetical event: a policy event as the real timeline holds them, marked as not real. */
export const HypotheticalEvent = PolicyEvent.and(z.object({ hypothetical: z.literal(true) }));
export type HypotheticalEvent = z.infer<typeof HypotheticalEvent>;

export const ScenarioDetail = ScenarioSummary.extend({ events: z.array(HypotheticalEvent) });
export type ScenarioDetail = z.infer<typeof ScenarioDetail>;

/** The exported file: versioned, self-describing, the events in the real timeline's record shape. */
export const ScenarioFile = z.object({
  format: z.literal(SCENARIO_FILE_FORMAT),
  version: z.literal(1),
  scenario: z.object({ name: ScenarioName, description: Text.max(5000).default('') }),
  /** Checked one by one after the envelope, so that each bad event is named. */
  events: z.array(z.unknown()).max(10_000),
});

const Side = z.object({
  rank: z.number().int().positive().nullable(),
  score: z.number().nullable(),
  excluded: z.boolean(),
  /** The combined legality of the profile's chips; null without a profile. */
  status: LegalityStatusSchema.nullable(),
  reason: z.string().nullable(),
});

export const ScenarioComparison = z.object({
  asOf: IsoDate,
  scenario: z.object({ id: z.string(), name: z.string(), eventCount: z.number().int() }),
  preset: z.object({ id: z.string(), name: z.string() }),
  profile: z.object({ id: z.string(), name: z.string() }).nullable(),
  method: ScoreMethod,
  normalisation: ScoreNormalisation,
  constraints: z.array(HardConstraint),
  /** The ranking under the real timeline and under real + hypothetical events, as score.run gives them. */
  real: z.array(SiteScore),
  whatIf: z.array(SiteScore),
  /** Per site, both sides and what changed; in real-rank order, excluded sites last. */
  sites: z.array(
    z.object({
      siteId: z.string(),
      name: z.string(),
      real: Side,
      whatIf: Side,
      changed: z.object({ rank: z.boolean(), status: z.boolean(), excluded: z.boolean(), any: z.boolean() }),
    }),
  ),
  /** Sites with any change. */
  changedCount: z.number().int(),
});
export type ScenarioComparison = z.infer<typeof ScenarioComparison>;

const EventsInput = z.strictObject({
  scenarioId: RowId,
  changes: z.array(EditChange).min(1).max(10_000),
  actor: Text.min(1).max(100).optional(),
  label: Text.max(500).optional(),
});

export const scenarioCalls = {
  'scenarios.list': {
    summary: 'What-if scenarios, by name, with how many hypothetical events each holds.',
    input: z.strictObject({}),
    output: z.array(ScenarioSummary),
  },
  'scenarios.get': {
    summary: 'A what-if scenario with its hypothetical policy events (each marked hypothetical).',
    input: z.strictObject({ id: RowId }),
    output: ScenarioDetail,
  },
  'scenarios.create': {
    summary: 'Creates an empty what-if scenario; the id is made from the name unless given.',
    input: z.strictObject({
      name: ScenarioName,
      description: Text.max(5000).default(''),
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes')
        .max(100)
        .optional(),
    }),
    output: ScenarioDetail,
    writes: true,
  },
  'scenarios.rename': {
    summary: 'Renames a what-if scenario (and, if given, replaces its description).',
    input: z.strictObject({ id: RowId, name: ScenarioName, description: Text.max(5000).optional() }),
    output: ScenarioDetail,
    writes: true,
  },
  'scenarios.delete': {
    summary: 'Deletes a what-if scenario and its hypothetical events (logged, so history.undo brings them back).',
    input: z.strictObject({ id: RowId }),
    output: z.object({ id: z.string(), deleted: z.boolean(), batchId: z.string() }),
    writes: true,
  },
  'scenarios.applyEvents': {
    summary:
      "Inserts, updates and deletes a scenario's hypothetical policy events, checked exactly like real ones (data.apply's rules); any bad change refuses the batch and nothing is written.",
    input: EventsInput,
    output: EditResult,
    writes: true,
  },
  'scenarios.validateEvents': {
    summary: 'Checks a scenarios.applyEvents batch without writing: the issues per change and field.',
    input: EventsInput,
    output: EditValidation,
  },
  'scenarios.export': {
    summary: `A scenario as a versioned JSON file (format "${SCENARIO_FILE_FORMAT}", version 1).`,
    input: z.strictObject({ id: RowId }),
    output: z.object({ filename: z.string(), content: z.string() }),
  },
  'scenarios.import': {
    summary:
      'Creates a scenario from an exported file. Every event is checked like a real one; any problem refuses the file (issues name the event and field) and nothing is written. A name already taken gets a number.',
    input: z.strictObject({ content: z.string().max(10_000_000), name: ScenarioName.optional() }),
    output: ScenarioDetail,
    writes: true,
  },
  'scenarios.compare': {
    summary:
      "Ranks every site twice, under the real policy timeline and with the scenario's hypothetical events added, with the same preset, profile, date and overrides as score.run; per site both ranks and legality statuses and what changed.",
    // score.run's scenario, with the what-if it compares against the real timeline required.
    input: Scenario.extend({ scenarioId: RowId }),
    output: ScenarioComparison,
  },
} as const satisfies CallSpecs;
