// What each workbench table shows: its columns (header, width, how a cell reads, which data.apply
// field it edits) and how a row is keyed. Cells are text; a typed or pasted cell goes back as text
// and the backend reads numbers and lists from it, so one path checks both.
import type { CallOutput } from '../../../shared/contract';
import type { WorkbenchTable } from '../store';
import { FactMethod } from '../../../shared/model/facts';
import { PolicyConfidence, PolicyEffect, PolicyRegime } from '../../../shared/model/policy';

export type ColumnKind = 'text' | 'number' | 'date' | 'bool' | 'list' | 'enum' | 'scope';

export interface Column {
  id: string;
  header: string;
  width: number;
  /** The data.apply field ("lat", "source.url", "capacityMw.existing"); null: not editable here. */
  field: string | null;
  kind: ColumnKind;
  /** Empty text means null (an optional number, an open end date). */
  nullable?: boolean;
  /** A new row must give it (the add-row form says so). */
  required?: boolean;
  /** Part of the row's key: given when adding, never edited. */
  keyPart?: boolean;
  options?: readonly string[];
}

export interface GridRow {
  /** The row's key as data.apply and history.list name it. */
  key: string;
  cells: Record<string, string>;
}

export interface TableSpec {
  table: WorkbenchTable;
  title: string;
  columns: Column[];
}

const num = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(n));
const list = (xs: readonly string[]): string => xs.join(', ');
const bool = (b: boolean | null): string => (b === null ? 'any' : b ? 'yes' : 'no');

const c = (
  id: string,
  header: string,
  width: number,
  kind: ColumnKind = 'text',
  extra: Partial<Column> = {},
): Column => ({ id, header, width, field: id, kind, ...extra });

export const TABLES: Record<WorkbenchTable, TableSpec> = {
  sites: {
    table: 'sites',
    title: 'Sites',
    columns: [
      c('id', 'Id', 140, 'text', { keyPart: true, required: true }),
      c('name', 'Name', 200, 'text', { required: true }),
      c('marketId', 'Market', 120, 'text', { required: true }),
      c('lat', 'Latitude', 90, 'number', { required: true }),
      c('lon', 'Longitude', 90, 'number', { required: true }),
      c('capacityMw.existing', 'Existing MW', 100, 'number', { nullable: true }),
      c('capacityMw.planned', 'Planned MW', 100, 'number', { nullable: true }),
      c('status', 'Status', 130, 'enum', { options: ['operational', 'under_construction', 'planned', 'land_bank'] }),
      c('operator', 'Operator', 160, 'text', { nullable: true }),
      c('source.title', 'Source', 200, 'text', { required: true }),
      c('source.url', 'Source URL', 200, 'text', { required: true }),
      c('source.asOf', 'As of', 100, 'date', { required: true }),
      c('notes', 'Notes', 200),
    ],
  },
  metric_values: {
    table: 'metric_values',
    title: 'Metric values',
    columns: [
      c('criterionId', 'Criterion', 190, 'text', { keyPart: true, required: true }),
      c('owner', 'Site or market', 170, 'text', { keyPart: true, required: true }),
      c('value', 'Value', 90, 'number', { nullable: true }),
      c('low', 'Low', 80, 'number', { nullable: true }),
      c('high', 'High', 80, 'number', { nullable: true }),
      { ...c('unit', 'Unit', 90), field: null },
      // Not required: a missing fact has no method (the add form starts it at "—", not "official").
      c('method', 'Method', 100, 'enum', { options: FactMethod.options, nullable: true, required: false }),
      c('derivation', 'Derivation', 240, 'text', { nullable: true }),
      c('source.title', 'Source', 200),
      c('source.url', 'Source URL', 200),
      c('source.asOf', 'As of', 100, 'date'),
      c('reference', 'Reference', 220, 'text', { nullable: true }),
      c('missingReason', 'Missing reason', 160, 'text', { nullable: true }),
      c('note', 'Note', 160),
    ],
  },
  chips: {
    table: 'chips',
    title: 'Chips',
    columns: [
      c('id', 'Id', 130, 'text', { keyPart: true, required: true }),
      c('vendor', 'Vendor', 100, 'text', { required: true }),
      c('name', 'Name', 140, 'text', { required: true }),
      c('chipClass', 'Class', 170, 'enum', {
        options: ['frontier_controlled', 'china_export_variant', 'domestic_chinese', 'other'],
      }),
      c('tpp', 'TPP', 80, 'number', { nullable: true }),
      c('memoryGb', 'Memory GB', 90, 'number', { nullable: true }),
      c('source.title', 'Source', 180, 'text', { required: true }),
      c('source.url', 'Source URL', 180, 'text', { required: true }),
      c('source.asOf', 'As of', 100, 'date', { required: true }),
      c('notes', 'Notes', 180),
    ],
  },
  policy_events: {
    table: 'policy_events',
    title: 'Policy events',
    columns: [
      c('id', 'Id', 150, 'text', { keyPart: true, required: true }),
      c('issuer', 'Issuer', 70, 'text', { required: true }),
      c('regime', 'Regime', 150, 'enum', { options: PolicyRegime.options }),
      c('title', 'Title', 220, 'text', { required: true }),
      c('publishedDate', 'Published', 100, 'date', { nullable: true }),
      c('effectiveDate', 'Effective', 100, 'date', { required: true }),
      c('complianceDate', 'Compliance', 100, 'date', { nullable: true }),
      c('endDate', 'Ends', 100, 'date', { nullable: true }),
      c('effect', 'Effect', 170, 'enum', { options: PolicyEffect.options }),
      { ...c('scope', 'Scope', 260, 'scope'), field: 'scope' },
      c('confidence', 'Confidence', 90, 'enum', { options: PolicyConfidence.options }),
      c('condition', 'Condition', 160),
      c('source.title', 'Source', 180, 'text', { required: true }),
      c('source.url', 'Source URL', 180, 'text', { required: true }),
      c('note', 'Note', 160),
    ],
  },
  profiles: {
    table: 'profiles',
    title: 'Profiles',
    columns: [
      c('id', 'Id', 170, 'text', { keyPart: true, required: true }),
      c('name', 'Name', 200, 'text', { required: true }),
      c('hqCountry', 'HQ', 60, 'text', { required: true }),
      c('stateFunded', 'State funded', 100, 'bool'),
      c('entityListed', 'Entity listed', 100, 'bool'),
      c('deployment', 'Deployment', 100, 'enum', { options: ['owned', 'rented'] }),
      c('namedCompany', 'Named company', 130, 'text', { nullable: true }),
      c('ultimateParentCountry', 'Ultimate parent', 90, 'text', { nullable: true }),
      c('trainingChips', 'Training chips', 220, 'list', { required: true }),
      c('inferenceChips', 'Inference chips', 200, 'list'),
      c('description', 'Description', 220),
    ],
  },
  criteria: {
    table: 'criteria',
    title: 'Criteria',
    columns: [
      c('id', 'Id', 190, 'text', { keyPart: true, required: true }),
      c('name', 'Name', 190, 'text', { required: true }),
      c('group', 'Group', 120, 'text', { required: true }),
      c('unit', 'Unit', 90),
      c('direction', 'Direction', 90, 'enum', { options: ['benefit', 'cost'] }),
      c('normalisation', 'Normalisation', 110, 'enum', { options: ['minmax', 'vector', 'max', 'target'] }),
      { ...c('derived', 'Derived', 70, 'bool'), field: null },
      c('sortOrder', 'Order', 60, 'number'),
      c('description', 'Description', 260, 'text', { required: true }),
    ],
  },
};

export const TABLE_ORDER: readonly WorkbenchTable[] = [
  'sites',
  'metric_values',
  'chips',
  'policy_events',
  'profiles',
  'criteria',
];

type Metric = CallOutput<'metrics.list'>[number];
type Policy = CallOutput<'policies.list'>[number];

/** A fact's key as data.apply and history.list write it: "criterion@site:ID" or "criterion@market:ID". */
export function factKey(m: Pick<Metric, 'criterionId' | 'siteId' | 'marketId'>): string {
  return m.siteId ? `${m.criterionId}@site:${m.siteId}` : `${m.criterionId}@market:${m.marketId ?? ''}`;
}

/** A policy event's scope as one line ("chips: h20; to: MY, SG; HQ: CN; rented"). */
export function scopeText(scope: Policy['scope']): string {
  const parts: string[] = [];
  if (scope.chips.length) parts.push(`chips: ${list(scope.chips)}`);
  if (scope.chipClasses.length) parts.push(`classes: ${list(scope.chipClasses)}`);
  if (scope.destinations.length) parts.push(`to: ${list(scope.destinations)}`);
  if (scope.exceptDestinations?.length) parts.push(`not in: ${list(scope.exceptDestinations)}`);
  if (scope.companyHq.length) parts.push(`HQ: ${list(scope.companyHq)}`);
  if (scope.companies.length) parts.push(`companies: ${list(scope.companies)}`);
  if (scope.stateFunded !== null) parts.push(`state funded: ${bool(scope.stateFunded)}`);
  if (scope.entityListed !== null) parts.push(`entity listed: ${bool(scope.entityListed)}`);
  if (scope.deployment !== 'any') parts.push(scope.deployment);
  return parts.length ? parts.join('; ') : 'everyone, everywhere';
}

export interface TableData {
  sites: CallOutput<'sites.list'>;
  metrics: CallOutput<'metrics.list'>;
  chips: CallOutput<'chips.list'>;
  policies: CallOutput<'policies.list'>;
  profiles: CallOutput<'profiles.list'>;
  criteria: CallOutput<'criteria.list'>;
}

/** The grid rows for one table. */
export function rowsOf(table: WorkbenchTable, data: Partial<TableData>, units: Map<string, string>): GridRow[] {
  switch (table) {
    case 'sites':
      return (data.sites ?? []).map((s) => ({
        key: s.id,
        cells: {
          id: s.id,
          name: s.name,
          marketId: s.marketId,
          lat: String(s.lat),
          lon: String(s.lon),
          'capacityMw.existing': num(s.capacityMw.existing),
          'capacityMw.planned': num(s.capacityMw.planned),
          status: s.status,
          operator: s.operator ?? '',
          'source.title': s.source.title,
          'source.url': s.source.url,
          'source.asOf': s.source.asOf,
          notes: s.notes,
        },
      }));
    case 'metric_values':
      return (data.metrics ?? []).map((m) => ({
        key: factKey(m),
        cells: {
          criterionId: m.criterionId,
          owner: m.siteId ? `site:${m.siteId}` : `market:${m.marketId ?? ''}`,
          value: m.kind === 'known' ? String(m.value) : '',
          low: m.kind === 'known' ? num(m.low) : '',
          high: m.kind === 'known' ? num(m.high) : '',
          unit: units.get(m.criterionId) ?? '',
          method: m.kind === 'known' ? m.method : '',
          derivation: m.kind === 'known' ? (m.derivation ?? '') : '',
          reference: m.kind === 'known' ? (m.reference ?? '') : '',
          'source.title': m.source?.title ?? '',
          'source.url': m.source?.url ?? '',
          'source.asOf': m.source?.asOf ?? '',
          missingReason: m.kind === 'missing' ? m.missingReason : '',
          note: m.note,
        },
      }));
    case 'chips':
      return (data.chips ?? []).map((ch) => ({
        key: ch.id,
        cells: {
          id: ch.id,
          vendor: ch.vendor,
          name: ch.name,
          chipClass: ch.chipClass,
          tpp: num(ch.tpp),
          memoryGb: num(ch.memoryGb),
          'source.title': ch.source.title,
          'source.url': ch.source.url,
          'source.asOf': ch.source.asOf,
          notes: ch.notes,
        },
      }));
    case 'policy_events':
      return (data.policies ?? []).map((p) => ({
        key: p.id,
        cells: {
          id: p.id,
          issuer: p.issuer,
          regime: p.regime,
          title: p.title,
          publishedDate: p.publishedDate ?? '',
          effectiveDate: p.effectiveDate,
          complianceDate: p.complianceDate ?? '',
          endDate: p.endDate ?? '',
          effect: p.effect,
          scope: scopeText(p.scope),
          confidence: p.confidence,
          condition: p.condition,
          'source.title': p.source.title,
          'source.url': p.source.url,
          note: p.note,
        },
      }));
    case 'profiles':
      return (data.profiles ?? []).map((p) => ({
        key: p.id,
        cells: {
          id: p.id,
          name: p.name,
          hqCountry: p.hqCountry,
          stateFunded: bool(p.stateFunded),
          entityListed: bool(p.entityListed),
          deployment: p.deployment,
          namedCompany: p.namedCompany ?? '',
          ultimateParentCountry: p.ultimateParentCountry ?? '',
          trainingChips: list(p.trainingChips),
          inferenceChips: list(p.inferenceChips),
          description: p.description,
        },
      }));
    case 'criteria':
      return (data.criteria ?? []).map((cr) => ({
        key: cr.id,
        cells: {
          id: cr.id,
          name: cr.name,
          group: cr.group,
          unit: cr.unit,
          direction: cr.direction,
          normalisation: cr.normalisation,
          derived: bool(cr.derived),
          sortOrder: String(cr.sortOrder),
          description: cr.description,
        },
      }));
  }
}
