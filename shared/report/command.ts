// The command line that rebuilds a report, for its reproducibility block. Overrides the flags cannot
// carry (weights, normalisation, constraints) send the reader to --inputs, which reads them back from
// the JSON report itself.
import type { ReportInputs } from './model';

/** Quotes a word for a POSIX shell only when it needs it. */
function sh(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

export function reportCommand(inputs: ReportInputs, out = 'report.pdf'): string {
  if (inputs.weights !== undefined || inputs.normalisation !== undefined || inputs.constraints !== undefined) {
    return `landfall report --inputs report.json --out ${sh(out)}   # report.json: this report in JSON`;
  }
  const words = ['landfall', 'report', '--preset', sh(inputs.presetId)];
  if (inputs.profileId !== undefined) words.push('--profile', sh(inputs.profileId));
  words.push('--as-of', inputs.asOf);
  if (inputs.method !== undefined) words.push('--method', inputs.method);
  if (inputs.minCoverage !== undefined) words.push('--min-coverage', String(inputs.minCoverage));
  if (inputs.thinData !== undefined) words.push('--thin-data', inputs.thinData);
  if (inputs.scenarioId !== undefined) words.push('--scenario', sh(inputs.scenarioId));
  if (inputs.sites.length > 0) words.push('--sites', sh(inputs.sites.join(',')));
  if (inputs.sensitivity === null) words.push('--samples', '0');
  else words.push('--samples', String(inputs.sensitivity.samples), '--seed', String(inputs.sensitivity.seed));
  words.push('--out', sh(out));
  return words.join(' ');
}
