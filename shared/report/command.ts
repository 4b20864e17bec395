// The command line that rebuilds a report, for its reproducibility block. A scenario field the flags
// cannot carry (weights, normalisation, constraints, a stale threshold, or any field added to the
// scenario later) sends the reader to --inputs, which reads them back from the JSON report itself.
import { Scenario } from '../model/scenario';
import type { ReportInputs } from './model';

/** Quotes a word for a POSIX shell only when it needs it. */
function sh(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** The scenario's fields `landfall report` has a flag for, in the order the command line says them. */
const FLAGS = {
  presetId: '--preset',
  profileId: '--profile',
  asOf: '--as-of',
  method: '--method',
  minCoverage: '--min-coverage',
  thinData: '--thin-data',
  workload: '--workload',
  legalityMode: '--legality-mode',
  confidenceFloor: '--confidence-floor',
  scenarioId: '--scenario',
} as const satisfies Partial<Record<keyof Scenario, string>>;

const flagged = new Set<string>(Object.keys(FLAGS));

export function reportCommand(inputs: ReportInputs, out = 'report.pdf'): string {
  const scenarioFields = Object.keys(Scenario.shape) as (keyof Scenario)[];
  if (scenarioFields.some((k) => inputs[k] !== undefined && !flagged.has(k))) {
    return `landfall report --inputs report.json --out ${sh(out)}   # report.json: this report in JSON`;
  }
  const words = ['landfall', 'report'];
  for (const [field, flag] of Object.entries(FLAGS) as [keyof typeof FLAGS, string][]) {
    const value = inputs[field];
    if (value !== undefined) words.push(flag, sh(String(value)));
  }
  if (inputs.sites.length > 0) words.push('--sites', sh(inputs.sites.join(',')));
  if (inputs.sensitivity === null) words.push('--samples', '0');
  else words.push('--samples', String(inputs.sensitivity.samples), '--seed', String(inputs.sensitivity.seed));
  words.push('--out', sh(out));
  return words.join(' ');
}
