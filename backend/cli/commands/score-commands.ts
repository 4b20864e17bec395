// `landfall score`: rank every site for a preset, as JSON (default), CSV or a Markdown table.
import type { CallOutput } from '../../../shared/contract';
import { toCsv } from '../../../shared/csv';
import { json, type Command } from '../command';
import { UsageError } from '../io';
import { legalityInput, legalityOptions, scenarioInput, scenarioOption } from './scenario-option';

type Scored = CallOutput<'score.run'>;

const fixed = (x: number | null): string => (x === null ? '' : x.toFixed(4));

/** Ranked sites first (by rank), then excluded ones in store order. */
function ordered(v: Scored): Scored['results'] {
  return [...v.results].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

function render(value: unknown, format: string): string {
  const v = value as Scored;
  if (format === 'json') {
    return json({
      asOf: v.asOf,
      preset: v.preset,
      profile: v.profile,
      method: v.method,
      weights: v.weights,
      results: ordered(v).map((r) => ({
        siteId: r.siteId,
        name: r.name,
        rank: r.rank,
        score: r.score,
        excluded: r.excluded,
        reasons: r.reasons,
        contributions: r.contributions,
        missingHandled: r.missingHandled,
        stale: r.stale,
      })),
    });
  }
  const ids = Object.keys(v.weights);
  if (format === 'csv') {
    return toCsv(
      ['rank', 'site_id', 'name', 'score', 'excluded', 'reasons', 'stale', ...ids.map((id) => `contribution_${id}`)],
      ordered(v).map((r) => [
        r.rank,
        r.siteId,
        r.name,
        r.score,
        r.excluded,
        r.reasons.join('; '),
        r.stale.join(';'),
        ...ids.map((id) => r.contributions?.[id] ?? null),
      ]),
    );
  }
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const head =
    `${v.preset.name} · ${v.profile?.name ?? 'no profile'} · ${v.method.toUpperCase()} · as of ${v.asOf}\n\n` +
    '| rank | site | score | notes |\n| ---: | --- | ---: | --- |\n';
  const rows = ordered(v).map((r) => {
    const notes = r.excluded
      ? `excluded: ${r.reasons.join('; ')}`
      : r.stale.length > 0
        ? `stale: ${r.stale.join(', ')}`
        : '';
    return `| ${r.rank ?? '—'} | ${cell(r.name)} (${cell(r.siteId)}) | ${fixed(r.score)} | ${cell(notes)} |\n`;
  });
  return head + rows.join('');
}

export const scoreCommands: Record<string, Command> = {
  score: {
    summary: 'Rank every site for a weight preset (and company profile) on a date',
    formats: ['json', 'csv', 'md'],
    options: {
      preset: { type: 'string', help: 'weight preset id (landfall presets lists them)' },
      profile: { type: 'string', help: 'company profile id, for chip legality (landfall profiles lists them)' },
      'as-of': { type: 'string', help: 'the date to score on, YYYY-MM-DD (default today)' },
      method: { type: 'string', help: "wsm, wpm or topsis (default: the preset's)" },
      ...scenarioOption,
      ...legalityOptions,
    },
    call: 'score.run',
    input: (values) => {
      if (typeof values.preset !== 'string') throw new UsageError('--preset is required');
      return {
        presetId: values.preset,
        ...(values.profile === undefined ? {} : { profileId: values.profile }),
        ...(values['as-of'] === undefined ? {} : { asOf: values['as-of'] }),
        ...(values.method === undefined ? {} : { method: values.method }),
        ...scenarioInput(values),
        ...legalityInput(values),
      };
    },
    render,
  },
};
