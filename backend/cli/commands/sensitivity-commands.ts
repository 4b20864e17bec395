// `landfall sensitivity`: weight sweeps, stability intervals and SMAA rank probabilities for a
// preset, as JSON (everything) or text (the stability intervals and the sites most likely to win,
// with how often each shared first place: SMAA splits a shared rank, it never breaks the tie).
import type { SensitivityRunOutput } from '../../../shared/calls/sensitivity-calls';
import { command, json, type Command } from '../command';
import { UsageError } from '../io';
import {
  coverageInput,
  coverageOptions,
  legalityInput,
  legalityOptions,
  scenarioInput,
  scenarioOption,
} from './scenario-option';

function whole(name: string, given: string | boolean | undefined): number | undefined {
  if (given === undefined) return undefined;
  const n = typeof given === 'string' && /^\d+$/.test(given) ? Number(given) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} must be a whole number, not "${String(given)}"`);
  return n;
}

function text(out: SensitivityRunOutput): string {
  const pct = (p: number): string => `${(100 * p).toFixed(1)}%`;
  const lines = [
    `preset ${out.preset.id} (${out.method})${out.profile ? `, profile ${out.profile.id}` : ''}, as of ${out.asOf}`,
    '',
    'weight stability (top site stays on top while the weight is within lo..hi):',
  ];
  for (const s of out.stability) {
    lines.push(
      `  ${s.criterionId.padEnd(24)} ${s.current.toFixed(3)}  ${s.lo.toFixed(4)}..${s.hi.toFixed(4)}  top ${s.topSite ?? '-'}${s.tiedWith.length > 0 ? ` (+${s.tiedWith.length} tied)` : ''}` +
        (s.changesTo.lo ? `  below: ${s.changesTo.lo}` : '') +
        (s.changesTo.hi ? `  above: ${s.changesTo.hi}` : ''),
    );
  }
  lines.push(
    '',
    `SMAA: ${out.smaa.samples} of ${out.smaa.requested} samples, seed ${out.seed}, ${out.smaa.mode}${out.cancelled ? ' (cancelled)' : ''}`,
  );
  const ranked = [...out.smaa.sites].sort((a, b) => b.pFirst - a.pFirst || (a.meanRank ?? 1e9) - (b.meanRank ?? 1e9));
  const ties = ranked.some((s) => s.pTiedFirst > 0);
  for (const s of ranked.slice(0, 20)) {
    const tied = ties ? `  tied first ${pct(s.pTiedFirst).padStart(6)}` : '';
    lines.push(
      `  ${s.siteId.padEnd(32)} first ${pct(s.pFirst).padStart(6)}${tied}  mean rank ${s.meanRank?.toFixed(2) ?? '-'}`,
    );
  }
  if (ties) {
    lines.push(
      '  first: share of samples ranked first, a first place shared by g sites counting 1/g; tied first: share of samples in which the site shared first place',
    );
  }
  return `${lines.join('\n')}\n`;
}

export const sensitivityCommands: Record<string, Command> = {
  sensitivity: command({
    summary: 'Weight sweeps, stability intervals and SMAA rank probabilities for a preset',
    formats: ['json', 'text'],
    options: {
      preset: { type: 'string', help: 'the weight preset (required)' },
      profile: { type: 'string', help: 'the company profile whose chip legality applies' },
      'as-of': { type: 'string', help: 'the date to look from, YYYY-MM-DD (default today)' },
      samples: { type: 'string', help: 'SMAA samples (default 2000, at most 100000)' },
      seed: { type: 'string', help: 'random seed (default 1); the same seed gives the same result' },
      mode: { type: 'string', help: 'around_preset (default) or uniform weights' },
      steps: { type: 'string', help: 'points of each weight sweep from 0 to 1 (default 21)' },
      ...coverageOptions,
      ...scenarioOption,
      ...legalityOptions,
    },
    call: 'sensitivity.run',
    input: (values) => {
      if (typeof values.preset !== 'string') throw new UsageError('--preset is required');
      return {
        presetId: values.preset,
        profileId: values.profile,
        asOf: values['as-of'],
        samples: whole('samples', values.samples),
        seed: whole('seed', values.seed),
        mode: values.mode,
        sweepSteps: whole('steps', values.steps),
        ...coverageInput(values),
        ...scenarioInput(values),
        ...legalityInput(values),
      };
    },
    render: (value, format) => (format === 'text' ? text(value) : json(value)),
  }),
};
