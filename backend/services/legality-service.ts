// Chip legality calls: read the profile, chip, site (with its market's jurisdiction) and the policy
// timeline through the repositories, then hand them to the pure engine in shared/engine/legality.ts.
import { listChips } from '../../db/chips-repo';
import { listMarkets } from '../../db/markets-repo';
import { listProfiles } from '../../db/profiles-repo';
import { listSites } from '../../db/sites-repo';
import type {
  ChipLegalityResult,
  LegalityChainEvent,
  SiteLegalityResult as WireSiteLegality,
  legalityCalls,
} from '../../shared/calls/legality-calls';
import type { Chip } from '../../shared/model/chips';
import { legalitySettings } from '../../shared/model/legality-settings';
import { REGIMES } from '../../shared/model/policy';
import { profileChips, type CompanyProfile } from '../../shared/model/profiles';
import {
  chipLegality,
  legalityScore,
  type ChainEvent,
  type ChipLegality,
  type LegalityPlace,
} from '../../shared/engine/legality';
import { siteLegality, type SiteLegalityResult } from '../../shared/engine/site-legality';
import { ServiceError } from '../../shared/errors';
import type { Db } from '../../db/open';
import type { DomainHandlers, ServiceContext } from './context';
import { policyTimeline } from './scenario-timeline';

/** Today in UTC, the default `asOf`: a planner's "now", the same on every transport. */
const today = (): string => new Date().toISOString().slice(0, 10);

function profileById(db: Db, id: string): CompanyProfile {
  const profile = listProfiles(db).find((p) => p.id === id);
  if (profile === undefined)
    throw new ServiceError('not_found', `no company profile "${id}" (profiles.list shows them)`);
  return profile;
}

function chipById(chips: readonly Chip[], id: string, what = 'no chip'): Chip {
  const chip = chips.find((c) => c.id === id);
  if (chip === undefined) throw new ServiceError('not_found', `${what} "${id}" (chips.list shows the catalogue)`);
  return chip;
}

/** Every chip the profile names must be in the catalogue, or the answer would silently skip it. */
export function checkProfileChips(profile: CompanyProfile, chips: readonly Chip[]): void {
  for (const id of profileChips(profile)) chipById(chips, id, `profile "${profile.id}" names the unknown chip`);
}

/** The site with the jurisdiction its market lies in (a subdivision where the market has one). */
function placeById(db: Db, id: string): LegalityPlace {
  const site = listSites(db).find((s) => s.id === id);
  if (site === undefined) throw new ServiceError('not_found', `no site "${id}" (sites.list shows them)`);
  const market = listMarkets(db, { country: site.country }).find((m) => m.id === site.marketId);
  return { name: site.name, country: site.country, jurisdictionCode: market?.jurisdictionCode ?? null };
}

const wireChain = (chain: readonly ChainEvent[], hypothetical: ReadonlySet<string>): LegalityChainEvent[] =>
  chain.map(({ event: e, role, why }) => ({
    id: e.id,
    title: e.title,
    issuer: e.issuer,
    regime: e.regime,
    publishedDate: e.publishedDate,
    effectiveDate: e.effectiveDate,
    complianceDate: e.complianceDate,
    endDate: e.endDate,
    effect: e.effect,
    condition: e.condition,
    confidence: e.confidence,
    links: e.links,
    source: e.source,
    role,
    why,
    ...(hypothetical.has(e.id) ? { hypothetical: true } : {}),
  }));

export const wireChip = (r: ChipLegality, hypothetical: ReadonlySet<string> = new Set()): ChipLegalityResult => ({
  chipId: r.chipId,
  status: r.status,
  reason: r.reason,
  score: legalityScore(r.status),
  confidence: r.confidence,
  regimes: r.regimes.map((v) => ({ ...v, name: REGIMES[v.regime].name })),
  events: wireChain(r.chain, hypothetical),
});

export const wireSite = (r: SiteLegalityResult, hypothetical: ReadonlySet<string> = new Set()): WireSiteLegality => ({
  status: r.status,
  reason: r.reason,
  score: legalityScore(r.status),
  confidence: r.confidence,
  workload: r.workload,
  mode: r.mode,
  chipId: r.chipId,
  strongestChipId: r.strongestChipId,
  lawfulTpp: r.lawfulTpp,
  lawfulChipId: r.lawfulChipId,
  chips: r.chips.map((c) => wireChip(c, hypothetical)),
});

export function legalityHandlers(ctx: ServiceContext): DomainHandlers<keyof typeof legalityCalls> {
  // ctx.db is read on every call: restoring a backup swaps the connection.
  return {
    'legality.check': (input) => {
      const asOf = input.asOf ?? today();
      const profile = profileById(ctx.db, input.profileId);
      const chip = chipById(listChips(ctx.db), input.chipId);
      const place = placeById(ctx.db, input.siteId);
      const timeline = policyTimeline(ctx.db, input.scenarioId);
      const result = chipLegality(profile, chip, place, timeline.events, asOf, legalitySettings(input));
      return { ...wireChip(result, timeline.hypothetical), asOf, profileId: profile.id, siteId: input.siteId };
    },
    'legality.site': (input) => {
      const asOf = input.asOf ?? today();
      const profile = profileById(ctx.db, input.profileId);
      const chips = listChips(ctx.db);
      checkProfileChips(profile, chips);
      const place = placeById(ctx.db, input.siteId);
      const timeline = policyTimeline(ctx.db, input.scenarioId);
      const result = siteLegality(profile, chips, place, timeline.events, asOf, legalitySettings(input));
      return { ...wireSite(result, timeline.hypothetical), asOf, profileId: profile.id, siteId: input.siteId };
    },
  };
}
