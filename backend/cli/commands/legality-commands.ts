// `landfall legality`: the derived legality of one chip (--chip) or of a profile's workload (no
// --chip: the best lawful option, or every chip with --legality-mode all) for a company profile at a site on
// a date, as JSON (default) or text: the answer, each regime's verdict per chip, and the chain.
import type { CallOutput } from '../../../shared/contract';
import { STATUS_TITLE } from '../../../shared/engine/legality';
import { command, refused, json, type Command } from '../command';
import { UsageError } from '../io';
import { legalityInput, legalityOptions, scenarioInput, scenarioOption } from './scenario-option';

type Check = CallOutput<'legality.check'>;
type SiteCheck = CallOutput<'legality.site'>;

const chainText = (events: Check['events']): string =>
  events
    .map((e) => `    ${e.role.padEnd(12)} ${e.effectiveDate} ${e.id} (${e.effect}, ${e.confidence}) — ${e.why}\n`)
    .join('');

/** One chip: its status, then a regime table (regime, verdict, deciding events), then the chain. */
function chipText(c: Check | SiteCheck['chips'][number]): string {
  const width = Math.max(...c.regimes.map((r) => r.name.length), 6);
  const rows = c.regimes
    .map(
      (r) =>
        `    ${r.name.padEnd(width)}  ${(r.status === null ? 'does not bind' : STATUS_TITLE[r.status]).padEnd(30)}  ${r.deciders.join(', ')}\n`,
    )
    .join('');
  const tier = c.confidence === null || c.confidence === 'rule' ? '' : ` [${c.confidence}]`;
  return `${c.chipId}: ${STATUS_TITLE[c.status]}${tier}\n  ${c.reason}\n  regimes:\n${rows}  chain:\n${chainText(c.events)}`;
}

function render(value: Check | SiteCheck, format: string): string {
  if (format === 'json') return json(value);
  if ('workload' in value) {
    const lawful =
      value.lawfulTpp === null
        ? 'unknown'
        : value.lawfulTpp === 0
          ? 'none'
          : `${value.lawfulTpp} TPP (${value.lawfulChipId ?? '?'})`;
    const head = `${value.workload} (${value.mode === 'best' ? 'best lawful option' : 'every chip must clear'}) at ${value.siteId} on ${value.asOf}: ${STATUS_TITLE[value.status]} with ${value.chipId}\n  ${value.reason}\n  lawful compute: ${lawful}\n\n`;
    return head + value.chips.map(chipText).join('\n');
  }
  return chipText(value);
}

export const legalityCommands: Record<string, Command> = {
  legality: command({
    summary: 'Chip legality for a company profile at a site on a date: the workload answer, each regime, the events',
    formats: ['json', 'text'],
    options: {
      profile: { type: 'string', help: 'company profile id (landfall profiles lists them)' },
      chip: { type: 'string', help: 'chip id; without it, the profile’s workload (best lawful option)' },
      site: { type: 'string', help: 'site id (landfall sites lists them)' },
      'as-of': { type: 'string', help: 'the date to judge on, YYYY-MM-DD (default today)' },
      ...legalityOptions,
      ...scenarioOption,
    },
    call: 'legality.check',
    input: (values) => {
      for (const name of ['profile', 'site'] as const) {
        if (typeof values[name] !== 'string') throw new UsageError(`--${name} is required`);
      }
      const legality = legalityInput(values);
      if (values.chip !== undefined && (legality.workload !== undefined || legality.legalityMode !== undefined))
        throw new UsageError('--workload and --legality-mode apply to a profile’s workload: leave out --chip');
      return {
        profileId: values.profile,
        siteId: values.site,
        ...(values.chip === undefined ? {} : { chipId: values.chip }),
        ...(values['as-of'] === undefined ? {} : { asOf: values['as-of'] }),
        ...legality,
        ...scenarioInput(values),
      };
    },
    // Two calls behind one command: with --chip one chip, without it the profile's workload.
    run: async ({ name, call, input, format, io }) => {
      const which = (input as { chipId?: unknown }).chipId === undefined ? 'legality.site' : 'legality.check';
      const result = await call(which, input);
      if (!result.ok) return refused(io, name, result.error);
      io.out(render(result.value, format));
      return 0;
    },
  }),
};
