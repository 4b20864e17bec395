// A site's legality for one workload of a profile: every chip of the workload judged by
// chipLegality (legality.ts), then the best lawful option ('best') or the most restricted chip
// ('all'), with the chip named and lawful compute (the strongest chip that may run without a licence).
import type { LegalitySettings } from '../model/legality-settings';
import { DEFAULT_LEGALITY_SETTINGS } from '../model/legality-settings';
import { REGIMES, type PolicyConfidence, type PolicyEvent } from '../model/policy';
import { workloadChips, type CompanyProfile, type Workload } from '../model/profiles';
import {
  chipLabel,
  chipLegality,
  STATUS_LABEL,
  STATUS_TITLE,
  statusRank as rank,
  type ChipLegality,
  type LegalityChip,
  type LegalityPlace,
  type LegalityProfile,
} from './legality';
import type { SiteLegality } from './types';

export interface SiteLegalityResult extends SiteLegality {
  workload: Workload;
  mode: LegalitySettings['mode'];
  /** The chip behind the answer: the best lawful option ('best') or the most restricted ('all'). */
  chipId: string;
  /** 'best' mode: the strongest chip of the workload (by TPP) when it fares worse than chipId; else null. */
  strongestChipId: string | null;
  confidence: PolicyConfidence | null;
  /** One entry per chip of the workload, in the profile's order. */
  chips: ChipLegality[];
  /**
   * TPP of the strongest accelerator of the workload the company may run without a licence
   * (allowed or conditional): 0 when none may run, null when the lawful ones have no known TPP.
   */
  lawfulTpp: number | null;
  /** The chip lawfulTpp belongs to, or null. */
  lawfulChipId: string | null;
}

const tppOf = (chip: LegalityChip | undefined): number => chip?.tpp ?? -1;

/**
 * A site answer's short "why": each deciding event by regime, with its tier when not rule text (the
 * chip's own reason, with conditions, is in `chips`; a site's reason goes into tooltips and exclusions).
 */
function decidedBy(r: ChipLegality): string {
  const deciders = r.chain.filter((c) => c.role === 'decides').map((c) => c.event);
  if (deciders.length === 0) return ' — no rule in force restricts it';
  const one = (e: PolicyEvent): string =>
    `${REGIMES[e.regime].name}: ${e.id}${e.confidence === 'rule' ? '' : ` (${e.confidence})`}`;
  return ` — ${deciders.map(one).join('; ')}`;
}

/**
 * A site's legality for one workload of a profile. 'best' mode: the best lawful option (least
 * restrictive status; among equals the strongest chip by TPP, then the profile's order), named with
 * its chip, plus the strongest chip's own status when it is worse ("Allowed with Ascend 910C · Nvidia
 * B200 licence required"). 'all' mode: the most restricted chip, as fleet planning needs. Throws if
 * a chip of the workload is not in `chips` (the caller checks ids first).
 */
export function siteLegality(
  profile: LegalityProfile & Pick<CompanyProfile, 'trainingChips' | 'inferenceChips'>,
  chips: readonly LegalityChip[],
  site: LegalityPlace,
  events: readonly PolicyEvent[],
  date: string,
  settings: LegalitySettings = DEFAULT_LEGALITY_SETTINGS,
): SiteLegalityResult {
  const ids = workloadChips(profile, settings.workload);
  const catalogue = new Map(chips.map((c) => [c.id, c]));
  const results = ids.map((id) => {
    const chip = catalogue.get(id);
    if (chip === undefined) throw new Error(`chip "${id}" named by the profile is not in the catalogue`);
    return chipLegality(profile, chip, site, events, date, settings);
  });
  const first = results[0];
  if (first === undefined) throw new Error('the profile names no chips for this workload');
  const label = (id: string): string => {
    const c = catalogue.get(id);
    return c === undefined ? id : chipLabel(c);
  };

  const lawful = results.filter((r) => r.status === 'allowed' || r.status === 'conditional');
  const strongestLawful = lawful.reduce<ChipLegality | null>(
    (b, r) => (b === null || tppOf(catalogue.get(r.chipId)) > tppOf(catalogue.get(b.chipId)) ? r : b),
    null,
  );
  const lawfulTpp =
    lawful.length === 0 ? 0 : strongestLawful === null ? null : (catalogue.get(strongestLawful.chipId)?.tpp ?? null);

  let pick: ChipLegality;
  let reason: string;
  let weaker: ChipLegality | null = null;
  if (settings.mode === 'all') {
    pick = results.reduce((w, r) => (rank(r.status) > rank(w.status) ? r : w), first);
    reason =
      results.length === 1
        ? `${STATUS_TITLE[pick.status]} for ${label(pick.chipId)}${decidedBy(pick)}`
        : `${label(pick.chipId)} is the most restricted of the ${results.length} chips this workload must run: ${STATUS_LABEL[pick.status]}${decidedBy(pick)}`;
  } else {
    pick = results.reduce((b, r) => {
      if (rank(r.status) !== rank(b.status)) return rank(r.status) < rank(b.status) ? r : b;
      return tppOf(catalogue.get(r.chipId)) > tppOf(catalogue.get(b.chipId)) ? r : b;
    }, first);
    const strongest = results.reduce(
      (s, r) => (tppOf(catalogue.get(r.chipId)) > tppOf(catalogue.get(s.chipId)) ? r : s),
      first,
    );
    if (strongest.chipId !== pick.chipId && rank(strongest.status) > rank(pick.status)) weaker = strongest;
    const also = weaker === null ? '' : ` · ${label(weaker.chipId)} ${STATUS_TITLE[weaker.status].toLowerCase()}`;
    reason = `${STATUS_TITLE[pick.status]} with ${label(pick.chipId)}${also}${decidedBy(pick)}`;
  }
  return {
    status: pick.status,
    reason,
    workload: settings.workload,
    mode: settings.mode,
    chipId: pick.chipId,
    strongestChipId: weaker?.chipId ?? null,
    confidence: pick.confidence,
    chips: results,
    lawfulTpp,
    lawfulChipId: lawful.length === 0 ? null : (strongestLawful?.chipId ?? null),
  };
}
