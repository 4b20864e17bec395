// `landfall legality`: the derived legality of one chip (--chip) or of every chip a profile needs
// (no --chip) for a company profile at a site on a date, as JSON (default) or one readable line.
import { describeIssues } from '../../../shared/errors';
import type { CallOutput } from '../../../shared/contract';
import { json, type Command } from '../command';
import { UsageError } from '../io';
import { scenarioInput, scenarioOption } from './scenario-option';

type Check = CallOutput<'legality.check'>;
type SiteCheck = CallOutput<'legality.site'>;

const chainText = (events: Check['events']): string =>
  events
    .map((e) => `  ${e.role.padEnd(10)} ${e.effectiveDate} ${e.issuer} ${e.id} (${e.effect}, ${e.confidence})\n`)
    .join('');

function render(value: Check | SiteCheck, format: string): string {
  if (format === 'json') return json(value);
  if ('chips' in value) {
    const chips = value.chips.map((c) => `${c.chipId}: ${c.status} — ${c.reason}\n${chainText(c.events)}`).join('');
    return `${value.status}: ${value.reason}\n${chips}`;
  }
  return `${value.status}: ${value.reason}\n${chainText(value.events)}`;
}

export const legalityCommands: Record<string, Command> = {
  legality: {
    summary: 'Chip legality for a company profile at a site on a date, with the policy events behind it',
    formats: ['json', 'text'],
    options: {
      profile: { type: 'string', help: 'company profile id (landfall profiles lists them)' },
      chip: { type: 'string', help: 'chip id; without it, every chip the profile needs and the worst of them' },
      site: { type: 'string', help: 'site id (landfall sites lists them)' },
      'as-of': { type: 'string', help: 'the date to judge on, YYYY-MM-DD (default today)' },
      ...scenarioOption,
    },
    call: 'legality.check',
    input: (values) => {
      for (const name of ['profile', 'site'] as const) {
        if (typeof values[name] !== 'string') throw new UsageError(`--${name} is required`);
      }
      return {
        profileId: values.profile,
        siteId: values.site,
        ...(values.chip === undefined ? {} : { chipId: values.chip }),
        ...(values['as-of'] === undefined ? {} : { asOf: values['as-of'] }),
        ...scenarioInput(values),
      };
    },
    render: (value, format) => render(value as Check | SiteCheck, format),
    // Two calls behind one command: with --chip one chip, without it the profile's whole need.
    run: async ({ name, dispatch, input, format, io }) => {
      const call = (input as { chipId?: unknown }).chipId === undefined ? 'legality.site' : 'legality.check';
      const result = await dispatch(call, input);
      if (!result.ok) {
        const detail = result.error.issues.length > 0 ? ` (${describeIssues(result.error.issues)})` : '';
        io.err(`landfall ${name}: ${result.error.message}${detail}\n`);
        return 1;
      }
      io.out(render(result.value as Check | SiteCheck, format));
      return 0;
    },
  },
};
