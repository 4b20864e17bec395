import { toCsv } from '../../../shared/csv';
import type { Site } from '../../../shared/schemas';
import { command, json, type Command } from '../command';

function sitesCsv(sites: readonly Site[]): string {
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
      'operator',
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
      s.operator,
      s.source.url,
      s.source.asOf,
    ]),
  );
}

export const siteCommands: Record<string, Command> = {
  sites: command({
    summary: 'List candidate sites',
    formats: ['json', 'csv'],
    options: {
      country: { type: 'string', help: 'only sites in this ISO country code, e.g. SG' },
      status: { type: 'string', help: 'operational, under_construction, planned or land_bank' },
    },
    call: 'sites.list',
    input: (values) => ({ country: values.country, status: values.status }),
    render: (value, format) => (format === 'csv' ? sitesCsv(value) : json(value)),
  }),
};
