// Each CLI command: its options, help line, and how it turns a contract call into output.
import type { CallName } from '../../shared/contract';
import { toCsv } from '../../shared/csv';
import type { Site } from '../../shared/schemas';
import { UsageError } from './io';

export interface CommandOption {
  type: 'string' | 'boolean';
  help: string;
}

export interface Command {
  summary: string;
  /** Output formats, the first being the default; `--format` is added for every command. */
  formats: readonly string[];
  options: Record<string, CommandOption>;
  call: CallName;
  /** Builds the call's input from parsed options; the contract validates it. */
  input(values: Record<string, string | boolean | undefined>): unknown;
  render(value: unknown, format: string): string;
}

export function formatOf(command: Command, given: string | boolean | undefined): string {
  const format = given ?? command.formats[0];
  if (typeof format !== 'string' || !command.formats.includes(format)) {
    throw new UsageError(`--format must be one of ${command.formats.join(', ')}, not "${String(format)}"`);
  }
  return format;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function sitesCsv(sites: Site[]): string {
  return toCsv(
    [
      'id',
      'name',
      'market',
      'country',
      'lat',
      'lon',
      'existing_mw',
      'planned_mw',
      'status',
      'source_url',
      'source_as_of',
    ],
    sites.map((s) => [
      s.id,
      s.name,
      s.marketName,
      s.country,
      s.lat,
      s.lon,
      s.capacityMw.existing,
      s.capacityMw.planned,
      s.status,
      s.source.url,
      s.source.asOf,
    ]),
  );
}

export const commands: Record<string, Command> = {
  info: {
    summary: 'Show the app version, database path and schema version',
    formats: ['json', 'text'],
    options: {},
    call: 'app.info',
    input: () => ({}),
    render: (value, format) =>
      format === 'text'
        ? Object.entries(value as Record<string, unknown>)
            .map(([k, v]) => `${k}: ${String(v)}`)
            .join('\n') + '\n'
        : json(value),
  },
  sites: {
    summary: 'List candidate sites',
    formats: ['json', 'csv'],
    options: {
      country: { type: 'string', help: 'only sites in this ISO country code, e.g. SG' },
      status: { type: 'string', help: 'operational, under_construction, planned or land_bank' },
    },
    call: 'sites.list',
    input: (values) => ({ country: values.country, status: values.status }),
    render: (value, format) => (format === 'csv' ? sitesCsv(value as Site[]) : json(value)),
  },
};
