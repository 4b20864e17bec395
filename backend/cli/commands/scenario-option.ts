// `--scenario ID` for every command that scores or judges legality: the what-if scenario's
// hypothetical policy events join the real timeline for that one run (they are never stored in it).
// `--workload`, `--legality-mode` and `--confidence-floor` say how legality is asked, and
// `--min-coverage` / `--thin-data` how much of a score must rest on known values, the same everywhere.
import { ThinDataPolicy } from '../../../shared/model/coverage-settings';
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

/** How much of a score must rest on known values, and what becomes of a site below it. */
export const coverageOptions: Record<'min-coverage' | 'thin-data', CommandOption> = {
  'min-coverage': {
    type: 'string',
    help: 'share of the weight (0..1) that must rest on known values; below it a site is thin data (default 0.5, 0 turns it off)',
  },
  'thin-data': { type: 'string', help: 'mark (default) or exclude: what happens to a thin-data site' },
};

/** A share from 0 to 1 as typed: a plain decimal, nothing else (no "", "1e-1", "50%"). */
function share(name: string, given: string | boolean | undefined): number | undefined {
  if (given === undefined) return undefined;
  const n = typeof given === 'string' && /^\d*\.?\d+$/.test(given) ? Number(given) : Number.NaN;
  if (!(n >= 0 && n <= 1)) throw new UsageError(`--${name} must be a number from 0 to 1, not "${String(given)}"`);
  return n;
}

/** The call input's coverage settings, each only when its flag is given; a bad value is a usage error. */
export function coverageInput(values: Record<string, string | boolean | undefined>): {
  minCoverage?: number;
  thinData?: ThinDataPolicy;
} {
  const minCoverage = share('min-coverage', values['min-coverage']);
  const thinData = oneOf('thin-data', values['thin-data'], ThinDataPolicy.options);
  return {
    ...(minCoverage === undefined ? {} : { minCoverage }),
    ...(thinData === undefined ? {} : { thinData }),
  };
}
