// The engine's legality answers in the contract's wire shape (shared/calls/legality-calls.ts): each
// regime named, each event of the chain flattened, hypothetical events marked. Shared by the
// legality calls and the report, so a chain reads the same wherever it is shown.
import type {
  ChipLegalityResult,
  LegalityChainEvent,
  SiteLegalityResult as WireSiteLegality,
} from '../../../shared/calls/legality-calls';
import { legalityScore, type ChainEvent, type ChipLegality } from '../../../shared/engine/legality';
import type { SiteLegalityResult } from '../../../shared/engine/site-legality';
import { ServiceError } from '../../../shared/errors';
import type { Chip } from '../../../shared/model/chips';
import { REGIMES } from '../../../shared/model/policy';
import { profileChips, type CompanyProfile } from '../../../shared/model/profiles';

export function chipById(chips: readonly Chip[], id: string, what = 'no chip'): Chip {
  const chip = chips.find((c) => c.id === id);
  if (chip === undefined) throw new ServiceError('not_found', `${what} "${id}" (chips.list shows the catalogue)`);
  return chip;
}

/** Every chip the profile names must be in the catalogue, or the answer would silently skip it. */
export function checkProfileChips(profile: CompanyProfile, chips: readonly Chip[]): void {
  for (const id of profileChips(profile)) chipById(chips, id, `profile "${profile.id}" names the unknown chip`);
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
