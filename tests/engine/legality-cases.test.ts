// Legality cases written from the rules, not from the code: each row is profile × chip (or workload)
// × place × date → the status a trade-compliance reviewer expects, the deciding event(s) per regime,
// the legal reasoning (`why`) and the text relied on (`source`). Rows marked `debatable` rest on a
// reading a reasonable lawyer could dispute; they stay in the table and fail loudly if the engine
// disagrees, so the disagreement is visible rather than papered over.
//
// Expectation fields:
// - status: the exact status; with `atLeast: true` the engine must be at least this restrictive
//   (used where the row tests that a rule binds at all, and a separate row tests its review policy);
// - deciders: per regime, the exact set of deciding event ids ([] = the regime must not bind);
// - decidersInclude: per regime, ids that must be among its deciders;
// - notDeciding: ids that must not decide in any regime;
// - confidence: the tier the engine must report for the answer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedChips } from '../../db/seed/chips';
import { seedPolicyEvents } from '../../db/seed/policies';
import { seedProfiles } from '../../db/seed/profiles';
import {
  chipLegality,
  statusOfEffect,
  type ChipLegality,
  type LegalityChip,
  type LegalityPlace,
  type LegalityProfile,
} from '../../shared/engine/legality';
import { siteLegality } from '../../shared/engine/site-legality';
import { LEGALITY_ORDER, type LegalityStatus } from '../../shared/engine/types';
import {
  PolicyConfidence as PolicyConfidenceSchema,
  PolicyEffect as PolicyEffectSchema,
  PolicyRegime as PolicyRegimeSchema,
  type PolicyConfidence,
  type PolicyEffect,
  type PolicyEvent,
  type PolicyRegime,
  policyScope,
  type PolicyScope,
} from '../../shared/model/policy';
import type { CompanyProfile } from '../../shared/model/profiles';

// ---- parties ------------------------------------------------------------------------------------

type Profile = LegalityProfile & Pick<CompanyProfile, 'trainingChips' | 'inferenceChips'>;

const seeded = (id: string): Profile => {
  const p = seedProfiles.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no seeded profile ${id}`);
  return p;
};

const custom = (p: Partial<Profile>): Profile => ({
  hqCountry: 'US',
  ultimateParentCountry: null,
  stateFunded: false,
  entityListed: false,
  deployment: 'owned',
  namedCompany: null,
  trainingChips: ['nvidia-h100'],
  inferenceChips: [],
  ...p,
});

const PROFILES = {
  cnOwned: seeded('cn-private-lab-owned'),
  cnRented: seeded('cn-private-lab-rented'),
  cnState: seeded('cn-state-funded'),
  bytedance: seeded('bytedance'),
  usHyper: seeded('us-hyperscaler'),
  sgNeo: seeded('sg-neocloud'),
  /** Singapore-incorporated and headquartered, ultimate parent in the PRC, owns its hardware. */
  sgCnParent: custom({ hqCountry: 'SG', ultimateParentCountry: 'CN' }),
  sgCnParentRented: custom({ hqCountry: 'SG', ultimateParentCountry: 'CN', deployment: 'rented' }),
  /** Japanese subsidiary of a PRC group. */
  jpCnParent: custom({ hqCountry: 'JP', ultimateParentCountry: 'CN' }),
  hkOwned: custom({ hqCountry: 'HK' }),
  hkRented: custom({ hqCountry: 'HK', deployment: 'rented' }),
  usRented: custom({ hqCountry: 'US', deployment: 'rented' }),
  /** An Entity-Listed party headquartered outside China (isolates the Entity List regime). */
  listedAE: custom({ hqCountry: 'AE', entityListed: true }),
  bytedanceRented: { ...seeded('bytedance'), deployment: 'rented' as const },
  bytedanceLower: { ...seeded('bytedance'), namedCompany: 'bytedance' },
} satisfies Record<string, Profile>;
type ProfileKey = keyof typeof PROFILES;

// ---- places -------------------------------------------------------------------------------------

const PLACES = {
  beijing: { name: 'Beijing', country: 'CN', jurisdictionCode: 'CN-BJ' },
  hk: { name: 'Hong Kong', country: 'HK', jurisdictionCode: 'HK' },
  sg: { name: 'Singapore', country: 'SG', jurisdictionCode: 'SG' },
  kulai: { name: 'Kulai', country: 'MY', jurisdictionCode: 'MY-01' },
  tokyo: { name: 'Tokyo', country: 'JP', jurisdictionCode: 'JP-13' },
  mumbai: { name: 'Mumbai', country: 'IN', jurisdictionCode: 'IN-MH' },
  nova: { name: 'N. Virginia', country: 'US', jurisdictionCode: 'US-VA' },
} satisfies Record<string, LegalityPlace>;
type PlaceKey = keyof typeof PLACES;

const chipOf = (id: string): LegalityChip => {
  const c = seedChips.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no seeded chip ${id}`);
  return c;
};

// ---- sources (cited by the rows) ----------------------------------------------------------------

const S = {
  preControls:
    'Before 2022-08-26 no EAR licence requirement applied to A100/H100-class GPUs for China absent an end-use/end-user trigger (Nvidia Form 8-K, 2022-08-31, describes the new requirement as new).',
  letter2022:
    'Nvidia Form 8-K filed 2022-08-31: on 2022-08-26 the USG informed Nvidia of a new licence requirement, effective immediately, for exports of A100 and H100 (and DGX systems) to China (including Hong Kong) and Russia.',
  oct2022:
    'BIS IFR of 2022-10-07 (87 FR 62186): new ECCN 3A090 (TPP ≥4800 and bidirectional interconnect ≥600 GB/s); licence required for China under EAR §742.6(a)(6); review under §742.6(b)(10) with a presumption of denial.',
  oct2023:
    'BIS AC/S IFR published 2023-10-25 (88 FR 73458; released 2023-10-17), effective 2023-11-17: 3A090 rewritten (TPP ≥4800, or TPP ≥1600 with PD ≥5.92; interconnect test dropped); licence for China/Macau/D:5 under presumption of denial.',
  oct2023Hq:
    'Oct 2023 AC/S IFR, EAR §742.6(a)(6)(iii): licence required for 3A090 items to an entity headquartered in, or with an ultimate parent headquartered in, Macau or Country Group D:5, wherever located; Hong Kong is treated as the PRC since 85 FR 45998 (2020).',
  oct2023Review:
    'Oct 2023 AC/S IFR, EAR §742.6(b)(10): applications for Macau/D:5 destinations and for D:5/Macau-headquartered parties reviewed under a presumption of denial (reviewer’s reading; the seed uses an ordinary licence requirement).',
  notice2023:
    'Nvidia Form 8-K filed 2023-10-24: on 2023-10-23 the USG informed Nvidia that the licensing requirements of the Oct 2023 IFR are effective immediately for shipments of A100, A800, H100, H800 and L40S (domain-facts correction 2).',
  h20Letter:
    'Nvidia Form 8-K filed 2025-04-15: on 2025-04-09 the USG informed Nvidia that a licence is required, indefinitely, for H20 (and chips of equal memory/interconnect bandwidth) to China incl. HK and Macau and D:5, and to companies headquartered in, or with an ultimate parent in, those countries wherever located (domain-facts correction 4).',
  rev15:
    'US officials, 2025-08-10/11 (Business Recorder; Reuters): H20/MI308 licences granted on condition that Nvidia/AMD pay 15% of China revenue; an announcement, no rule text (domain-facts correction 7).',
  h200: 'Presidential announcement 2025-12-08 (Introl summary): H200 sales to approved customers in China allowed with 25% to the USG; Blackwell and Rubin excluded; formal licensing policy only in January 2026 (domain-facts correction 7).',
  iaas: 'BIS guidance of 2025-05-13 (Alston & Bird summary): warning on training AI models for or on behalf of parties headquartered in D:5/Macau, including via IaaS anywhere; KYC/end-use diligence, not a blanket licence requirement; it concerns capacity outside China (domain-facts correction 6).',
  diffusion:
    'AI Diffusion IFR (90 FR 4544, 2025-01-15), compliance date 2025-05-15; rescinded and not enforced from 2025-05-13 (BIS, Alston & Bird): Tier-2 caps for SG/MY/IN never bound.',
  stp: 'Malaysia MITI Directive 1/2025 under Strategic Trade Act 2010 s.12 (2025-07-14): a Strategic Trade Permit is required to export, transship or transit US-origin high-performance AI chips; not a condition on operating them in Malaysia (domain-facts correction 5).',
  cnHalt:
    'Reported 2025-08 (TechSpot/Reuters): Chinese firms told to halt new Nvidia orders; MIIT asks for justification of H20 purchases. Press report.',
  rtx: 'Reported 2025-09-17 (FT via The Decoder): CAC orders ByteDance, Alibaba and others to cancel RTX Pro 6000D orders and testing. Press report.',
  stateFunded:
    'Reported 2025-11-05 (Reuters via StratNews Global): new state-funded Chinese data centres must use domestic AI chips; projects <30% complete must remove foreign chips. Press report.',
  bytedance:
    'Reported 2025-11-26 (The Information via Al Jazeera): ByteDance barred from using Nvidia chips in new data centres in China. Press report.',
  gp10: 'BIS guidance 2025-05-13 on PRC advanced-computing ICs (GP10; Freshfields); "anywhere" wording softened 2025-05-20: guidance, not a licence requirement.',
  huaweiEl:
    '84 FR 22961 (published 2019-05-21): Huawei added to the Entity List effective 2019-05-16; licence required for all items subject to the EAR, review policy presumption of denial (domain-facts correction 3).',
  birenEl:
    'Entity List additions 88 FR 71991 (published 2023-10-19), effective 2023-10-17: Biren, Moore Threads and affiliates; licence for all items subject to the EAR, reviewed under a presumption of denial (Thompson Hine, 2023-10).',
  h200Rule:
    'BIS rule 91 FR 1684 (FR Doc 2026-00789, 2026-01-15): licence review policy for H200-class advanced computing commodities exported to China and Macau revised from presumption of denial to case-by-case; licence still required.',
  affiliates:
    'BIS Affiliates Rule (IFR 2025-09-29, §744.11(a)(3) 50% rule); suspended for one year from 2025-11-10 (Fenwick). The suspension lifts only the 50% extension; listed parties stay listed.',
} as const;

// ---- the table ----------------------------------------------------------------------------------

type Deciders = Partial<Record<PolicyRegime, string[]>>;

interface Expect {
  status: LegalityStatus;
  atLeast?: boolean;
  deciders?: Deciders;
  decidersInclude?: Deciders;
  notDeciding?: string[];
  confidence?: PolicyConfidence | null;
}

interface ChipCase {
  id: string;
  profile: ProfileKey;
  chip: string;
  place: PlaceKey;
  date: string;
  floor?: PolicyConfidence;
  expect: Expect;
  why: string;
  source: string;
  debatable?: boolean;
}

interface SiteCase {
  id: string;
  profile: ProfileKey;
  place: PlaceKey;
  date: string;
  workload: 'training' | 'inference';
  mode: 'best' | 'all';
  floor?: PolicyConfidence;
  expect: {
    status: LegalityStatus;
    chipId: string;
    lawfulChipId?: string | null;
    lawfulTpp?: number | null;
    /** Per chip of the workload: regime deciders that must hold exactly. */
    chipDeciders?: Record<string, Deciders>;
    notDeciding?: string[];
  };
  why: string;
  source: string;
  debatable?: boolean;
}

const A800_SOURCE = `${S.oct2022} A800 NVLink 400 GB/s (aiwiki.ai/wiki/nvidia_a800) sits under the 600 GB/s test.`;

export const CHIP_CASES: ChipCase[] = [
  // --- 2021–2022: before and at the first controls ---
  {
    id: 'C01',
    profile: 'cnOwned',
    chip: 'nvidia-a100',
    place: 'beijing',
    date: '2021-06-01',
    expect: { status: 'allowed', deciders: { 'us-destination': [], 'us-is-informed': [] } },
    why: 'No chip-specific US control on A100 to China existed in 2021; a private, unlisted Chinese buyer needed no licence.',
    source: S.preControls,
  },
  {
    id: 'C02',
    profile: 'cnOwned',
    chip: 'nvidia-a100',
    place: 'beijing',
    date: '2022-08-25',
    expect: { status: 'allowed' },
    why: 'The day before the is-informed letter: still no licence requirement.',
    source: S.letter2022,
  },
  {
    id: 'C03',
    profile: 'cnOwned',
    chip: 'nvidia-a100',
    place: 'beijing',
    date: '2022-08-26',
    expect: {
      status: 'licence_required',
      deciders: { 'us-is-informed': ['us-2022-08-26-a100-h100-letter'], 'us-destination': [] },
    },
    why: 'The is-informed letter imposed a licence requirement on A100 to China, effective immediately on 2022-08-26; no published rule yet, so no stated presumption of denial.',
    source: S.letter2022,
  },
  {
    id: 'C04',
    profile: 'cnOwned',
    chip: 'nvidia-h100',
    place: 'hk',
    date: '2022-09-15',
    expect: { status: 'licence_required', deciders: { 'us-is-informed': ['us-2022-08-26-a100-h100-letter'] } },
    why: 'The 2022 letter expressly covered China including Hong Kong.',
    source: S.letter2022,
  },
  {
    id: 'C05',
    profile: 'cnOwned',
    chip: 'nvidia-a100',
    place: 'beijing',
    // Revised after a second review: 3A090 and its China licence requirement took effect on
    // 2022-10-21 (87 FR 62186; only the 3B090 equipment controls took effect on 10-07). C05b covers 10-20.
    date: '2022-10-21',
    expect: {
      status: 'licence_denial',
      deciders: {
        'us-destination': ['us-2022-10-07-advanced-computing'],
        'us-is-informed': ['us-2022-08-26-a100-h100-letter'],
      },
      confidence: 'rule',
    },
    why: 'A100 is 3A090 under the Oct 2022 test (TPP ≈4990, 600 GB/s NVLink); China needs a licence under a presumption of denial. The letter still binds, less restrictively.',
    source: S.oct2022,
  },
  {
    id: 'C05b',
    profile: 'cnOwned',
    chip: 'nvidia-a100',
    place: 'beijing',
    date: '2022-10-20',
    expect: {
      status: 'licence_required',
      deciders: { 'us-is-informed': ['us-2022-08-26-a100-h100-letter'] },
      confidence: 'rule',
    },
    why: 'Released on 2022-10-07, the 3A090 requirement took effect only on 2022-10-21; until then the August letter alone requires a licence.',
    source: `${S.oct2022} C.H. Robinson trade alert 2022-10-26; EY Tax News 2022-1591.`,
  },
  {
    id: 'C06',
    profile: 'cnOwned',
    chip: 'nvidia-a800',
    place: 'beijing',
    date: '2023-01-15',
    expect: { status: 'allowed', deciders: { 'us-destination': [] } },
    why: 'A800 was engineered under the 600 GB/s interconnect test, so it was not 3A090 as first written and was sold lawfully to China from late 2022.',
    source: A800_SOURCE,
  },
  {
    id: 'C07',
    profile: 'cnOwned',
    chip: 'nvidia-h800',
    place: 'beijing',
    date: '2023-10-22',
    expect: { status: 'allowed' },
    why: 'H800, like A800, sat under the 2022 interconnect test until the Oct 2023 rule and the 2023-10-23 notice.',
    source: A800_SOURCE,
  },
  {
    id: 'C08',
    profile: 'cnOwned',
    chip: 'nvidia-h800',
    place: 'beijing',
    date: '2023-10-23',
    expect: {
      status: 'licence_denial',
      deciders: { 'us-is-informed': ['us-2023-10-23-immediate-notice'], 'us-destination': [] },
    },
    why: 'On 2023-10-23 the USG made the Oct 2023 licensing requirements immediate for H800; the rule itself is not effective until 2023-11-17, so the notice alone decides. Review policy follows the rule: presumption of denial.',
    source: S.notice2023,
  },
  {
    id: 'C09',
    profile: 'usHyper',
    chip: 'nvidia-a800',
    place: 'hk',
    date: '2023-12-01',
    expect: { status: 'licence_denial', decidersInclude: { 'us-destination': ['us-2023-10-17-advanced-computing'] } },
    why: 'After 2023-11-17 A800 is 3A090 under the new TPP test; Hong Kong is China for the EAR; any exporter, even a US company for its own site, needs a licence under a presumption of denial.',
    source: S.oct2023,
  },
  {
    id: 'C10',
    profile: 'cnOwned',
    chip: 'nvidia-a100',
    place: 'beijing',
    date: '2023-12-01',
    expect: {
      status: 'licence_denial',
      deciders: { 'us-destination': ['us-2023-10-17-advanced-computing'] },
      notDeciding: ['us-2022-10-07-advanced-computing'],
    },
    why: 'The Oct 2023 rule rewrote 3A090 and §742.6(a)(6); the 2022 text no longer stands on its own once the 2023 rule is effective.',
    source: S.oct2023,
  },
  {
    id: 'C11',
    profile: 'cnOwned',
    chip: 'nvidia-h100',
    place: 'sg',
    date: '2023-10-25',
    expect: { status: 'licence_required', atLeast: true },
    why: 'The 2023-10-23 notice made "the licensing requirements of the IFR" immediate for A100/A800/H100/H800/L40S. Those requirements include the headquarters-anywhere requirement, so supplying H100 on 2023-10-25 to a China-HQ firm for its own Singapore hardware already needed a licence. The seed limits the notice to CN/HK/MO destinations.',
    source: `${S.notice2023} ${S.oct2023Hq}`,
    debatable: true,
  },
  {
    id: 'C12',
    profile: 'cnOwned',
    chip: 'nvidia-a800',
    place: 'sg',
    date: '2023-12-01',
    expect: {
      status: 'licence_required',
      atLeast: true,
      deciders: { 'us-headquarters': ['us-2023-10-17-china-hq-anywhere'] },
    },
    why: 'From 2023-11-17 3A090 items for a company headquartered in China need a licence wherever the hardware stands, so owned A800s in Singapore are caught.',
    source: S.oct2023Hq,
  },
  {
    id: 'C12b',
    profile: 'cnOwned',
    chip: 'nvidia-h100',
    place: 'nova',
    date: '2024-06-01',
    expect: { status: 'allowed', deciders: {} },
    why: 'Added after the second review: the headquarters requirement governs exports (and re-exports) to China-headquartered companies outside the United States; H100s a Chinese company holds in Virginia were never exported, so no licence under it.',
    source:
      'BIS guidance of 2026-05-31 on the headquartered-in-D:5 requirement ("all destinations outside the United States"), as summarised by Hogan Lovells and reposted at wilmarth-associates.com.',
  },
  {
    id: 'C13',
    profile: 'cnOwned',
    chip: 'nvidia-b200',
    place: 'tokyo',
    date: '2024-06-01',
    expect: { status: 'licence_required', decidersInclude: { 'us-headquarters': ['us-2023-10-17-china-hq-anywhere'] } },
    why: 'The headquarters-anywhere requirement binds owned B200s in Tokyo. Reviewed (debatable): the seed models an ordinary licence, because the April 2024 corrections moved review for Macau/D:5-headquartered parties outside those countries to case-by-case (Husch Blackwell, 2024-04-10), so by 2024-06-01 it is not a presumption of denial; the reviewer read §742.6(b)(10) as a presumption of denial.',
    source: `${S.oct2023Review} Husch Blackwell, China semiconductor export regulations episode V (globaltradelawblog.com, 2024-04-10).`,
    debatable: true,
  },
  {
    id: 'C14',
    profile: 'sgCnParent',
    chip: 'nvidia-b200',
    place: 'sg',
    date: '2024-06-01',
    expect: {
      status: 'licence_required',
      atLeast: true,
      deciders: { 'us-headquarters': ['us-2023-10-17-china-hq-anywhere'] },
    },
    why: 'An entity whose ultimate parent is headquartered in China is caught like the parent, although it is headquartered in Singapore.',
    source: S.oct2023Hq,
  },
  {
    id: 'C15',
    profile: 'hkOwned',
    chip: 'nvidia-h100',
    place: 'sg',
    date: '2024-06-01',
    expect: {
      status: 'licence_required',
      atLeast: true,
      deciders: { 'us-headquarters': ['us-2023-10-17-china-hq-anywhere'] },
    },
    why: 'Since 2020 the EAR treats Hong Kong as the PRC, so a Hong Kong-headquartered company is a D:5-headquartered company.',
    source: S.oct2023Hq,
  },
  {
    id: 'C16',
    profile: 'cnRented',
    chip: 'nvidia-h100',
    place: 'sg',
    date: '2023-12-01',
    expect: { status: 'allowed', deciders: { 'us-headquarters': [], 'us-cloud': [] } },
    why: 'Renting compute from a non-Chinese owner is not an export to the renter; the 2023 headquarters rule reaches items supplied to the company, and no IaaS guidance existed before 2025-05-13.',
    source: `${S.oct2023Hq} ${S.iaas}`,
  },
  {
    id: 'C17',
    profile: 'cnRented',
    chip: 'nvidia-b200',
    place: 'sg',
    date: '2025-03-01',
    expect: { status: 'allowed' },
    why: 'Still before the 2025-05-13 IaaS guidance; the AI Diffusion rule’s caps were not yet binding (compliance date 2025-05-15).',
    source: `${S.iaas} ${S.diffusion}`,
  },
  {
    id: 'C18',
    profile: 'usHyper',
    chip: 'nvidia-h100',
    place: 'mumbai',
    date: '2025-03-01',
    expect: { status: 'allowed', deciders: { 'us-destination': [] } },
    why: 'India was Tier 2, but the caps bound only from 2025-05-15 and the rule was rescinded before then.',
    source: S.diffusion,
  },
  {
    id: 'C19',
    profile: 'usHyper',
    chip: 'nvidia-h100',
    place: 'mumbai',
    date: '2025-06-01',
    expect: { status: 'allowed' },
    why: 'After rescission nothing restricts a US company’s own H100s in India.',
    source: S.diffusion,
  },
  // --- H20, 2025 ---
  {
    id: 'C20',
    profile: 'cnOwned',
    chip: 'nvidia-h20',
    place: 'beijing',
    date: '2025-04-08',
    expect: { status: 'allowed' },
    why: 'H20 (TPP ≈2368, PD below the 2023 thresholds) was outside 3A090 and sold freely to China until the April 2025 letter.',
    source: S.h20Letter,
  },
  {
    id: 'C21',
    profile: 'cnOwned',
    chip: 'nvidia-h20',
    place: 'beijing',
    date: '2025-04-09',
    expect: {
      status: 'licence_required',
      deciders: { 'us-is-informed': ['us-2025-04-09-h20-licence', 'us-2025-04-09-h20-licence-hq'] },
    },
    why: 'Both halves of the April letter reach a China-HQ buyer in China.',
    source: S.h20Letter,
  },
  {
    id: 'C22',
    profile: 'cnOwned',
    chip: 'nvidia-h20',
    place: 'sg',
    date: '2025-05-01',
    expect: { status: 'licence_required', deciders: { 'us-is-informed': ['us-2025-04-09-h20-licence-hq'] } },
    why: 'The letter reaches companies headquartered in China wherever located: owned H20s in Singapore are caught by the HQ half.',
    source: S.h20Letter,
  },
  {
    id: 'C23',
    profile: 'jpCnParent',
    chip: 'nvidia-h20',
    place: 'tokyo',
    date: '2025-05-01',
    expect: { status: 'licence_required', deciders: { 'us-is-informed': ['us-2025-04-09-h20-licence-hq'] } },
    why: 'Ultimate parent in China: the HQ half reaches the Japanese subsidiary in Tokyo.',
    source: S.h20Letter,
  },
  {
    id: 'C24',
    profile: 'sgNeo',
    chip: 'nvidia-h20',
    place: 'sg',
    date: '2025-05-01',
    expect: { status: 'allowed' },
    why: 'A Singapore-owned neocloud in Singapore is outside both halves of the letter.',
    source: S.h20Letter,
  },
  {
    id: 'C25',
    profile: 'cnOwned',
    chip: 'amd-mi308',
    place: 'beijing',
    date: '2025-05-01',
    expect: {
      status: 'licence_required',
      deciders: { 'us-is-informed': ['us-2025-04-09-h20-licence', 'us-2025-04-09-h20-licence-hq'] },
    },
    why: 'AMD received the same requirement for MI308 (AMD 8-K, April 2025).',
    source: `${S.h20Letter} AMD Form 8-K, 2025-04-16 (MI308).`,
  },
  {
    id: 'C26',
    profile: 'cnRented',
    chip: 'nvidia-h20',
    place: 'sg',
    date: '2025-06-01',
    expect: {
      status: 'conditional',
      deciders: { 'us-cloud': ['us-2025-05-13-iaas-training-guidance'], 'us-is-informed': [] },
    },
    why: 'Renting from a non-Chinese owner is not a supply of H20 to the renter; the IaaS guidance applies (diligence).',
    source: `${S.h20Letter} ${S.iaas}`,
  },
  {
    id: 'C27',
    profile: 'usHyper',
    chip: 'nvidia-h20',
    place: 'beijing',
    date: '2025-09-01',
    floor: 'announced',
    expect: {
      status: 'conditional',
      deciders: { 'us-is-informed': ['us-2025-08-10-revenue-share'] },
      confidence: 'announced',
    },
    why: 'With announcements counted, the 15% arrangement turns the China licence requirement into a licence on conditions.',
    source: S.rev15,
  },
  {
    id: 'C28',
    profile: 'usHyper',
    chip: 'nvidia-h20',
    place: 'beijing',
    date: '2025-09-01',
    floor: 'rule',
    expect: {
      status: 'licence_required',
      deciders: { 'us-is-informed': ['us-2025-04-09-h20-licence'] },
      confidence: 'rule',
    },
    why: 'Counting official texts only, the 15% deal (no rule text) is ignored and the April letter stands.',
    source: `${S.h20Letter} ${S.rev15}`,
  },
  {
    id: 'C29',
    profile: 'cnOwned',
    chip: 'nvidia-h20',
    place: 'beijing',
    date: '2025-09-01',
    expect: {
      status: 'conditional',
      deciders: {
        'us-is-informed': ['us-2025-08-10-revenue-share'],
        'cn-procurement': ['cn-2025-08-halt-nvidia-orders'],
      },
      notDeciding: ['us-2025-04-09-h20-licence-hq'],
      confidence: 'reported',
    },
    why: 'The April letter set one licence requirement with two triggers. The August licences were granted for H20 sales to Chinese customers in China, who are by definition China-headquartered. A licence for that export satisfies both triggers, so leaving the HQ half unamended in Beijing empties the announcement. China-side pressure (reported) adds a condition.',
    source: `${S.rev15} ${S.h20Letter} ${S.cnHalt}`,
  },
  {
    id: 'C30',
    profile: 'cnOwned',
    chip: 'nvidia-h20',
    place: 'sg',
    date: '2025-09-01',
    expect: { status: 'licence_required', deciders: { 'us-is-informed': ['us-2025-04-09-h20-licence-hq'] } },
    why: 'The 15% arrangement speaks of China sales. Nothing in it licenses H20 to a China-HQ company’s own hardware abroad, so the HQ half still binds in Singapore.',
    source: `${S.h20Letter} ${S.rev15}`,
  },
  {
    id: 'C31',
    profile: 'cnOwned',
    chip: 'nvidia-h20',
    place: 'beijing',
    date: '2025-09-01',
    floor: 'rule',
    expect: {
      status: 'licence_required',
      deciders: { 'us-is-informed': ['us-2025-04-09-h20-licence', 'us-2025-04-09-h20-licence-hq'] },
      confidence: 'rule',
    },
    why: 'Rule-only: neither the announcement nor the press report counts.',
    source: S.h20Letter,
  },
  // --- H200 around 2025-12-08 ---
  {
    id: 'C32',
    profile: 'usHyper',
    chip: 'nvidia-h200',
    place: 'beijing',
    date: '2025-12-07',
    expect: { status: 'licence_denial', deciders: { 'us-destination': ['us-2023-10-17-advanced-computing'] } },
    why: 'H200 is 3A090.a; before the announcement China needed a licence under a presumption of denial.',
    source: S.oct2023,
  },
  {
    id: 'C33',
    profile: 'usHyper',
    chip: 'nvidia-h200',
    place: 'beijing',
    date: '2025-12-08',
    expect: {
      status: 'conditional',
      deciders: { 'us-destination': ['us-2025-12-08-h200-approved-customers'] },
      notDeciding: ['us-2023-10-17-advanced-computing'],
      confidence: 'announced',
    },
    why: 'Counting announcements (the default floor), H200 to approved customers in China is licensable on conditions (vetting, 25%).',
    source: S.h200,
  },
  {
    id: 'C34',
    profile: 'usHyper',
    chip: 'nvidia-h200',
    place: 'beijing',
    date: '2025-12-08',
    floor: 'rule',
    expect: {
      status: 'licence_denial',
      deciders: { 'us-destination': ['us-2023-10-17-advanced-computing'] },
      confidence: 'rule',
    },
    why: 'On rule text alone nothing changed on 2025-12-08: the formal policy came in January 2026.',
    source: S.h200,
  },
  {
    id: 'C35',
    profile: 'cnOwned',
    chip: 'nvidia-h200',
    place: 'beijing',
    date: '2025-12-15',
    expect: {
      status: 'conditional',
      deciders: {
        'us-destination': ['us-2025-12-08-h200-approved-customers'],
        'us-headquarters': ['us-2025-12-08-h200-approved-customers-hq'],
      },
    },
    why: 'The H200 approval is about approved Chinese customers in China, all of them China-headquartered. If the headquarters-anywhere requirement is left unamended for the same buyer at the same place, the announcement cannot apply to anyone it was made for. The approval covers that export whichever trigger is used.',
    source: `${S.h200} ${S.oct2023Hq}`,
  },
  {
    id: 'C36',
    profile: 'usHyper',
    chip: 'nvidia-h200',
    place: 'hk',
    date: '2025-12-15',
    expect: { status: 'conditional', deciders: { 'us-destination': ['us-2025-12-08-h200-approved-customers'] } },
    why: 'Reviewed (debatable): the announcement named "China"; the EAR has treated Hong Kong as China since 2020, so the seed reads it as reaching Hong Kong, as it reads the 2026 rule (C70). The reviewer read it as mainland only.',
    source: `${S.h200} ${S.oct2023}`,
    debatable: true,
  },
  {
    id: 'C37',
    profile: 'usHyper',
    chip: 'nvidia-b200',
    place: 'beijing',
    date: '2025-12-15',
    expect: { status: 'licence_denial', deciders: { 'us-destination': ['us-2023-10-17-advanced-computing'] } },
    why: 'Blackwell was expressly excluded from the December 2025 decision.',
    source: S.h200,
  },
  // --- B200 rented in Beijing / HK across 2025-05-13 ---
  {
    id: 'C38',
    profile: 'cnRented',
    chip: 'nvidia-b200',
    place: 'beijing',
    date: '2025-05-12',
    expect: { status: 'licence_denial', deciders: { 'us-destination': ['us-2023-10-17-advanced-computing'] } },
    why: 'Hardware located in China is under the destination control whoever owns or rents it.',
    source: `${S.oct2023} Domain-facts correction 6.`,
  },
  {
    id: 'C39',
    profile: 'cnRented',
    chip: 'nvidia-b200',
    place: 'beijing',
    date: '2025-05-14',
    expect: {
      status: 'licence_denial',
      deciders: {
        'us-destination': ['us-2023-10-17-advanced-computing'],
        'us-cloud': ['us-2025-05-13-iaas-training-guidance'],
      },
    },
    why: 'The IaaS guidance adds diligence; it never relaxes the destination control on hardware in China.',
    source: `${S.iaas} ${S.oct2023}`,
  },
  {
    id: 'C40',
    profile: 'cnRented',
    chip: 'nvidia-b200',
    place: 'hk',
    date: '2025-05-14',
    expect: { status: 'licence_denial', decidersInclude: { 'us-destination': ['us-2023-10-17-advanced-computing'] } },
    why: 'The same holds in Hong Kong.',
    source: `${S.iaas} ${S.oct2023}`,
  },
  {
    id: 'C41',
    profile: 'cnRented',
    chip: 'nvidia-b200',
    place: 'hk',
    date: '2025-12-15',
    expect: { status: 'licence_denial', decidersInclude: { 'us-destination': ['us-2023-10-17-advanced-computing'] } },
    why: 'The H200 decision does not reach B200 and does not reach HK.',
    source: S.h200,
  },
  // --- Malaysia and the cloud guidance ---
  {
    id: 'C42',
    profile: 'cnRented',
    chip: 'nvidia-h100',
    place: 'kulai',
    date: '2025-08-01',
    expect: {
      status: 'conditional',
      deciders: { 'us-cloud': ['us-2025-05-13-iaas-training-guidance'], 'my-trade': [] },
    },
    why: 'The IaaS guidance conditions the rental. The Malaysian STP governs moving chips out of Malaysia, not operating them in Johor.',
    source: `${S.iaas} ${S.stp}`,
  },
  {
    id: 'C43',
    profile: 'usHyper',
    chip: 'nvidia-b200',
    place: 'kulai',
    date: '2025-08-01',
    expect: { status: 'allowed', deciders: { 'my-trade': [] } },
    why: 'A US company running its own B200s in Johor: the STP sets no condition on the deployment.',
    source: S.stp,
  },
  {
    id: 'C44',
    profile: 'sgNeo',
    chip: 'nvidia-b200',
    place: 'kulai',
    date: '2025-12-01',
    expect: { status: 'allowed', deciders: { 'my-trade': [] } },
    why: 'As C43 for a Singapore neocloud.',
    source: S.stp,
  },
  {
    id: 'C45',
    profile: 'usRented',
    chip: 'nvidia-b200',
    place: 'sg',
    date: '2025-12-01',
    expect: { status: 'allowed', deciders: { 'us-cloud': [] } },
    why: 'The IaaS guidance concerns D:5/Macau-headquartered customers only.',
    source: S.iaas,
  },
  {
    id: 'C46',
    profile: 'cnRented',
    chip: 'nvidia-h100',
    place: 'nova',
    date: '2025-12-01',
    expect: { status: 'conditional', deciders: { 'us-cloud': ['us-2025-05-13-iaas-training-guidance'] } },
    why: 'The guidance applies to IaaS anywhere, including in the US.',
    source: S.iaas,
  },
  {
    id: 'C47',
    profile: 'hkRented',
    chip: 'nvidia-h100',
    place: 'sg',
    date: '2025-12-01',
    expect: { status: 'conditional', deciders: { 'us-cloud': ['us-2025-05-13-iaas-training-guidance'] } },
    why: 'The guidance covers parties headquartered in D:5 or Macau. For the EAR Hong Kong is the PRC, so a Hong Kong-HQ lab renting in Singapore is covered exactly like a Beijing one. The seed scopes the guidance to companyHq ["CN"] only (Macau is not included either).',
    source: `${S.iaas} ${S.oct2023Hq}`,
  },
  {
    id: 'C48',
    profile: 'sgCnParentRented',
    chip: 'nvidia-h100',
    place: 'kulai',
    date: '2025-12-01',
    expect: { status: 'conditional', deciders: { 'us-cloud': ['us-2025-05-13-iaas-training-guidance'] } },
    why: 'Ultimate parent in China: the guidance’s HQ test looks through to the parent.',
    source: S.iaas,
  },
  // --- ByteDance ---
  {
    id: 'C49',
    profile: 'bytedance',
    chip: 'nvidia-h200',
    place: 'beijing',
    date: '2025-11-25',
    expect: {
      status: 'licence_denial',
      decidersInclude: { 'us-destination': ['us-2023-10-17-advanced-computing'] },
      notDeciding: ['cn-2025-11-26-bytedance-nvidia-ban'],
    },
    why: 'The day before the reported ban: only US controls.',
    source: `${S.bytedance} ${S.oct2023}`,
  },
  {
    id: 'C50',
    profile: 'bytedance',
    chip: 'nvidia-h200',
    place: 'beijing',
    date: '2025-11-26',
    expect: {
      status: 'prohibited',
      deciders: { 'cn-procurement': ['cn-2025-11-26-bytedance-nvidia-ban'] },
      confidence: 'reported',
    },
    why: 'The reported ban on Nvidia chips in ByteDance’s new China DCs decides and is flagged as a press report.',
    source: S.bytedance,
  },
  {
    id: 'C51',
    profile: 'bytedance',
    chip: 'nvidia-h200',
    place: 'beijing',
    date: '2025-11-26',
    floor: 'announced',
    expect: { status: 'licence_denial', notDeciding: ['cn-2025-11-26-bytedance-nvidia-ban'] },
    why: 'Without press reports the ban drops out; the US destination control (presumption of denial) remains.',
    source: `${S.bytedance} ${S.oct2023}`,
  },
  {
    id: 'C52',
    profile: 'bytedance',
    chip: 'nvidia-b200',
    place: 'sg',
    date: '2025-12-01',
    expect: {
      status: 'licence_required',
      atLeast: true,
      deciders: { 'us-headquarters': ['us-2023-10-17-china-hq-anywhere'], 'cn-procurement': [] },
    },
    why: 'The ByteDance ban is about data centres in China; in Singapore the US HQ rule binds ByteDance-owned hardware.',
    source: `${S.bytedance} ${S.oct2023Hq}`,
  },
  {
    id: 'C53',
    profile: 'bytedance',
    chip: 'nvidia-h200',
    place: 'hk',
    date: '2025-12-15',
    expect: {
      status: 'conditional',
      decidersInclude: { 'us-destination': ['us-2025-12-08-h200-approved-customers'] },
      notDeciding: ['cn-2025-11-26-bytedance-nvidia-ban'],
    },
    why: 'Beijing’s ban is about mainland DCs, so it does not reach Hong Kong. Reviewed (debatable): HK is China for the US rules, and the seed reads the H200 approval as reaching it (see C36).',
    source: `${S.bytedance} ${S.h200}`,
    debatable: true,
  },
  {
    id: 'C54',
    profile: 'bytedanceLower',
    chip: 'nvidia-h200',
    place: 'beijing',
    date: '2025-12-01',
    expect: { status: 'prohibited', deciders: { 'cn-procurement': ['cn-2025-11-26-bytedance-nvidia-ban'] } },
    why: 'A company name typed in lower case is still ByteDance.',
    source: S.bytedance,
  },
  {
    id: 'C55',
    profile: 'bytedanceRented',
    chip: 'nvidia-b200',
    place: 'kulai',
    date: '2025-12-01',
    expect: {
      status: 'conditional',
      deciders: { 'us-cloud': ['us-2025-05-13-iaas-training-guidance'], 'cn-procurement': [] },
    },
    why: 'The reported pattern: ByteDance renting non-Chinese-owned capacity in Johor. The IaaS guidance applies; the ban and the STP do not bind.',
    source: `${S.iaas} ${S.stp} ${S.bytedance}`,
  },
  // --- China-side measures ---
  {
    id: 'C56',
    profile: 'cnOwned',
    chip: 'nvidia-rtx-pro-6000d',
    place: 'beijing',
    date: '2025-10-01',
    expect: {
      status: 'prohibited',
      deciders: { 'cn-procurement': ['cn-2025-09-17-rtx-pro-6000d-cancel'] },
      confidence: 'reported',
    },
    why: 'The reported CAC order cancels RTX Pro 6000D orders and testing for Chinese firms.',
    source: S.rtx,
  },
  {
    id: 'C57',
    profile: 'cnOwned',
    chip: 'nvidia-rtx-pro-6000d',
    place: 'beijing',
    date: '2025-10-01',
    floor: 'announced',
    expect: { status: 'allowed' },
    why: 'Without press reports: RTX Pro 6000D was sold without a US licence and no official Chinese text bars it.',
    source: S.rtx,
  },
  {
    id: 'C58',
    profile: 'cnState',
    chip: 'nvidia-h20',
    place: 'beijing',
    date: '2025-12-01',
    expect: {
      status: 'prohibited',
      deciders: { 'cn-procurement': ['cn-2025-11-05-state-funded-domestic-only'] },
      confidence: 'reported',
    },
    why: 'Reported domestic-chip mandate for new state-funded DCs.',
    source: S.stateFunded,
  },
  {
    id: 'C59',
    profile: 'cnState',
    chip: 'nvidia-h20',
    place: 'beijing',
    date: '2025-12-01',
    floor: 'rule',
    expect: {
      status: 'licence_required',
      deciders: { 'us-is-informed': ['us-2025-04-09-h20-licence', 'us-2025-04-09-h20-licence-hq'] },
    },
    why: 'Rule-only: the mandate (reported) and the 15% deal (announced) drop out; the April letter stands.',
    source: `${S.h20Letter} ${S.stateFunded}`,
  },
  {
    id: 'C60',
    profile: 'cnState',
    chip: 'huawei-ascend-910c',
    place: 'beijing',
    date: '2025-12-01',
    expect: { status: 'allowed', deciders: { 'us-prc-chips': [] } },
    why: 'A Chinese state project using Huawei chips in China: the GP10 guidance flags risk for dealings with such chips; it is not a licence requirement.',
    source: S.gp10,
  },
  // --- Entity List ---
  {
    id: 'C61',
    profile: 'listedAE',
    chip: 'nvidia-a100',
    place: 'tokyo',
    date: '2019-05-15',
    expect: { status: 'allowed', deciders: { 'us-entity-list': [] } },
    why: 'The Huawei listing was announced 2019-05-15 but effective 2019-05-16.',
    source: S.huaweiEl,
  },
  {
    id: 'C62',
    profile: 'listedAE',
    chip: 'nvidia-a100',
    place: 'tokyo',
    date: '2019-05-16',
    expect: { status: 'licence_denial', decidersInclude: { 'us-entity-list': ['us-2019-05-huawei-entity-list'] } },
    why: 'Huawei’s entry carries a presumption of denial for all items subject to the EAR, not an ordinary licence. The profile flag is generic (review policy varies by entry), hence debatable. The seed encodes every listing as licence_required.',
    source: S.huaweiEl,
    debatable: true,
  },
  {
    id: 'C63',
    profile: 'listedAE',
    chip: 'nvidia-h100',
    place: 'sg',
    date: '2023-11-01',
    expect: {
      status: 'licence_denial',
      decidersInclude: { 'us-entity-list': ['us-2023-10-17-entity-list-biren-moore-threads'] },
    },
    why: 'The Biren/Moore Threads listing was a separate final rule effective 2023-10-17, not the AC/S IFR’s 2023-11-17 date, with a presumption of denial. The seed uses 2023-11-17 and licence_required.',
    source: S.birenEl,
  },
  {
    id: 'C64',
    profile: 'listedAE',
    chip: 'nvidia-h100',
    place: 'sg',
    date: '2025-10-15',
    expect: {
      status: 'licence_required',
      atLeast: true,
      decidersInclude: { 'us-entity-list': ['us-2025-09-29-affiliates-rule'] },
    },
    why: 'While in force (2025-09-29 to 2025-11-09) the affiliates rule binds parties ≥50% owned by listed parties.',
    source: S.affiliates,
  },
  {
    id: 'C65',
    profile: 'listedAE',
    chip: 'nvidia-h100',
    place: 'sg',
    date: '2025-12-01',
    expect: { status: 'licence_required', atLeast: true, notDeciding: ['us-2025-09-29-affiliates-rule'] },
    why: 'The suspension removes the affiliates rule; a listed party remains restricted by its own listing.',
    source: S.affiliates,
  },
  {
    id: 'C66',
    profile: 'listedAE',
    chip: 'nvidia-h100',
    place: 'sg',
    date: '2026-12-01',
    expect: {
      status: 'licence_required',
      atLeast: true,
      decidersInclude: { 'us-entity-list': ['us-2025-09-29-affiliates-rule'] },
    },
    why: 'The suspension runs one year; absent an extension the affiliates rule revives on 2026-11-10.',
    source: S.affiliates,
    debatable: true,
  },
  {
    id: 'C67',
    profile: 'sgNeo',
    chip: 'nvidia-h100',
    place: 'sg',
    date: '2025-10-15',
    expect: { status: 'allowed', deciders: { 'us-entity-list': [] } },
    why: 'The affiliates rule reaches only listed parties and their ≥50% affiliates.',
    source: S.affiliates,
  },
  // --- H200 after the January 2026 rule ---
  {
    id: 'C68',
    profile: 'usHyper',
    chip: 'nvidia-h200',
    place: 'beijing',
    date: '2026-02-01',
    expect: {
      status: 'licence_required',
      deciders: { 'us-destination': ['us-2026-01-15-h200-case-by-case'] },
      notDeciding: ['us-2022-10-07-advanced-computing', 'us-2023-10-17-advanced-computing'],
      confidence: 'rule',
    },
    why: 'The January 2026 rule moves review of H200-class exports to China and Macau from a presumption of denial to case-by-case: a licence is still required, but not under denial. The 2022 text, rewritten by the 2023 rule, must not come back.',
    source: `${S.h200Rule} ${S.oct2023}`,
  },
  {
    id: 'C69',
    profile: 'usHyper',
    chip: 'nvidia-h200',
    place: 'beijing',
    date: '2026-02-01',
    floor: 'rule',
    expect: {
      status: 'licence_required',
      deciders: { 'us-destination': ['us-2026-01-15-h200-case-by-case'] },
      confidence: 'rule',
    },
    why: 'The 2026 change is rule text, so it also holds when only rules count.',
    source: S.h200Rule,
  },
  {
    id: 'C70',
    profile: 'usHyper',
    chip: 'nvidia-h200',
    place: 'hk',
    date: '2026-02-01',
    expect: { status: 'licence_required', deciders: { 'us-destination': ['us-2026-01-15-h200-case-by-case'] } },
    why: 'Since 85 FR 83765 (Dec 2020) the EAR no longer treats Hong Kong as a destination separate from China. A rule revising the review policy for "China" therefore reaches Hong Kong unless it carves HK out. The seed scopes the 2026 rule to CN and MO only, because the rule does not name HK.',
    source: `${S.h200Rule} 85 FR 83765 (2020-12-23), removal of Hong Kong as a separate destination under the EAR.`,
    debatable: true,
  },
];

export const SITE_CASES: SiteCase[] = [
  {
    id: 'S01',
    profile: 'cnRented',
    place: 'sg',
    date: '2025-12-01',
    workload: 'training',
    mode: 'best',
    expect: {
      status: 'conditional',
      chipId: 'nvidia-b200',
      lawfulChipId: 'nvidia-b200',
      lawfulTpp: 36000,
      chipDeciders: {
        'nvidia-b200': { 'us-cloud': ['us-2025-05-13-iaas-training-guidance'], 'us-destination': [] },
      },
    },
    why: 'Seed story: a China-HQ private lab renting Nvidia frontier capacity from a non-Chinese operator in Singapore may do so, on the IaaS guidance’s conditions.',
    source: `${S.iaas} FT via Tom's Hardware (2025-11); domain-facts correction 8.`,
  },
  {
    id: 'S02',
    profile: 'cnRented',
    place: 'kulai',
    date: '2025-12-01',
    workload: 'training',
    mode: 'best',
    expect: {
      status: 'conditional',
      chipId: 'nvidia-b200',
      lawfulChipId: 'nvidia-b200',
      lawfulTpp: 36000,
      chipDeciders: { 'nvidia-b200': { 'us-cloud': ['us-2025-05-13-iaas-training-guidance'], 'my-trade': [] } },
      notDeciding: ['my-2025-07-14-strategic-trade-permit'],
    },
    why: 'Seed story in Johor: conditional through us-cloud, and never through the Malaysian STP.',
    source: `${S.iaas} ${S.stp}`,
  },
  {
    id: 'S03',
    profile: 'cnRented',
    place: 'beijing',
    date: '2025-12-01',
    workload: 'training',
    mode: 'best',
    expect: {
      status: 'licence_denial',
      chipId: 'nvidia-b200',
      lawfulChipId: null,
      lawfulTpp: 0,
      chipDeciders: { 'nvidia-b200': { 'us-destination': ['us-2023-10-17-advanced-computing'] } },
    },
    why: 'Seed story: not in mainland China. Every frontier chip is under a presumption of denial there, whoever rents it (H200 approval only from 2025-12-08).',
    source: `${S.oct2023} Domain-facts correction 6.`,
  },
  {
    id: 'S04',
    profile: 'cnRented',
    place: 'hk',
    date: '2025-12-01',
    workload: 'training',
    mode: 'best',
    expect: { status: 'licence_denial', chipId: 'nvidia-b200', lawfulChipId: null, lawfulTpp: 0 },
    why: 'Seed story: not in Hong Kong either.',
    source: `${S.oct2023} Domain-facts correction 6.`,
  },
  {
    id: 'S05',
    profile: 'cnState',
    place: 'beijing',
    date: '2025-12-01',
    workload: 'training',
    mode: 'best',
    expect: {
      status: 'allowed',
      chipId: 'huawei-ascend-910c',
      lawfulChipId: 'huawei-ascend-910c',
      lawfulTpp: chipOf('huawei-ascend-910c').tpp ?? null,
    },
    why: 'A state-funded workload in China must go domestic: best mode picks the Ascend (the strongest domestic chip in the profile, or the first one when no TPP is known). lawfulTpp is whatever TPP the catalogue gives the 910C.',
    source: `${S.stateFunded} ${S.gp10}`,
  },
  {
    id: 'S06',
    profile: 'cnState',
    place: 'beijing',
    date: '2025-12-01',
    workload: 'training',
    mode: 'all',
    expect: { status: 'prohibited', chipId: 'nvidia-h20' },
    why: 'Fleet view: the H20 in the list is barred by the mandate.',
    source: S.stateFunded,
  },
  {
    id: 'S07',
    profile: 'cnOwned',
    place: 'beijing',
    date: '2025-12-01',
    workload: 'inference',
    mode: 'best',
    expect: { status: 'allowed', chipId: 'huawei-ascend-910c' },
    why: 'Best lawful inference option in Beijing is domestic.',
    source: `${S.gp10} ${S.rtx}`,
  },
  {
    id: 'S08',
    profile: 'cnOwned',
    place: 'beijing',
    date: '2025-12-01',
    workload: 'inference',
    mode: 'all',
    expect: { status: 'prohibited', chipId: 'nvidia-rtx-pro-6000d' },
    why: 'All mode: the RTX Pro 6000D (reported CAC cancellation) is the most restricted.',
    source: S.rtx,
  },
  {
    id: 'S09',
    profile: 'cnOwned',
    place: 'beijing',
    date: '2025-12-01',
    workload: 'training',
    mode: 'all',
    expect: { status: 'licence_denial', chipId: 'nvidia-h200' },
    why: 'Before the H200 announcement the H200 is under a presumption of denial in China: the worst chip of the list.',
    source: S.oct2023,
  },
  {
    id: 'S10',
    profile: 'bytedance',
    place: 'beijing',
    date: '2025-12-01',
    workload: 'inference',
    mode: 'best',
    expect: { status: 'allowed', chipId: 'huawei-ascend-910c' },
    why: 'ByteDance’s lawful option in new China DCs is domestic.',
    source: S.bytedance,
  },
  {
    id: 'S11',
    profile: 'bytedance',
    place: 'beijing',
    date: '2025-12-01',
    workload: 'training',
    mode: 'best',
    expect: { status: 'prohibited', chipId: 'nvidia-b200', lawfulChipId: null, lawfulTpp: 0 },
    why: 'All its training chips are Nvidia, all barred by the reported ban; best mode names the strongest.',
    source: S.bytedance,
  },
  {
    id: 'S12',
    profile: 'cnState',
    place: 'beijing',
    date: '2025-12-01',
    workload: 'training',
    mode: 'all',
    floor: 'rule',
    expect: { status: 'licence_required', chipId: 'nvidia-h20' },
    why: 'Rule-only: the state-funded mandate (reported) drops out; H20 remains under the April letter.',
    source: `${S.h20Letter} ${S.stateFunded}`,
  },
  {
    id: 'S13',
    profile: 'usHyper',
    place: 'beijing',
    date: '2025-12-15',
    workload: 'training',
    mode: 'best',
    expect: { status: 'conditional', chipId: 'nvidia-h200', lawfulChipId: 'nvidia-h200', lawfulTpp: 15832 },
    why: 'After 2025-12-08, counting announcements, H200 is the best lawful option; B200 and MI325X remain under denial.',
    source: S.h200,
  },
  {
    id: 'S14',
    profile: 'usHyper',
    place: 'beijing',
    date: '2025-12-15',
    workload: 'training',
    mode: 'best',
    floor: 'rule',
    expect: { status: 'licence_denial', chipId: 'nvidia-b200', lawfulChipId: null, lawfulTpp: 0 },
    why: 'On rule text alone, every frontier chip stays under denial; best mode names the strongest.',
    source: S.h200,
  },
  {
    id: 'S15',
    profile: 'cnRented',
    place: 'sg',
    date: '2025-12-01',
    workload: 'inference',
    mode: 'all',
    expect: { status: 'conditional', chipId: 'nvidia-h200' },
    why: 'Renting in Singapore: both H200 and H20 are conditional under the IaaS guidance (the HQ halves reach owned hardware only); ties keep the first chip.',
    source: S.iaas,
  },
];

// ---- checks -------------------------------------------------------------------------------------

const rank = (s: LegalityStatus): number => LEGALITY_ORDER.indexOf(s);

function regimeDeciders(r: ChipLegality, regime: PolicyRegime): string[] {
  const v = r.regimes.find((x) => x.regime === regime);
  return v === undefined || v.status === null ? [] : [...v.deciders].sort();
}

function checkChip(r: ChipLegality, e: Expect, label = ''): string[] {
  const out: string[] = [];
  const okStatus = e.atLeast === true ? rank(r.status) >= rank(e.status) : r.status === e.status;
  if (!okStatus) out.push(`${label}status: expected ${e.atLeast === true ? '≥' : ''}${e.status}, got ${r.status}`);
  for (const [regime, ids] of Object.entries(e.deciders ?? {}) as [PolicyRegime, string[]][]) {
    const got = regimeDeciders(r, regime);
    const want = [...ids].sort();
    if (got.join(',') !== want.join(','))
      out.push(`${label}${regime} deciders: expected [${want.join(', ')}], got [${got.join(', ')}]`);
  }
  for (const [regime, ids] of Object.entries(e.decidersInclude ?? {}) as [PolicyRegime, string[]][]) {
    const got = regimeDeciders(r, regime);
    const missing = ids.filter((id) => !got.includes(id));
    if (missing.length > 0)
      out.push(`${label}${regime} deciders lack [${missing.join(', ')}]; got [${got.join(', ')}]`);
  }
  const all = r.regimes.flatMap((v) => (v.status === null ? [] : v.deciders));
  for (const id of e.notDeciding ?? []) if (all.includes(id)) out.push(`${label}${id} must not decide, but does`);
  if (e.confidence !== undefined && r.confidence !== e.confidence)
    out.push(`${label}confidence: expected ${e.confidence}, got ${r.confidence}`);
  return out;
}

const summary = (r: ChipLegality): string =>
  `${r.chipId}: ${r.status} | ${r.regimes
    .filter((v) => v.status !== null)
    .map((v) => `${v.regime}=${v.status}[${v.deciders.join(',')}]`)
    .join(' ')}`;

describe('legality cases written from the rules', () => {
  it('has at least 45 cases', () => {
    expect(CHIP_CASES.length + SITE_CASES.length).toBeGreaterThanOrEqual(45);
    const ids = [...CHIP_CASES, ...SITE_CASES].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.each(CHIP_CASES)('$id', (c) => {
    it(`${c.debatable === true ? '[debatable] ' : ''}${c.profile} × ${c.chip} × ${c.place} × ${c.date}${c.floor ? ` (floor ${c.floor})` : ''}`, () => {
      const r = chipLegality(PROFILES[c.profile], chipOf(c.chip), PLACES[c.place], seedPolicyEvents, c.date, {
        confidenceFloor: c.floor ?? 'reported',
      });
      const problems = checkChip(r, c.expect);
      expect(
        problems,
        `${c.id}: ${c.why}\n  source: ${c.source}\n  engine: ${summary(r)}\n  reason: ${r.reason}`,
      ).toEqual([]);
    });
  });

  describe.each(SITE_CASES)('$id', (c) => {
    it(`${c.debatable === true ? '[debatable] ' : ''}${c.profile} × ${c.workload}/${c.mode} × ${c.place} × ${c.date}${c.floor ? ` (floor ${c.floor})` : ''}`, () => {
      const r = siteLegality(PROFILES[c.profile], seedChips, PLACES[c.place], seedPolicyEvents, c.date, {
        workload: c.workload,
        mode: c.mode,
        confidenceFloor: c.floor ?? 'reported',
      });
      const problems: string[] = [];
      if (r.status !== c.expect.status) problems.push(`status: expected ${c.expect.status}, got ${r.status}`);
      if (r.chipId !== c.expect.chipId) problems.push(`chipId: expected ${c.expect.chipId}, got ${r.chipId}`);
      if (c.expect.lawfulChipId !== undefined && r.lawfulChipId !== c.expect.lawfulChipId)
        problems.push(`lawfulChipId: expected ${c.expect.lawfulChipId}, got ${r.lawfulChipId}`);
      if (c.expect.lawfulTpp !== undefined && r.lawfulTpp !== c.expect.lawfulTpp)
        problems.push(`lawfulTpp: expected ${c.expect.lawfulTpp}, got ${r.lawfulTpp}`);
      for (const [chipId, deciders] of Object.entries(c.expect.chipDeciders ?? {})) {
        const cr = r.chips.find((x) => x.chipId === chipId);
        if (cr === undefined) problems.push(`no result for ${chipId}`);
        else problems.push(...checkChip(cr, { status: cr.status, deciders }, `${chipId} `));
      }
      for (const id of c.expect.notDeciding ?? [])
        for (const cr of r.chips)
          if (cr.regimes.some((v) => v.status !== null && v.deciders.includes(id)))
            problems.push(`${id} must not decide (${cr.chipId}), but does`);
      expect(
        problems,
        `${c.id}: ${c.why}\n  source: ${c.source}\n  engine: ${r.status} via ${r.chipId}; ${r.chips.map(summary).join(' || ')}`,
      ).toEqual([]);
    });
  });
});

// ---- properties ---------------------------------------------------------------------------------

const EFFECTS: readonly PolicyEffect[] = PolicyEffectSchema.options;
const BINDING_EFFECTS = EFFECTS.filter((e) => e !== 'informational');
const REGIME_LIST: readonly PolicyRegime[] = PolicyRegimeSchema.options;
const TIERS: readonly PolicyConfidence[] = PolicyConfidenceSchema.options;
const DEST_POOL = [
  'CN',
  'CN-BJ',
  'CN-SH',
  'HK',
  'MO',
  'SG',
  'MY',
  'MY-01',
  'MY-10',
  'JP',
  'JP-13',
  'IN',
  'IN-MH',
  'US',
  'US-VA',
  'US-CA',
  'RU',
  'AE',
  'VN',
  'KR',
  'TH',
  'ID-RI',
];
const CHIP_IDS = seedChips.map((c) => c.id);

const DAY0 = Date.UTC(2018, 0, 1);
const isoDay = (n: number): string => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);
const dayArb = fc.integer({ min: 0, max: 365 * 9 });

const blankScope = policyScope;

const mkEvent = (p: Partial<PolicyEvent> & Pick<PolicyEvent, 'id' | 'scope' | 'effect' | 'regime'>): PolicyEvent => ({
  issuer: 'US',
  title: `property event ${p.id}`,
  publishedDate: null,
  effectiveDate: '2018-01-01',
  complianceDate: null,
  endDate: null,
  condition: '',
  links: [],
  confidence: 'rule',
  source: { title: 'property test', url: 'https://example.com/' },
  note: '',
  ...p,
});

const verdict = (r: ChipLegality) => ({
  status: r.status,
  confidence: r.confidence,
  regimes: r.regimes
    .filter((v) => v.status !== null)
    .map((v) => `${v.regime}:${v.status}:${[...v.deciders].sort().join(',')}`)
    .sort(),
});

const caseArb = fc.constantFrom(...CHIP_CASES);
const floorArb = fc.constantFrom<PolicyConfidence>(...TIERS);

describe('property: an unrelated event never changes an answer', () => {
  it('a different chip, or a destination elsewhere, leaves every case as it was', () => {
    fc.assert(
      fc.property(
        caseArb,
        floorArb,
        fc.boolean(),
        fc.constantFrom(...EFFECTS),
        fc.constantFrom(...REGIME_LIST),
        fc.constantFrom(...TIERS),
        dayArb,
        fc.option(fc.integer({ min: 1, max: 3000 }), { nil: null }),
        fc.constantFrom(...CHIP_IDS),
        fc.constantFrom(...DEST_POOL),
        fc.option(fc.constantFrom(...seedPolicyEvents.map((e) => e.id)), { nil: null }),
        fc.constantFrom<PolicyScope['deployment']>('any', 'owned', 'rented'),
        (c, floor, byChip, effect, regime, tier, start, span, otherChip, dest, amendTarget, deployment) => {
          const place = PLACES[c.place];
          let scope: PolicyScope;
          if (byChip) {
            const chipId = otherChip === c.chip ? (CHIP_IDS.find((id) => id !== c.chip) ?? 'no-such-chip') : otherChip;
            scope = blankScope({ chips: [chipId], deployment });
          } else {
            const d = dest === place.country || dest === place.jurisdictionCode ? 'ZA' : dest;
            scope = blankScope({ destinations: [d], deployment });
          }
          const extra = mkEvent({
            id: 'prop-unrelated',
            regime,
            effect,
            scope,
            confidence: tier,
            effectiveDate: isoDay(start),
            endDate: span === null ? null : isoDay(start + span),
            links:
              amendTarget === null
                ? []
                : [{ kind: 'amends', eventId: amendTarget, reason: 'property test: scoped amendment' }],
          });
          const args = [PROFILES[c.profile], chipOf(c.chip), place] as const;
          const before = chipLegality(...args, seedPolicyEvents, c.date, { confidenceFloor: floor });
          const after = chipLegality(...args, [...seedPolicyEvents, extra], c.date, { confidenceFloor: floor });
          expect(verdict(after)).toEqual(verdict(before));
        },
      ),
      { numRuns: 600 },
    );
  });
});

describe('property: a stricter event never makes an answer more permissive', () => {
  it('adding a binding event that reaches the case, in any regime, never lowers the status', () => {
    fc.assert(
      fc.property(
        caseArb,
        floorArb,
        fc.constantFrom(...BINDING_EFFECTS),
        fc.constantFrom(...REGIME_LIST),
        fc.constantFrom(...TIERS),
        fc.integer({ min: 0, max: 2000 }),
        fc.option(fc.integer({ min: 1, max: 2000 }), { nil: null }),
        fc.record({
          chip: fc.boolean(),
          dest: fc.constantFrom('none', 'country', 'subdivision'),
          hq: fc.boolean(),
          state: fc.boolean(),
          listed: fc.boolean(),
          company: fc.boolean(),
          deployment: fc.boolean(),
        }),
        fc.option(
          fc.record({
            kind: fc.constantFrom<'amends' | 'supersedes'>('amends', 'supersedes'),
            target: fc.constantFrom(...seedPolicyEvents.map((e) => e.id)),
          }),
          { nil: null },
        ),
        (c, floor, effect, regime, tier, back, forward, pick, link) => {
          const profile = PROFILES[c.profile];
          const place = PLACES[c.place];
          const caseDay = Math.round((Date.parse(`${c.date}T00:00:00Z`) - DAY0) / 86_400_000);
          const scope = blankScope({
            chips: pick.chip ? [c.chip] : [],
            destinations:
              pick.dest === 'country'
                ? [place.country]
                : pick.dest === 'subdivision' && place.jurisdictionCode
                  ? [place.jurisdictionCode]
                  : [],
            companyHq: pick.hq ? [profile.hqCountry] : [],
            stateFunded: pick.state ? profile.stateFunded : null,
            entityListed: pick.listed ? profile.entityListed : null,
            companies: pick.company && profile.namedCompany ? [profile.namedCompany] : [],
            deployment: pick.deployment ? profile.deployment : 'any',
          });
          // Only a link to an event of the same regime that is no stricter than the new one: the new
          // event then replaces something milder, which must never loosen the answer.
          const target = link === null ? undefined : seedPolicyEvents.find((e) => e.id === link.target);
          const targetStatus = target === undefined ? null : statusOfEffect(target.effect);
          const newStatus = statusOfEffect(effect) ?? 'allowed';
          const linkOk =
            link !== null &&
            target !== undefined &&
            target.regime === regime &&
            (targetStatus === null || rank(targetStatus) <= rank(newStatus));
          const extra = mkEvent({
            id: 'prop-stricter',
            regime,
            effect,
            scope,
            confidence: tier,
            effectiveDate: isoDay(Math.max(0, caseDay - back)),
            endDate: forward === null ? null : isoDay(caseDay + forward),
            links: linkOk
              ? [{ kind: link.kind, eventId: link.target, reason: 'property test: stricter replacement' }]
              : [],
          });
          const before = chipLegality(profile, chipOf(c.chip), place, seedPolicyEvents, c.date, {
            confidenceFloor: floor,
          });
          const after = chipLegality(profile, chipOf(c.chip), place, [...seedPolicyEvents, extra], c.date, {
            confidenceFloor: floor,
          });
          expect(
            rank(after.status),
            `${c.id} ${before.status} → ${after.status} with ${JSON.stringify(extra.scope)} ${effect}`,
          ).toBeGreaterThanOrEqual(rank(before.status));
          // The same at the site level, in both modes.
          for (const mode of ['best', 'all'] as const) {
            const settings = { workload: 'training' as const, mode, confidenceFloor: floor };
            const p = { ...profile, trainingChips: [c.chip, ...profile.trainingChips.filter((x) => x !== c.chip)] };
            const sb = siteLegality(p, seedChips, place, seedPolicyEvents, c.date, settings);
            const sa = siteLegality(p, seedChips, place, [...seedPolicyEvents, extra], c.date, settings);
            expect(rank(sa.status)).toBeGreaterThanOrEqual(rank(sb.status));
          }
        },
      ),
      { numRuns: 600 },
    );
  });
});
