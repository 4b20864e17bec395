// Chip legality calls: read the profile, chip, site (with its market's jurisdiction) and the policy
// timeline through the repositories, then hand them to the pure engine in shared/engine/legality.ts.
// legality.batch answers many sites from one read (scenario-snapshot.ts, legalityGround).
import { listChips } from '../../../db/chips-repo';
import { listMarkets } from '../../../db/markets-repo';
import { listProfiles } from '../../../db/profiles-repo';
import { listSites } from '../../../db/sites-repo';
import type { BatchSiteLegality, legalityCalls } from '../../../shared/calls/legality-calls';
import type { CallOutput, ParsedInput } from '../../../shared/contract';
import { chipLegality, type LegalityPlace } from '../../../shared/engine/legality';
import { siteLegality } from '../../../shared/engine/site-legality';
import { ServiceError } from '../../../shared/errors';
import { legalitySettings } from '../../../shared/model/legality-settings';
import type { CompanyProfile } from '../../../shared/model/profiles';
import { todayIso } from '../../../shared/schemas';
import type { Db } from '../../../db/open';
import type { DomainHandlers, ServiceContext } from '../context';
import { checkProfileChips, chipById, wireChip, wireSite } from './legality-wire';
import {
  judgeSites,
  legalityGround,
  readLegalityData,
  type LegalityData,
  type LegalityGround,
} from '../scenario/scenario-snapshot';
import { policyTimeline } from '../scenario/scenario-timeline';

function profileById(db: Db, id: string): CompanyProfile {
  const profile = listProfiles(db).find((p) => p.id === id);
  if (profile === undefined)
    throw new ServiceError('not_found', `no company profile "${id}" (profiles.list shows them)`);
  return profile;
}

/** The site with the jurisdiction its market lies in (a subdivision where the market has one). */
function placeById(db: Db, id: string): LegalityPlace {
  const site = listSites(db).find((s) => s.id === id);
  if (site === undefined) throw new ServiceError('not_found', `no site "${id}" (sites.list shows them)`);
  const market = listMarkets(db, { country: site.country }).find((m) => m.id === site.marketId);
  return { name: site.name, country: site.country, jurisdictionCode: market?.jurisdictionCode ?? null };
}

type BatchInput = ParsedInput<'legality.batch'>;

/** The data cut down to the sites asked for (store order kept); an unknown site id is refused by name. */
export function batchSites(data: LegalityData, input: Pick<BatchInput, 'siteIds' | 'countries'>): LegalityData {
  const ids = input.siteIds === undefined ? null : new Set(input.siteIds);
  if (ids !== null) {
    const known = new Set(data.sites.map((s) => s.id));
    const unknown = [...ids].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new ServiceError(
        'not_found',
        `no site ${unknown.map((id) => `"${id}"`).join(', ')} (sites.list shows them)`,
        [{ path: 'siteIds', message: `unknown site${unknown.length === 1 ? '' : 's'}: ${unknown.join(', ')}` }],
      );
    }
  }
  const countries = input.countries === undefined ? null : new Set(input.countries);
  const sites = data.sites.filter(
    (s) => (ids === null || ids.has(s.id)) && (countries === null || countries.has(s.country)),
  );
  return { ...data, sites };
}

/**
 * Pure: every site's answer on the ground: the workload answer (judgeSites, as scoring judges it), or,
 * given a chip, that chip's verdict alone.
 */
export function legalityBatchOf(ground: LegalityGround, chipId: string | undefined): CallOutput<'legality.batch'> {
  const { profile, timeline, asOf, settings } = ground;
  if (profile === null) throw new Error('legality.batch needs a question with a profile');
  const { hypothetical } = timeline;
  if (chipId !== undefined) {
    const chip = chipById(ground.chips, chipId);
    const sites = ground.sites.map((site, i): BatchSiteLegality => {
      const verdict = chipLegality(profile, chip, ground.places[i] as LegalityPlace, timeline.events, asOf, settings);
      return { siteId: site.id, country: site.country, workload: null, chip: wireChip(verdict, hypothetical) };
    });
    return { asOf, profileId: profile.id, chipId: chip.id, sites };
  }
  const { legality } = judgeSites(ground);
  const sites = ground.sites.map((site): BatchSiteLegality => {
    const answer = legality?.[site.id];
    if (answer === undefined) throw new Error(`no legality answer was judged for site ${site.id}`);
    return { siteId: site.id, country: site.country, workload: wireSite(answer, hypothetical), chip: null };
  });
  return { asOf, profileId: profile.id, chipId: null, sites };
}

export function legalityHandlers(ctx: ServiceContext): DomainHandlers<keyof typeof legalityCalls> {
  // ctx.db is read on every call: restoring a backup swaps the connection.
  return {
    'legality.check': (input) => {
      const asOf = input.asOf ?? todayIso();
      const profile = profileById(ctx.db, input.profileId);
      const chip = chipById(listChips(ctx.db), input.chipId);
      const place = placeById(ctx.db, input.siteId);
      const timeline = policyTimeline(ctx.db, input.scenarioId);
      const result = chipLegality(profile, chip, place, timeline.events, asOf, legalitySettings(input));
      return { ...wireChip(result, timeline.hypothetical), asOf, profileId: profile.id, siteId: input.siteId };
    },
    'legality.site': (input) => {
      const asOf = input.asOf ?? todayIso();
      const profile = profileById(ctx.db, input.profileId);
      const chips = listChips(ctx.db);
      checkProfileChips(profile, chips);
      const place = placeById(ctx.db, input.siteId);
      const timeline = policyTimeline(ctx.db, input.scenarioId);
      const result = siteLegality(profile, chips, place, timeline.events, asOf, legalitySettings(input));
      return { ...wireSite(result, timeline.hypothetical), asOf, profileId: profile.id, siteId: input.siteId };
    },
    'legality.batch': (input) => {
      const data = batchSites(readLegalityData(ctx.db, input.scenarioId), input);
      return legalityBatchOf(legalityGround(data, input), input.chipId);
    },
  };
}
