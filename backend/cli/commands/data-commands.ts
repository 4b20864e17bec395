// `landfall chips|profiles|presets|policies|criteria|markets|metrics`: the reference data as JSON
// (default) or CSV. Nested fields become one CSV cell: lists joined with ";", objects as JSON.
import type { CallName, CallOutput } from '../../../shared/contract';
import { toCsv } from '../../../shared/csv';
import { command, json, type Command, type CommandOption } from '../command';

type ListCall =
  'chips.list' | 'profiles.list' | 'presets.list' | 'policies.list' | 'criteria.list' | 'markets.list' | 'metrics.list';
type Item<N extends ListCall> = CallOutput<N>[number];

interface ListSpec<N extends ListCall> {
  summary: string;
  call: N;
  options?: Record<string, CommandOption & { input: string }>;
  header: readonly string[];
  row(item: Item<N>): readonly unknown[];
}

/** A list command: options map one-to-one onto input fields; the contract validates them. */
function listCommand<N extends ListCall>(spec: ListSpec<N>): Command {
  const options = spec.options ?? {};
  return command({
    summary: spec.summary,
    formats: ['json', 'csv'],
    options: Object.fromEntries(Object.entries(options).map(([name, o]) => [name, { type: o.type, help: o.help }])),
    call: spec.call satisfies CallName,
    input: (values) => Object.fromEntries(Object.entries(options).map(([name, o]) => [o.input, values[name]])),
    render: (value, format) =>
      format === 'csv'
        ? toCsv(
            spec.header,
            value.map((item: Item<N>) => spec.row(item)),
          )
        : json(value),
  });
}

const list = (items: readonly string[]): string => items.join(';');

export const dataCommands: Record<string, Command> = {
  chips: listCommand({
    summary: 'List accelerators with their export-control class',
    call: 'chips.list',
    header: ['id', 'vendor', 'name', 'class', 'tpp', 'memory_gb', 'notes', 'source_url', 'source_as_of'],
    row: (c) => [c.id, c.vendor, c.name, c.chipClass, c.tpp, c.memoryGb, c.notes, c.source.url, c.source.asOf],
  }),
  profiles: listCommand({
    summary: 'List company profiles',
    call: 'profiles.list',
    header: [
      'id',
      'name',
      'hq_country',
      'state_funded',
      'entity_listed',
      'deployment',
      'named_company',
      'training_chips',
      'inference_chips',
      'builtin',
    ],
    row: (p) => [
      p.id,
      p.name,
      p.hqCountry,
      p.stateFunded,
      p.entityListed,
      p.deployment,
      p.namedCompany,
      list(p.trainingChips),
      list(p.inferenceChips),
      p.builtin,
    ],
  }),
  presets: listCommand({
    summary: 'List weight presets (more: presets list|show|diff|duplicate|delete|restore|import|export)',
    call: 'presets.list',
    header: ['id', 'name', 'method', 'normalisation', 'builtin', 'weights', 'constraints', 'updated_at'],
    row: (p) => [
      p.id,
      p.name,
      p.method,
      p.normalisation,
      p.builtin,
      list(Object.entries(p.weights).map(([k, w]) => `${k}=${w}`)),
      JSON.stringify(p.constraints),
      p.updatedAt,
    ],
  }),
  policies: listCommand({
    summary: 'List policy events (the chip and data-centre rules timeline)',
    call: 'policies.list',
    options: {
      'as-of': { type: 'string', help: 'only events in force on this date (YYYY-MM-DD)', input: 'asOf' },
      issuer: { type: 'string', help: 'only events of this issuer, e.g. US, CN, MY (includes MY-01)', input: 'issuer' },
    },
    header: [
      'id',
      'issuer',
      'regime',
      'title',
      'effective_date',
      'end_date',
      'effect',
      'condition',
      'confidence',
      'scope',
      'source_url',
      'note',
    ],
    row: (e) => [
      e.id,
      e.issuer,
      e.regime,
      e.title,
      e.effectiveDate,
      e.endDate,
      e.effect,
      e.condition,
      e.confidence,
      JSON.stringify(e.scope),
      e.source.url,
      e.note,
    ],
  }),
  criteria: listCommand({
    summary: 'List scoring criteria',
    call: 'criteria.list',
    header: ['id', 'name', 'group', 'unit', 'direction', 'normalisation', 'derived', 'sort_order', 'description'],
    row: (c) => [c.id, c.name, c.group, c.unit, c.direction, c.normalisation, c.derived, c.sortOrder, c.description],
  }),
  markets: listCommand({
    summary: 'List markets',
    call: 'markets.list',
    options: { country: { type: 'string', help: 'only markets in this ISO country code, e.g. CN', input: 'country' } },
    header: ['id', 'name', 'country', 'jurisdiction', 'description'],
    row: (m) => [m.id, m.name, m.country, m.jurisdictionCode, m.description],
  }),
  metrics: listCommand({
    summary: 'List sourced metric values with their method (a site gets its own, else its market’s)',
    call: 'metrics.list',
    options: {
      site: { type: 'string', help: 'the values that apply to this site id', input: 'siteId' },
      market: { type: 'string', help: 'the values of this market id', input: 'marketId' },
      criterion: { type: 'string', help: 'only this criterion id, e.g. power_price_usc_kwh', input: 'criterionId' },
    },
    header: [
      'criterion',
      'market',
      'site',
      'kind',
      'value',
      'low',
      'high',
      'missing_reason',
      'source_title',
      'source_url',
      'as_of',
      'note',
      'method',
      'derivation',
      'reference',
    ],
    row: (v) => [
      v.criterionId,
      v.marketId,
      v.siteId,
      v.kind,
      v.kind === 'known' ? v.value : null,
      v.kind === 'known' ? v.low : null,
      v.kind === 'known' ? v.high : null,
      v.kind === 'missing' ? v.missingReason : null,
      v.source?.title,
      v.source?.url,
      v.source?.asOf,
      v.note,
      v.kind === 'known' ? v.method : null,
      v.kind === 'known' ? v.derivation : null,
      v.kind === 'known' ? v.reference : null,
    ],
  }),
};
