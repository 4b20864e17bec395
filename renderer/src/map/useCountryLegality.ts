// The legality of one chip for the chosen profile in each country that has sites, on the as-of date:
// asked of the backend for one site per country (its country-level rules are what shade the map).
import { useEffect, useState } from 'react';
import type { LegalityStatus } from '../../../shared/engine/types';
import { useApp, useServices } from '../context';

export function useCountryLegality(chipId: string | null): Record<string, LegalityStatus> {
  const { client } = useServices();
  const sites = useApp((s) => s.sites);
  const { profileId, asOf } = useApp((s) => s.scenario);
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
  return chipId && profileId ? statuses : {};
}
