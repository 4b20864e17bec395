// Chip legality calls: read the profile, chip, site (with its market's jurisdiction) and the policy
// timeline through the repositories, then hand them to the pure engine in shared/engine/legality.ts.
import { listChips } from '../../db/chips-repo';
import { listMarkets } from '../../db/markets-repo';
import { listProfiles } from '../../db/profiles-repo';
import { listSites } from '../../db/sites-repo';
import type { ChipLegalityResult, LegalityChainEvent, legalityCalls } from '../../shared/calls/legality-calls';
import type { Chip } from '../../shared/model/chips';
import type { CompanyProfile } from '../../shared/model/profiles';
import {
  chipLegality,
  legalityScore,
  siteLegality,
  type ChainEvent,
  type ChipLegality,
  type LegalityPlace,
} from '../../shared/engine/legality';
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

/** The site with the jurisdiction its market lies in (a subdivision where the market has one). */
function placeById(db: Db, id: string): LegalityPlace {
  const site = listSites(db).find((s) => s.id === id);
  if (site === undefined) throw new ServiceError('not_found', `no site "${id}" (sites.list shows them)`);
  const market = listMarkets(db, { country: site.country }).find((m) => m.id === site.marketId);
  return { name: site.name, country: site.country, jurisdictionCode: market?.jurisdictionCode ?? null };
}

const wireChain = (chain: readonly ChainEvent[], hypothetical: ReadonlySet<string>): LegalityChainEvent[] =>
  chain.map(({ event: e, role }) => ({
    id: e.id,
    title: e.title,
    issuer: e.issuer,
    effectiveDate: e.effectiveDate,
    endDate: e.endDate,
    effect: e.effect,
    condition: e.condition,
    confidence: e.confidence,
    source: e.source,
    role,
    ...(hypothetical.has(e.id) ? { hypothetical: true } : {}),
  }));

const wireChip = (r: ChipLegality, hypothetical: ReadonlySet<string> = new Set()): ChipLegalityResult => ({
  chipId: r.chipId,
  status: r.status,
  reason: r.reason,
  score: legalityScore(r.status),
  events: wireChain(r.chain, hypothetical),
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
      const result = chipLegality(profile, chip, place, timeline.events, asOf);
      return { ...wireChip(result, timeline.hypothetical), asOf, profileId: profile.id, siteId: input.siteId };
    },
    'legality.site': (input) => {
      const asOf = input.asOf ?? today();
      const profile = profileById(ctx.db, input.profileId);
      const chips = listChips(ctx.db);
      for (const id of profile.neededChips) chipById(chips, id, `profile "${profile.id}" needs the unknown chip`);
      const place = placeById(ctx.db, input.siteId);
      const timeline = policyTimeline(ctx.db, input.scenarioId);
      const result = siteLegality(profile, chips, place, timeline.events, asOf);
      return {
        status: result.status,
        reason: result.reason,
        score: legalityScore(result.status),
        worstChipId: result.worstChipId,
        chips: result.chips.map((c) => wireChip(c, timeline.hypothetical)),
        asOf,
        profileId: profile.id,
        siteId: input.siteId,
      };
    },
  };
}
