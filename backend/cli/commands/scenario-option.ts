// `--scenario ID` for every command that scores or judges legality: the what-if scenario's
// hypothetical policy events join the real timeline for that one run (they are never stored in it).
import type { CommandOption } from '../command';

export const scenarioOption: Record<'scenario', CommandOption> = {
  scenario: {
    type: 'string',
    help: 'a what-if scenario id: its hypothetical policy events join the timeline (landfall scenarios lists them)',
  },
};

/** The call input's `scenarioId`, or nothing when the flag is absent. */
export function scenarioInput(values: Record<string, string | boolean | undefined>): { scenarioId?: string } {
  return typeof values.scenario === 'string' ? { scenarioId: values.scenario } : {};
}
