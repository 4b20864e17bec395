// Derived chip legality: which status a chip has for a company at a place on a date, computed from
// the policy timeline and never typed in. Pure: the backend, the renderer and a worker call it alike.
//
// The rules, in the order they are applied:
// 1. Only events in force count: effectiveDate ≤ date < endDate (the end date is the first day off).
// 2. An event matches when its scope covers the chip (by id or class; both empty = every chip), the
//    place (a country covers its subdivisions), and the company (HQ, named company, state funding,
//    listing, owned vs rented hardware); an empty list or a null flag means "any".
// 3. Within one issuer, the most recent matching event decides that issuer's verdict: a later rule
//    relaxes or tightens an earlier one (US 2025-08 licences relax the April H20 requirement).
//    Entity-List events form their own track, because a listing is a separate legal regime that a
//    later general chip rule does not lift.
// 4. Across issuers (and tracks) the most restrictive verdict wins: a US export rule and a Chinese
//    domestic rule both bind.
// 5. Informational events never change the status; those about chips or parties join the chain as
//    context.
import type { Chip } from '../model/chips';
import type { PolicyEffect, PolicyEvent } from '../model/policy';
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
>;
export type LegalityChip = Pick<Chip, 'id' | 'vendor' | 'name' | 'chipClass'>;

/**
 * Why an event is in the chain: it decides the status; it sets a less restrictive verdict of another
 * issuer; a later event of its issuer superseded it; or it is context (informational, or a rule on
 * owned hardware that a renting company escapes).
 */
export type ChainRole = 'decides' | 'applies' | 'superseded' | 'context';

export interface ChainEvent {
  event: PolicyEvent;
  role: ChainRole;
}

export interface ChipLegality extends SiteLegality {
  chipId: string;
  /** Every event that bears on the answer, oldest first. */
  chain: ChainEvent[];
}

export interface SiteLegalityResult extends SiteLegality {
  /** The chip that set the combined status (the first of the worst, in the profile's order). */
  worstChipId: string;
  chips: ChipLegality[];
}

/** What each policy effect means for a chip; informational events have no status. */
const STATUS_OF: Record<Exclude<PolicyEffect, 'informational'>, LegalityStatus> = {
  prohibited: 'prohibited',
  licence_presumption_denial: 'licence_required',
  licence_required: 'licence_required',
  allowed_with_conditions: 'conditional',
  allowed: 'allowed',
};

/**
 * Legality as a 0..1 score for the decision matrix. Conditional costs a quarter (a fee or permit
 * is a cost, not a bar); licence_required keeps a quarter because licences are granted at times;
 * prohibited is worthless.
 */
const SCORE_OF: Record<LegalityStatus, number> = {
  allowed: 1,
  conditional: 0.75,
  licence_required: 0.25,
  prohibited: 0,
};

export function legalityScore(status: LegalityStatus): number {
  return SCORE_OF[status];
}

export function statusOfEffect(effect: PolicyEffect): LegalityStatus | null {
  return effect === 'informational' ? null : STATUS_OF[effect];
}

const rank = (status: LegalityStatus): number => LEGALITY_ORDER.indexOf(status);

/** The more restrictive of two statuses. */
export function worseStatus(a: LegalityStatus, b: LegalityStatus): LegalityStatus {
  return rank(b) > rank(a) ? b : a;
}

export function inForce(event: PolicyEvent, date: string): boolean {
  return event.effectiveDate <= date && (event.endDate === null || date < event.endDate);
}

export function chipInScope(event: PolicyEvent, chip: LegalityChip): boolean {
  const { chips, chipClasses } = event.scope;
  if (chips.length === 0 && chipClasses.length === 0) return true;
  return chips.includes(chip.id) || chipClasses.includes(chip.chipClass);
}

export function placeInScope(event: PolicyEvent, place: LegalityPlace): boolean {
  const { destinations } = event.scope;
  if (destinations.length === 0) return true;
  // A country listed covers its subdivisions; a subdivision listed covers only itself.
  return destinations.some((d) => d === place.country || d === place.jurisdictionCode);
}

/** The company filters, deployment aside (so a renting company's escape can be seen). */
function partyInScope(event: PolicyEvent, profile: LegalityProfile): boolean {
  const s = event.scope;
  if (s.companyHq.length > 0 && !s.companyHq.includes(profile.hqCountry)) return false;
  if (s.stateFunded !== null && s.stateFunded !== profile.stateFunded) return false;
  if (s.entityListed !== null && s.entityListed !== profile.entityListed) return false;
  if (s.companies.length > 0) {
    const named = profile.namedCompany?.toLowerCase();
    if (named === undefined || !s.companies.some((c) => c.toLowerCase() === named)) return false;
  }
  return true;
}

const deploymentInScope = (event: PolicyEvent, profile: LegalityProfile): boolean =>
  event.scope.deployment === 'any' || event.scope.deployment === profile.deployment;

export function eventMatches(
  event: PolicyEvent,
  profile: LegalityProfile,
  chip: LegalityChip,
  place: LegalityPlace,
): boolean {
  return (
    chipInScope(event, chip) &&
    placeInScope(event, place) &&
    partyInScope(event, profile) &&
    deploymentInScope(event, profile)
  );
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

const trackOf = (event: PolicyEvent): string => `${event.issuer}${event.scope.entityListed === true ? ' listing' : ''}`;
const byDateThenId = (a: PolicyEvent, b: PolicyEvent): number =>
  a.effectiveDate === b.effectiveDate ? a.id.localeCompare(b.id) : a.effectiveDate < b.effectiveDate ? -1 : 1;

const STATUS_LABEL: Record<LegalityStatus, string> = {
  allowed: 'allowed',
  conditional: 'allowed with conditions',
  licence_required: 'licence required',
  prohibited: 'prohibited',
};

/** One event as a reason fragment, with the flags a planner must not miss. */
function describe(event: PolicyEvent): string {
  const what = event.condition === '' ? event.title : event.condition;
  const denial = event.effect === 'licence_presumption_denial' ? ' (presumption of denial)' : '';
  const reported = event.confidence === 'reported' ? ' (reported in the press, not an official text)' : '';
  return `${event.issuer} ${event.id}: ${what}${denial}${reported}`;
}

const chipLabel = (chip: LegalityChip): string => `${chip.vendor} ${chip.name}`;
const placeLabel = (place: LegalityPlace): string => `${place.name} (${place.jurisdictionCode ?? place.country})`;

/** The status of one chip for one company at one place on one date, with the events behind it. */
export function chipLegality(
  profile: LegalityProfile,
  chip: LegalityChip,
  place: LegalityPlace,
  events: readonly PolicyEvent[],
  date: string,
): ChipLegality {
  const live = events.filter((e) => inForce(e, date) && chipInScope(e, chip) && placeInScope(e, place));
  const matching = live.filter((e) => partyInScope(e, profile) && deploymentInScope(e, profile));
  // Rules on owned hardware that would reach this company if it owned rather than rented.
  const escapedByRenting =
    profile.deployment === 'rented'
      ? live.filter((e) => e.effect !== 'informational' && e.scope.deployment === 'owned' && partyInScope(e, profile))
      : [];

  const tracks = new Map<string, PolicyEvent[]>();
  for (const e of matching) {
    if (e.effect === 'informational') continue;
    const list = tracks.get(trackOf(e)) ?? [];
    list.push(e);
    tracks.set(trackOf(e), list);
  }

  const roles = new Map<PolicyEvent, ChainRole>();
  const verdicts: { status: LegalityStatus; deciders: PolicyEvent[] }[] = [];
  for (const list of tracks.values()) {
    const latest = list.reduce((d, e) => (e.effectiveDate > d ? e.effectiveDate : d), '');
    const newest = list.filter((e) => e.effectiveDate === latest);
    // Two events of one issuer on the same day both bind: the stricter decides.
    const status = newest.map((e) => statusOf(e)).reduce(worseStatus);
    const deciders = newest.filter((e) => statusOf(e) === status);
    for (const e of list) roles.set(e, 'superseded');
    verdicts.push({ status, deciders });
  }
  const status = verdicts.map((v) => v.status).reduce(worseStatus, 'allowed');
  const deciders: PolicyEvent[] = [];
  for (const v of verdicts) {
    for (const e of v.deciders) {
      roles.set(e, v.status === status ? 'decides' : 'applies');
      if (v.status === status) deciders.push(e);
    }
  }
  for (const e of matching) if (e.effect === 'informational' && isChipContext(e)) roles.set(e, 'context');
  for (const e of escapedByRenting) roles.set(e, 'context');

  const chain = [...roles.keys()].sort(byDateThenId).map((event) => ({ event, role: roles.get(event) ?? 'context' }));
  const head =
    deciders.length === 0
      ? `no rule in force restricts ${chipLabel(chip)} in ${placeLabel(place)} for this company on ${date}`
      : `${STATUS_LABEL[status]} for ${chipLabel(chip)} in ${placeLabel(place)} on ${date}: ${deciders
          .sort(byDateThenId)
          .map(describe)
          .join('; ')}`;
  const renting =
    escapedByRenting.length === 0
      ? ''
      : `; renting from ${profile.hqCountry === 'CN' ? 'a non-Chinese operator' : `an operator not headquartered in ${profile.hqCountry}`} is reported legal (${escapedByRenting
          .map((e) => e.id)
          .join(', ')} reaches only hardware the company owns)`;
  return { chipId: chip.id, status, reason: `${head}${renting}`, chain };
}

function statusOf(event: PolicyEvent): LegalityStatus {
  return statusOfEffect(event.effect) ?? 'allowed';
}

/**
 * The combined legality of every chip a profile needs at one place: the worst chip wins, and the
 * reason names it. Throws if a needed chip is not in `chips` (the caller checks ids first).
 */
export function siteLegality(
  profile: LegalityProfile & Pick<CompanyProfile, 'neededChips'>,
  chips: readonly LegalityChip[],
  site: LegalityPlace,
  events: readonly PolicyEvent[],
  date: string,
): SiteLegalityResult {
  const results = profile.neededChips.map((id) => {
    const chip = chips.find((c) => c.id === id);
    if (chip === undefined) throw new Error(`chip "${id}" needed by the profile is not in the catalogue`);
    return chipLegality(profile, chip, site, events, date);
  });
  const first = results[0];
  if (first === undefined) throw new Error('the profile needs no chips');
  const worst = results.reduce((w, r) => (rank(r.status) > rank(w.status) ? r : w), first);
  const name = chips.find((c) => c.id === worst.chipId);
  const label = name === undefined ? worst.chipId : chipLabel(name);
  const reason =
    results.length === 1
      ? worst.reason
      : `${label} is the most restricted of the ${results.length} chips this profile needs: ${worst.reason}`;
  return { status: worst.status, reason, worstChipId: worst.chipId, chips: results };
}
