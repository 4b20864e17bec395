// A hypothetical policy event as the form holds it (text fields, as typed) and as
// scenarios.applyEvents takes it. The backend checks the values; this only shapes them.
import type { HypotheticalEvent } from '../../../../shared/calls/scenario-calls';
import type { ChipClass } from '../../../../shared/model/chips';
import {
  PolicyEffect as PolicyEffectSchema,
  type PolicyConfidence,
  type PolicyEffect,
  type PolicyLink,
  type PolicyRegime,
} from '../../../../shared/model/policy';

export type Tristate = 'any' | 'yes' | 'no';

export interface EventDraft {
  id: string;
  issuer: string;
  title: string;
  effect: PolicyEffect;
  effectiveDate: string;
  endDate: string;
  condition: string;
  /** Comma-separated ids and codes, as typed. */
  chips: string;
  chipClasses: ChipClass[];
  destinations: string;
  companyHq: string;
  companies: string;
  stateFunded: Tristate;
  entityListed: Tristate;
  deployment: 'owned' | 'rented' | 'any';
  confidence: PolicyConfidence;
  regime: PolicyRegime;
  /** Kept as stored when an event is edited; the form does not edit links. */
  links: PolicyLink[];
  sourceTitle: string;
  sourceUrl: string;
  note: string;
}

export const EFFECTS: readonly PolicyEffect[] = PolicyEffectSchema.options;
export const CHIP_CLASSES: ChipClass[] = ['frontier_controlled', 'china_export_variant', 'domestic_chinese', 'other'];

export const BLANK_EVENT: EventDraft = {
  id: '',
  issuer: 'US',
  title: '',
  effect: 'licence_required',
  effectiveDate: '',
  endDate: '',
  condition: '',
  chips: '',
  chipClasses: [],
  destinations: '',
  companyHq: '',
  companies: '',
  stateFunded: 'any',
  entityListed: 'any',
  deployment: 'any',
  confidence: 'reported',
  regime: 'us-destination',
  links: [],
  sourceTitle: 'What-if memo',
  sourceUrl: 'https://example.org/what-if',
  note: '',
};

const NVIDIA_CHIPS = [
  'nvidia-a100',
  'nvidia-a800',
  'nvidia-h100',
  'nvidia-h800',
  'nvidia-h20',
  'nvidia-h200',
  'nvidia-b200',
  'nvidia-b30a',
  'nvidia-rtx-pro-6000d',
];

/** One-click starting points: the two questions planners ask most. */
export const TEMPLATES: { label: string; draft: EventDraft }[] = [
  {
    label: 'US adds a licence requirement for Malaysia',
    draft: {
      ...BLANK_EVENT,
      id: 'us-my-licence',
      issuer: 'US',
      title: 'US adds a licence requirement for Malaysia',
      effect: 'licence_required',
      effectiveDate: '2025-05-20',
      chipClasses: ['frontier_controlled'],
      destinations: 'MY',
    },
  },
  {
    label: 'China extends the Nvidia ban to all private companies',
    draft: {
      ...BLANK_EVENT,
      id: 'cn-nvidia-ban-all',
      issuer: 'CN',
      title: 'China extends the Nvidia ban to all private companies',
      regime: 'cn-procurement',
      effect: 'prohibited',
      effectiveDate: '2026-01-01',
      chips: NVIDIA_CHIPS.join(', '),
      destinations: 'CN',
      stateFunded: 'no',
    },
  },
];

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
const flag = (t: Tristate): boolean | null => (t === 'any' ? null : t === 'yes');

/** A slug for a new event's id, from its title. */
export function eventIdFrom(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? 'what-if-event' : slug;
}

/** The record scenarios.applyEvents takes (dates and lists as the policy model names them). */
export function eventValues(d: EventDraft): Record<string, unknown> {
  return {
    id: d.id.trim() || eventIdFrom(d.title),
    issuer: d.issuer.trim().toUpperCase(),
    title: d.title.trim(),
    effect: d.effect,
    effectiveDate: d.effectiveDate,
    endDate: d.endDate === '' ? null : d.endDate,
    condition: d.condition,
    scope: {
      chips: list(d.chips),
      chipClasses: d.chipClasses,
      destinations: list(d.destinations).map((c) => c.toUpperCase()),
      companyHq: list(d.companyHq).map((c) => c.toUpperCase()),
      stateFunded: flag(d.stateFunded),
      entityListed: flag(d.entityListed),
      companies: list(d.companies),
      deployment: d.deployment,
    },
    confidence: d.confidence,
    regime: d.regime,
    links: d.links,
    publishedDate: null,
    complianceDate: null,
    source: { title: d.sourceTitle, url: d.sourceUrl },
    note: d.note,
  };
}

const tri = (b: boolean | null): Tristate => (b === null ? 'any' : b ? 'yes' : 'no');

/** The form's fields for a stored event (to edit it). */
export function draftOf(e: HypotheticalEvent): EventDraft {
  return {
    id: e.id,
    issuer: e.issuer,
    title: e.title,
    effect: e.effect,
    effectiveDate: e.effectiveDate,
    endDate: e.endDate ?? '',
    condition: e.condition,
    chips: e.scope.chips.join(', '),
    chipClasses: e.scope.chipClasses,
    destinations: e.scope.destinations.join(', '),
    companyHq: e.scope.companyHq.join(', '),
    companies: e.scope.companies.join(', '),
    stateFunded: tri(e.scope.stateFunded),
    entityListed: tri(e.scope.entityListed),
    deployment: e.scope.deployment,
    confidence: e.confidence,
    regime: e.regime,
    links: e.links,
    sourceTitle: e.source.title,
    sourceUrl: e.source.url,
    note: e.note,
  };
}

/** Which form field an issue's field ("scope.destinations.0", "source.url") belongs to. */
export function draftFieldOf(field: string | null): keyof EventDraft | null {
  if (field === null) return null;
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  const head = parts[0] === 'scope' ? parts[1] : parts[0] === 'source' ? `source.${parts[1] ?? ''}` : parts[0];
  const map: Record<string, keyof EventDraft> = {
    'source.title': 'sourceTitle',
    'source.url': 'sourceUrl',
    source: 'sourceTitle',
  };
  if (head === undefined) return null;
  if (head in map) return map[head] ?? null;
  return head in BLANK_EVENT ? (head as keyof EventDraft) : null;
}
