// `--scenario ID` for every command that scores or judges legality: the what-if scenario's
// hypothetical policy events join the real timeline for that one run (they are never stored in it).
// `--workload`, `--legality-mode` and `--confidence-floor` say how legality is asked, the same everywhere.
import { LegalityMode } from '../../../shared/model/legality-settings';
import { PolicyConfidence } from '../../../shared/model/policy';
import { Workload } from '../../../shared/model/profiles';
import type { CommandOption } from '../command';
import { UsageError } from '../io';

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

/** How legality is asked: the workload, best-option or all-chips mode, and which confidence tiers count. */
export const legalityOptions: Record<'workload' | 'legality-mode' | 'confidence-floor', CommandOption> = {
  workload: {
    type: 'string',
    help: `which of the profile's chip lists: ${Workload.options.join(' or ')} (default training)`,
  },
  'legality-mode': { type: 'string', help: 'best (the best lawful option, default) or all (every chip must clear)' },
  'confidence-floor': {
    type: 'string',
    help: 'least firm policy tier that counts: reported (default), announced or rule',
  },
};

const oneOf = <T extends string>(name: string, value: unknown, options: readonly T[]): T | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(options as readonly string[]).includes(value))
    throw new UsageError(`--${name} must be one of ${options.join(', ')}`);
  return value as T;
};

/** The call input's legality settings, each only when its flag is given; a bad value is a usage error. */
export function legalityInput(values: Record<string, string | boolean | undefined>): {
  workload?: Workload;
  legalityMode?: LegalityMode;
  confidenceFloor?: PolicyConfidence;
} {
  const workload = oneOf('workload', values.workload, Workload.options);
  const mode = oneOf('legality-mode', values['legality-mode'], LegalityMode.options);
  const floor = oneOf('confidence-floor', values['confidence-floor'], PolicyConfidence.options);
  return {
    ...(workload === undefined ? {} : { workload }),
    ...(mode === undefined ? {} : { legalityMode: mode }),
    ...(floor === undefined ? {} : { confidenceFloor: floor }),
  };
}
