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
  /** Site id → the tier an answer rests on when it is not rule text ('announced' or 'reported'). */
  tiers: Readonly<Record<string, 'announced' | 'reported'>>;
  /** 'loading' while the answer for the current scenario is on its way (the last one shows meanwhile). */
  state: 'none' | 'loading' | 'ready' | 'error';
  error: string | null;
}

const NONE: Readonly<Record<string, LegalityStatus>> = {};
const NO_TIERS: Readonly<Record<string, 'announced' | 'reported'>> = {};

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
  const tiers = useMemo(() => {
    if (legality === null) return NO_TIERS;
    const out: Record<string, 'announced' | 'reported'> = {};
    for (const [id, answer] of Object.entries(legality.sites)) {
      if (answer.confidence === 'announced' || answer.confidence === 'reported') out[id] = answer.confidence;
    }
    return out;
  }, [legality]);
  const none = { statuses: NONE, tiers: NO_TIERS };
  if (key === null) return { ...none, state: 'none', error: null };
  if (legality === null) return { ...none, state: 'loading', error: null };
  if (legality.error !== null) {
    // A failure for an earlier scenario says nothing yet about the one being checked now.
    return legality.key === key
      ? { ...none, state: 'error', error: legality.error }
      : { ...none, state: 'loading', error: null };
  }
  return { statuses, tiers, state: legality.key === key ? 'ready' : 'loading', error: null };
}
