// `landfall score`: rank every site for a preset, as JSON (default), CSV or a Markdown table. Ranks
// are score.run's competition ranks ("3=" when shared), each score sits beside its coverage, and
// the Markdown ends with what may be said about the top and which criteria told nobody apart.
import type { CallOutput } from '../../../shared/contract';
import { toCsv } from '../../../shared/csv';
import { coverageCell } from '../../../shared/report/words';
import { rankLabel, thinDataNote, topSentence } from '../../../shared/score-words';
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

type Scored = CallOutput<'score.run'>;
type Result = Scored['results'][number];

const fixed = (x: number | null): string => (x === null ? '' : x.toFixed(4));

/** Ranked sites first (by rank), then excluded ones in store order. */
function ordered(v: Scored): Scored['results'] {
  return [...v.results].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

function renderJson(v: Scored): string {
  return json({
    asOf: v.asOf,
    preset: v.preset,
    profile: v.profile,
    method: v.method,
    weights: v.weights,
    minCoverage: v.minCoverage,
    thinData: v.thinData,
    top: v.top,
    uninformative: v.uninformative,
    results: ordered(v).map((r) => ({
      siteId: r.siteId,
      name: r.name,
      rank: r.rank,
      tied: r.tied,
      score: r.score,
      coverage: r.coverage,
      staleCoverage: r.staleCoverage,
      thin: r.thin,
      excluded: r.excluded,
      reasons: r.reasons,
      contributions: r.contributions,
      missingHandled: r.missingHandled,
      stale: r.stale,
    })),
  });
}

function renderCsv(v: Scored): string {
  const ids = Object.keys(v.weights);
  return toCsv(
    [
      'rank',
      'site_id',
      'name',
      'score',
      'tied',
      'coverage',
      'stale_coverage',
      'thin',
      'excluded',
      'reasons',
      'stale',
      'no_value',
      ...ids.map((id) => `contribution_${id}`),
    ],
    ordered(v).map((r) => [
      r.rank,
      r.siteId,
      r.name,
      r.score,
      r.tied,
      r.coverage,
      r.staleCoverage,
      r.thin,
      r.excluded,
      r.reasons.join('; '),
      r.stale.join(';'),
      r.missingHandled.map((m) => m.criterionId).join(';'),
      ...ids.map((id) => r.contributions?.[id] ?? null),
    ]),
  );
}

/** Why a site is excluded, or that it is thin data and which of its known facts are stale. */
function notes(r: Result): string {
  if (r.excluded) return `excluded: ${r.reasons.join('; ')}`;
  const parts = r.thin ? ['thin data'] : [];
  if (r.stale.length > 0) parts.push(`stale: ${r.stale.join(', ')}`);
  return parts.join('; ');
}

/** The lines under the table: the top sentence, how many sites are thin data, the silent criteria. */
function footer(v: Scored): string[] {
  const names = new Map(v.results.map((r) => [r.siteId, r.name]));
  const lines = [
    topSentence(
      v.top,
      (id) => names.get(id) ?? id,
      (id) => id,
    ),
  ];
  if (v.minCoverage > 0) {
    const excluding = v.thinData === 'exclude';
    const thin = v.results.filter((r) => r.thin && r.excluded === excluding).length;
    const how = excluding ? 'excluded as' : 'marked';
    lines.push(`${thin} of ${v.results.length} sites ${how} ${thinDataNote(v.minCoverage)}.`);
  }
  if (v.uninformative.length > 0) {
    const listed = v.uninformative.map((u) => `${u.criterionId} (${u.reason}, ${u.known} known)`).join(', ');
    lines.push(`No spread among the known values, so they give nobody anything: ${listed}.`);
  }
  return lines;
}

function renderMarkdown(v: Scored): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const head =
    `${v.preset.name} · ${v.profile?.name ?? 'no profile'} · ${v.method.toUpperCase()} · as of ${v.asOf}\n\n` +
    '| rank | site | score | coverage | notes |\n| ---: | --- | ---: | ---: | --- |\n';
  const rows = ordered(v).map(
    (r) =>
      `| ${rankLabel(r.rank, r.tied)} | ${cell(r.name)} (${cell(r.siteId)}) | ${fixed(r.score)} | ${coverageCell(r)} | ${cell(notes(r))} |\n`,
  );
  return `${head}${rows.join('')}\n${footer(v).join('\n')}\n`;
}

function render(v: Scored, format: string): string {
  if (format === 'json') return renderJson(v);
  if (format === 'csv') return renderCsv(v);
  return renderMarkdown(v);
}

export const scoreCommands: Record<string, Command> = {
  score: command({
    summary: 'Rank every site for a weight preset (and company profile) on a date',
    formats: ['json', 'csv', 'md'],
    options: {
      preset: { type: 'string', help: 'weight preset id (landfall presets lists them)' },
      profile: { type: 'string', help: 'company profile id, for chip legality (landfall profiles lists them)' },
      'as-of': { type: 'string', help: 'the date to score on, YYYY-MM-DD (default today)' },
      method: { type: 'string', help: "wsm, wpm or topsis (default: the preset's)" },
      ...coverageOptions,
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
        ...coverageInput(values),
        ...scenarioInput(values),
        ...legalityInput(values),
      };
    },
    render,
  }),
};
