// Each site's combined chip legality (the worst of the chips the profile needs) on the as-of date,
// for the ranking's status column and filter. Legality depends on the site's place only (its
// country and its market's jurisdiction), never on the site itself, so the backend is asked once
// per market (`legality.site` for one of its sites) rather than once per site: 16 calls, not 1 000.
import { useEffect, useMemo, useState } from 'react';
import type { LegalityStatus } from '../../../shared/engine/types';
import type { Site } from '../../../shared/schemas';
import { useServices } from '../context';

export interface SiteLegality {
  /** Site id → status; empty without a profile. */
  statuses: Readonly<Record<string, LegalityStatus>>;
  /** 'loading' while the answer for the current profile and date is on its way (the last one shows meanwhile). */
  state: 'none' | 'loading' | 'ready' | 'error';
  error: string | null;
}

/** Sites grouped by place: the first site of each group answers for all of them. */
export function groupByPlace(sites: readonly Site[]): string[][] {
  const groups = new Map<string, string[]>();
  for (const s of sites) {
    const key = `${s.country}|${s.marketId}`;
    const group = groups.get(key);
    if (group) group.push(s.id);
    else groups.set(key, [s.id]);
  }
  return [...groups.values()];
}

interface Settled {
  key: string;
  statuses: Record<string, LegalityStatus>;
  error: string | null;
}

const NONE: Readonly<Record<string, LegalityStatus>> = {};

export function useSiteLegality(sites: readonly Site[], profileId: string | null, asOf: string): SiteLegality {
  const { client } = useServices();
  const groups = useMemo(() => groupByPlace(sites), [sites]);
  const [settled, setSettled] = useState<Settled | null>(null);
  const key = profileId === null ? null : `${profileId}|${asOf}`;
  useEffect(() => {
    if (profileId === null || key === null) return;
    let live = true;
    Promise.all(
      groups.map(async (ids) => {
        const verdict = await client.call('legality.site', { profileId, siteId: ids[0] as string, asOf });
        return ids.map((id) => [id, verdict.status] as const);
      }),
    ).then(
      (entries) => live && setSettled({ key, statuses: Object.fromEntries(entries.flat()), error: null }),
      (error: unknown) =>
        live && setSettled({ key, statuses: {}, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [client, groups, profileId, asOf, key]);
  if (key === null) return { statuses: NONE, state: 'none', error: null };
  if (settled === null) return { statuses: NONE, state: 'loading', error: null };
  if (settled.error !== null) {
    // A failure for an earlier profile or date says nothing yet about the one being checked now.
    return settled.key === key
      ? { statuses: NONE, state: 'error', error: settled.error }
      : { statuses: NONE, state: 'loading', error: null };
  }
  return { statuses: settled.statuses, state: settled.key === key ? 'ready' : 'loading', error: null };
}
