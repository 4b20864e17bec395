// Derived chip legality: which status a chip has for a company at a place on a date, computed from
// the policy timeline and never typed in. Pure: the backend, the renderer and a worker call it alike.
//
// The rules, in the order they are applied (docs/legality.md explains them for a compliance officer):
// 1. Only events in force count: effectiveDate ≤ date < endDate (the end date is the first day off),
//    and only events of a confidence tier the scenario counts (rule, announced, reported).
// 2. An event matches when its scope covers the chip (by id or class; both empty = every chip), the
//    place (a country covers its subdivisions), and the company (HQ or ultimate parent, named
//    company, state funding, listing, owned vs rented hardware); an empty list or a null flag = "any".
// 3. Within a regime an event stops applying only through an explicit link on a newer event that
//    counts: `supersedes` (gone for everyone), `suspends` (gone while the suspension is in force),
//    `amends` (replaced wherever the amending event's own scope reaches). Date order alone never
//    replaces anything.
// 4. Regimes are cumulative: each regime's verdict is its most restrictive matching event, and the
//    most restrictive regime decides. Renting capacity therefore never dissolves a destination control.
// 5. Informational events never change a status; those about the chip or the party join the chain as
//    context. Every in-force event about the chip that does not bind says why (out of scope, displaced,
//    or of a tier the scenario does not count).
import type { Chip } from '../model/chips';
import type { LegalitySettings } from '../model/legality-settings';
import { DEFAULT_LEGALITY_SETTINGS } from '../model/legality-settings';
import {
  REGIMES,
  type PolicyConfidence,
  type PolicyEffect,
  type PolicyEvent,
  type PolicyRegime,
} from '../model/policy';
import type { CompanyProfile } from '../model/profiles';
import { LEGALITY_ORDER, type LegalityStatus, type SiteLegality } from './types';

/** The place a site stands: its country and, where known, its ISO 3166-2 subdivision. */
export interface LegalityPlace {
  /** Shown in reasons, e.g. "Tuas". */
  name: string;
  country: string;
  jurisdictionCode: string | null;
}

export type LegalityProfile = Pick<
  CompanyProfile,
  'hqCountry' | 'stateFunded' | 'entityListed' | 'deployment' | 'namedCompany'
> &
  Partial<Pick<CompanyProfile, 'ultimateParentCountry'>>;
export type LegalityChip = Pick<Chip, 'id' | 'vendor' | 'name' | 'chipClass'> & Partial<Pick<Chip, 'tpp'>>;

/**
 * Why an event is in the chain: it decides the status; it binds, less restrictively than the
 * deciding regime; a link displaced it; its tier is not counted; it is in force for the chip but
 * does not reach this place or company; or it is context (informational).
 */
export type ChainRole = 'decides' | 'applies' | 'superseded' | 'not-counted' | 'out-of-scope' | 'context';

export interface ChainEvent {
  event: PolicyEvent;
  role: ChainRole;
  /** One line: why the event has this role. */
  why: string;
}

/** One regime's verdict: its most restrictive binding event(s), or null when none binds. */
export interface RegimeVerdict {
  regime: PolicyRegime;
  status: LegalityStatus | null;
  /** Ids of the events that set the regime's status. */
  deciders: string[];
}

export interface ChipLegality extends SiteLegality {
  chipId: string;
  /** The least firm tier among the deciding events; null when nothing restricts the chip. */
  confidence: PolicyConfidence | null;
  /** Every regime with an event in the chain, in REGIMES order. */
  regimes: RegimeVerdict[];
  /** Every event that bears on the answer, oldest first. */
  chain: ChainEvent[];
}

/** What each policy effect means for a chip; informational events have no status. */
const STATUS_OF: Record<Exclude<PolicyEffect, 'informational'>, LegalityStatus> = {
  prohibited: 'prohibited',
  licence_presumption_denial: 'licence_denial',
  licence_required: 'licence_required',
  allowed_with_conditions: 'conditional',
  allowed: 'allowed',
};

/**
 * Legality as an absolute 0..1 score for the decision matrix (never rescaled per column).
 * Conditional costs a quarter (a fee, permit or vetting duty is a cost, not a bar); an ordinary
 * licence requirement keeps 0.4 because such licences are routinely granted, with delay and risk; a
 * licence under a presumption of denial keeps 0.1 because it is seldom granted; prohibited is 0.
 */
const SCORE_OF: Record<LegalityStatus, number> = {
  allowed: 1,
  conditional: 0.75,
  licence_required: 0.4,
  licence_denial: 0.1,
  prohibited: 0,
};

export function legalityScore(status: LegalityStatus): number {
  return SCORE_OF[status];
}

export function statusOfEffect(effect: PolicyEffect): LegalityStatus | null {
  return effect === 'informational' ? null : STATUS_OF[effect];
}

export const STATUS_LABEL: Readonly<Record<LegalityStatus, string>> = {
  allowed: 'allowed',
  conditional: 'allowed with conditions',
  licence_required: 'licence required',
  licence_denial: 'licence required, presumption of denial',
  prohibited: 'prohibited',
};

/** A status as a heading or badge shows it. */
export const STATUS_TITLE: Readonly<Record<LegalityStatus, string>> = {
  allowed: 'Allowed',
  conditional: 'Conditional',
  licence_required: 'Licence required',
  licence_denial: 'Licence, presumption of denial',
  prohibited: 'Prohibited',
};

const TIER_RANK: Record<PolicyConfidence, number> = { rule: 0, announced: 1, reported: 2 };
const TIER_LABEL: Record<PolicyConfidence, string> = {
  rule: 'official text',
  announced: 'announced, no rule text yet',
  reported: 'reported in the press, not an official text',
};

export const statusRank = (status: LegalityStatus): number => LEGALITY_ORDER.indexOf(status);
const rank = statusRank;

/** The more restrictive of two statuses. */
export function worseStatus(a: LegalityStatus, b: LegalityStatus): LegalityStatus {
  return rank(b) > rank(a) ? b : a;
}

/** The least firm of two tiers. */
const looserTier = (a: PolicyConfidence, b: PolicyConfidence): PolicyConfidence =>
  TIER_RANK[b] > TIER_RANK[a] ? b : a;

export function inForce(event: PolicyEvent, date: string): boolean {
  return event.effectiveDate <= date && (event.endDate === null || date < event.endDate);
}

export function counts(event: PolicyEvent, floor: PolicyConfidence): boolean {
  return TIER_RANK[event.confidence] <= TIER_RANK[floor];
}

export function chipInScope(event: PolicyEvent, chip: LegalityChip): boolean {
  const { chips, chipClasses } = event.scope;
  if (chips.length === 0 && chipClasses.length === 0) return true;
  return chips.includes(chip.id) || chipClasses.includes(chip.chipClass);
}

/** A listed code covers the place: a country covers its subdivisions; a subdivision only itself. */
const covers = (codes: readonly string[], place: LegalityPlace): boolean =>
  codes.some((d) => d === place.country || d === place.jurisdictionCode);

export function placeInScope(event: PolicyEvent, place: LegalityPlace): boolean {
  const { destinations, exceptDestinations = [] } = event.scope;
  if (covers(exceptDestinations, place)) return false;
  return destinations.length === 0 || covers(destinations, place);
}

const OWNED_ONLY = 'reaches hardware the company owns; this company rents capacity from another operator';

/** Why the company or the deployment falls outside an event's scope; null when it is inside. */
function partyMismatch(event: PolicyEvent, profile: LegalityProfile): string | null {
  const s = event.scope;
  const parent = profile.ultimateParentCountry ?? null;
  if (
    s.companyHq.length > 0 &&
    !s.companyHq.includes(profile.hqCountry) &&
    (parent === null || !s.companyHq.includes(parent))
  ) {
    const own = parent === null ? profile.hqCountry : `${profile.hqCountry}, ultimate parent in ${parent}`;
    return `reaches companies headquartered in ${s.companyHq.join('/')}; this one is in ${own}`;
  }
  if (s.stateFunded !== null && s.stateFunded !== profile.stateFunded)
    return s.stateFunded ? 'reaches state-funded projects only' : 'reaches projects that are not state-funded only';
  if (s.entityListed !== null && s.entityListed !== profile.entityListed)
    return s.entityListed
      ? 'reaches Entity-Listed parties (and affiliates) only'
      : 'reaches parties that are not listed only';
  if (s.companies.length > 0) {
    const named = profile.namedCompany?.toLowerCase();
    if (named === undefined || !s.companies.some((c) => c.toLowerCase() === named))
      return `names ${s.companies.join(', ')} only`;
  }
  if (s.deployment !== 'any' && s.deployment !== profile.deployment)
    return s.deployment === 'owned' ? OWNED_ONLY : 'reaches rented cloud capacity; this company owns its hardware';
  return null;
}

/** Why an event does not reach this case; null when it does. */
function mismatch(event: PolicyEvent, profile: LegalityProfile, place: LegalityPlace): string | null {
  const where = place.jurisdictionCode ?? place.country;
  if (covers(event.scope.exceptDestinations ?? [], place))
    return `does not reach hardware in ${(event.scope.exceptDestinations ?? []).join('/')}; ${place.name} is in ${where}`;
  if (!placeInScope(event, place))
    return `reaches hardware in ${event.scope.destinations.join('/')}; ${place.name} is in ${where}`;
  return partyMismatch(event, profile);
}

export function eventMatches(
  event: PolicyEvent,
  profile: LegalityProfile,
  chip: LegalityChip,
  place: LegalityPlace,
): boolean {
  return chipInScope(event, chip) && mismatch(event, profile, place) === null;
}

/** Informational events join the chain only when they speak of chips or parties, not of buildings. */
function isChipContext(event: PolicyEvent): boolean {
  const s = event.scope;
  return (
    s.chips.length > 0 ||
    s.chipClasses.length > 0 ||
    s.companyHq.length > 0 ||
    s.companies.length > 0 ||
    s.deployment !== 'any' ||
    s.stateFunded !== null ||
    s.entityListed !== null
  );
}

const byDateThenId = (a: PolicyEvent, b: PolicyEvent): number =>
  a.effectiveDate === b.effectiveDate ? a.id.localeCompare(b.id) : a.effectiveDate < b.effectiveDate ? -1 : 1;

/** One event as a reason fragment, with the flags a planner must not miss. */
function describe(event: PolicyEvent): string {
  const what = event.condition === '' ? event.title : event.condition;
  const tier = event.confidence === 'rule' ? '' : ` (${TIER_LABEL[event.confidence]})`;
  return `${REGIMES[event.regime].name}, ${event.id}: ${what}${tier}`;
}

export const chipLabel = (chip: LegalityChip): string => `${chip.vendor} ${chip.name}`;
const placeLabel = (place: LegalityPlace): string => `${place.name} (${place.jurisdictionCode ?? place.country})`;

/**
 * For each event displaced on this date for this case, the link that displaced it. A link counts
 * only from an event that is in force and counted, and only within one regime.
 */
function displacements(
  live: readonly PolicyEvent[],
  all: readonly PolicyEvent[],
  profile: LegalityProfile,
  place: LegalityPlace,
  chip: LegalityChip,
  floor: PolicyConfidence,
): Map<string, string> {
  const regimeOf = new Map(all.map((e) => [e.id, e.regime]));
  const out = new Map<string, string>();
  // A displaced event's own links still hold: an amended rule still stands, and repealing a
  // repealer does not revive what it replaced.
  for (const a of live) {
    if (!counts(a, floor)) continue;
    for (const link of a.links) {
      if (regimeOf.get(link.eventId) !== a.regime) continue;
      if (link.kind === 'amends' && !(chipInScope(a, chip) && mismatch(a, profile, place) === null)) continue;
      const verb = { supersedes: 'superseded', amends: 'amended', suspends: 'suspended' }[link.kind];
      out.set(link.eventId, `${verb} by ${a.id} from ${a.effectiveDate}: ${link.reason}`);
    }
  }
  return out;
}

const REGIME_ORDER = Object.keys(REGIMES) as PolicyRegime[];

/** The status of one chip for one company at one place on one date, with the events behind it. */
export function chipLegality(
  profile: LegalityProfile,
  chip: LegalityChip,
  place: LegalityPlace,
  events: readonly PolicyEvent[],
  date: string,
  settings: Pick<LegalitySettings, 'confidenceFloor'> = DEFAULT_LEGALITY_SETTINGS,
): ChipLegality {
  const floor = settings.confidenceFloor;
  const live = events.filter((e) => inForce(e, date) && chipInScope(e, chip));
  const displaced = displacements(live, events, profile, place, chip, floor);

  const chain: ChainEvent[] = [];
  const binding = new Map<PolicyRegime, PolicyEvent[]>();
  const seen = new Set<PolicyRegime>();
  for (const e of live) {
    const off = mismatch(e, profile, place);
    if (e.effect === 'informational') {
      if (off === null && isChipContext(e)) {
        const gone = displaced.get(e.id);
        chain.push(
          gone === undefined
            ? { event: e, role: 'context', why: `${TIER_LABEL[e.confidence]}; informational, sets no status` }
            : { event: e, role: 'superseded', why: gone },
        );
        seen.add(e.regime);
      }
      continue;
    }
    seen.add(e.regime);
    if (!counts(e, floor)) {
      chain.push({
        event: e,
        role: 'not-counted',
        why: `${TIER_LABEL[e.confidence]}: this scenario counts ${floor === 'rule' ? 'rule text only' : 'rules and announcements only'}`,
      });
    } else if (displaced.has(e.id)) {
      chain.push({ event: e, role: 'superseded', why: displaced.get(e.id) as string });
    } else if (off !== null) {
      chain.push({ event: e, role: 'out-of-scope', why: off });
    } else {
      binding.set(e.regime, [...(binding.get(e.regime) ?? []), e]);
    }
  }

  const regimes: RegimeVerdict[] = [];
  let status: LegalityStatus = 'allowed';
  for (const regime of REGIME_ORDER) {
    const list = binding.get(regime) ?? [];
    if (list.length === 0) {
      if (seen.has(regime)) regimes.push({ regime, status: null, deciders: [] });
      continue;
    }
    const worst = list.map(statusOf).reduce(worseStatus);
    regimes.push({ regime, status: worst, deciders: list.filter((e) => statusOf(e) === worst).map((e) => e.id) });
    status = worseStatus(status, worst);
  }
  const deciders: PolicyEvent[] = [];
  for (const v of regimes) {
    for (const e of binding.get(v.regime) ?? []) {
      const decides = v.status === status && statusOf(e) === status && status !== 'allowed';
      if (decides) deciders.push(e);
      chain.push({
        event: e,
        role: decides ? 'decides' : 'applies',
        why: decides
          ? `the most restrictive binding event: ${STATUS_LABEL[status]}`
          : `binds too (${STATUS_LABEL[statusOf(e)]}), less restrictive than the deciding regime`,
      });
    }
  }
  chain.sort((a, b) => byDateThenId(a.event, b.event));
  deciders.sort(byDateThenId);
  const confidence = deciders.length === 0 ? null : deciders.map((e) => e.confidence).reduce(looserTier);

  const head =
    deciders.length === 0
      ? `no rule in force restricts ${chipLabel(chip)} in ${placeLabel(place)} for this company on ${date}`
      : `${STATUS_LABEL[status]} for ${chipLabel(chip)} in ${placeLabel(place)} on ${date}: ${deciders.map(describe).join('; ')}`;
  // Rules that would reach this company if it owned rather than rented the hardware.
  const escaped = chain.filter((c) => c.role === 'out-of-scope' && c.why === OWNED_ONLY);
  const renting =
    escaped.length === 0
      ? ''
      : `; renting from an operator that owns the hardware escapes ${escaped.map((c) => c.event.id).join(', ')} (it reaches only hardware the company owns)`;
  return { chipId: chip.id, status, reason: `${head}${renting}`, confidence, regimes, chain };
}

function statusOf(event: PolicyEvent): LegalityStatus {
  return statusOfEffect(event.effect) ?? 'allowed';
}
