// The legality of one chip for the chosen profile in each country that has sites, on the as-of date:
// asked of the backend for one site per country (its country-level rules are what shade the map).
import { useEffect, useState } from 'react';
import type { LegalityStatus } from '../../../shared/engine/types';
import { useApp, useServices } from '../context';

/** One empty record, so "no shading" does not restyle every country on each render. */
const NO_SHADING: Record<string, LegalityStatus> = {};

export function useCountryLegality(chipId: string | null): Record<string, LegalityStatus> {
  const { client } = useServices();
  const sites = useApp((s) => s.sites);
  // Two fields, not the scenario: a weight drag must not re-render the map around this hook.
  const profileId = useApp((s) => s.scenario.profileId);
  const asOf = useApp((s) => s.scenario.asOf);
  const [statuses, setStatuses] = useState<Record<string, LegalityStatus>>({});
  useEffect(() => {
    if (!chipId || !profileId) return;
    let live = true;
    const firstSite = new Map<string, string>();
    for (const site of sites) if (!firstSite.has(site.country)) firstSite.set(site.country, site.id);
    void Promise.all(
      [...firstSite].map(async ([country, siteId]) => {
        const verdict = await client.call('legality.check', { profileId, chipId, siteId, asOf });
        return [country, verdict.status] as const;
      }),
    ).then(
      (entries) => live && setStatuses(Object.fromEntries(entries)),
      () => live && setStatuses({}),
    );
    return () => {
      live = false;
    };
  }, [client, sites, profileId, asOf, chipId]);
  return chipId && profileId ? statuses : NO_SHADING;
}
