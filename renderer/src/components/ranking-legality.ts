// Each site's legality answer for the scenario on screen (the profile's workload, the legality mode
// and the tiers counted), for the ranking's status column and filter. It comes with score.matrix,
// which the store asks once per scenario (store.ts, live-score.ts): one call for every site, not one
// legality.site per market.
import { useMemo } from 'react';
import type { LegalityStatus } from '../../../shared/engine/types';
import { useApp } from '../context';
import { legalityKey } from '../store';

export interface SiteLegality {
  /** Site id → status; empty without a profile. */
  statuses: Readonly<Record<string, LegalityStatus>>;
  /** 'loading' while the answer for the current scenario is on its way (the last one shows meanwhile). */
  state: 'none' | 'loading' | 'ready' | 'error';
  error: string | null;
}

const NONE: Readonly<Record<string, LegalityStatus>> = {};

export function useSiteLegality(): SiteLegality {
  const key = useApp((s) => legalityKey(s.scenario));
  const legality = useApp((s) => s.legality);
  const statuses = useMemo(
    () =>
      legality === null
        ? NONE
        : Object.fromEntries(Object.entries(legality.sites).map(([id, answer]) => [id, answer.status])),
    [legality],
  );
  if (key === null) return { statuses: NONE, state: 'none', error: null };
  if (legality === null) return { statuses: NONE, state: 'loading', error: null };
  if (legality.error !== null) {
    // A failure for an earlier scenario says nothing yet about the one being checked now.
    return legality.key === key
      ? { statuses: NONE, state: 'error', error: legality.error }
      : { statuses: NONE, state: 'loading', error: null };
  }
  return { statuses, state: legality.key === key ? 'ready' : 'loading', error: null };
}
