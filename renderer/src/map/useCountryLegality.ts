// Country shading on the as-of date for the chosen profile: by the workload answer (the scenario's
// workload, legality mode and tiers counted; the store has it for every site from score.matrix), or
// by one chip (one legality.batch call for one site per market). A country whose markets answer differently
// takes the most restrictive of them, so a shade never promises more than its worst market.
import { useEffect, useMemo, useState } from 'react';
import { worseStatus } from '../../../shared/engine/legality';
import type { LegalityStatus } from '../../../shared/engine/types';
import type { Site } from '../../../shared/schemas';
import { useApp, useServices } from '../context';
import type { SiteLegalityAnswer } from '../store';

/** What the countries are shaded by: the profile's workload answer or one chip; null: not shaded. */
export type Shading = { kind: 'workload' } | { kind: 'chip'; chipId: string } | null;

/** One empty record, so "no shading" does not restyle every country on each render. */
const NO_SHADING: Record<string, LegalityStatus> = {};

/** Country → the most restrictive answer among its sites. */
export function countryStatuses(
  sites: readonly Pick<Site, 'id' | 'country'>[],
  answers: Readonly<Record<string, Pick<SiteLegalityAnswer, 'status'>>>,
): Record<string, LegalityStatus> {
  const out: Record<string, LegalityStatus> = {};
  for (const site of sites) {
    const status = answers[site.id]?.status;
    if (status === undefined) continue;
    const shown = out[site.country];
    out[site.country] = shown === undefined ? status : worseStatus(shown, status);
  }
  return out;
}

export function useCountryLegality(shading: Shading): Record<string, LegalityStatus> {
  const workload = useWorkloadShading(shading?.kind === 'workload');
  const chip = useChipShading(shading?.kind === 'chip' ? shading.chipId : null);
  if (shading === null) return NO_SHADING;
  return shading.kind === 'workload' ? workload : chip;
}

function useWorkloadShading(on: boolean): Record<string, LegalityStatus> {
  const sites = useApp((s) => s.sites);
  const legality = useApp((s) => s.legality);
  return useMemo(
    () => (on && legality !== null ? countryStatuses(sites, legality.sites) : NO_SHADING),
    [on, sites, legality],
  );
}

function useChipShading(chipId: string | null): Record<string, LegalityStatus> {
  const { client } = useServices();
  const sites = useApp((s) => s.sites);
  // A few fields, not the scenario: a weight drag must not re-render the map around this hook.
  const profileId = useApp((s) => s.scenario.profileId);
  const asOf = useApp((s) => s.scenario.asOf);
  const confidenceFloor = useApp((s) => s.scenario.confidenceFloor);
  const [statuses, setStatuses] = useState<Record<string, LegalityStatus>>({});
  useEffect(() => {
    if (!chipId || !profileId) return;
    let live = true;
    // One site per market: a market's jurisdiction can carry rules of its own. One call for all of them.
    const firstSite = new Map<string, Site>();
    for (const site of sites) if (!firstSite.has(site.marketId)) firstSite.set(site.marketId, site);
    const asked = [...firstSite.values()];
    client.call('legality.batch', { profileId, chipId, siteIds: asked.map((s) => s.id), asOf, confidenceFloor }).then(
      (batch) => {
        const verdicts = Object.fromEntries(batch.sites.flatMap((s) => (s.chip === null ? [] : [[s.siteId, s.chip]])));
        if (live) setStatuses(countryStatuses(asked, verdicts));
      },
      () => live && setStatuses({}),
    );
    return () => {
      live = false;
    };
  }, [client, sites, profileId, asOf, chipId, confidenceFloor]);
  return chipId && profileId ? statuses : NO_SHADING;
}
