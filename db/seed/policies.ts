// The policy timeline: every row of reference section A (2019–2025), with a structured scope the
// legality engine evaluates. Where a row holds parts that reach different parties (a destination
// rule and a rule on China-headquartered firms anywhere), it becomes one event per part, all citing
// the row's first source, so each scope stays a plain conjunction.
//
// How a scope reads:
// - a chip is in scope when `chips` names it or `chipClasses` holds its class; both empty = every chip;
// - every other list is a filter, empty = any; a country in `destinations` covers its subdivisions;
// - a null flag (stateFunded, entityListed) means the event does not depend on it.
// Dates: effective_date is the first day an event applies, end_date the first day it no longer
// does (exclusive; null = still in force); published_date is when the text or statement came out and
// compliance_date a later day from which compliance was required, where the source gives them.
// Where the reference gives only a year, month or quarter, the first day of it is used and the note
// says so; where it gives two days, the first is used.
// Regimes (shared/model/policy.ts) are cumulative; within a regime an event ends another only through
// an explicit link with its reason. Confidence: 'rule' (official text), 'announced' (an official
// statement without rule text), 'reported' (press only).
// Non-chip rules (moratoria, tariffs, planning guidelines) are 'site-rules' and 'informational': they
// never make a chip illegal. Press reports about usage are 'context'.
import type { ChipClass } from '../../shared/model/chips';
import { policyScope, type PolicyEvent } from '../../shared/model/policy';

const scope = policyScope;

/** US-origin accelerators in the catalogue: the frontier chips and their China variants. */
const US_ORIGIN: ChipClass[] = ['frontier_controlled', 'china_export_variant'];
/** China as US export rules treat it (the reference's chip table: China/HK/Macau). */
const GREATER_CHINA = ['CN', 'HK', 'MO'];
/**
 * The headquarters rules govern exports to China-headquartered companies "wherever located" outside
 * the United States: hardware a company holds inside the US was never exported (BIS guidance of
 * 2026-05-31 speaks of "all destinations outside the United States").
 */
const NOT_AN_EXPORT = ['US'];
const NVIDIA = [
  'nvidia-a100',
  'nvidia-a800',
  'nvidia-h100',
  'nvidia-h800',
  'nvidia-h20',
  'nvidia-h200',
  'nvidia-b200',
  'nvidia-b30a',
  'nvidia-rtx-pro-6000d',
];
const MONTH_ONLY = 'The reference gives only the month; the first of the month is used.';
const LISTING =
  'Exports of US-origin items to a listed party need a BIS licence, reviewed under a presumption of denial';

type Optional = 'endDate' | 'condition' | 'note' | 'confidence' | 'publishedDate' | 'complianceDate' | 'links';
type Draft = Omit<PolicyEvent, Optional> & Partial<Pick<PolicyEvent, Optional>>;

const event = (d: Draft): PolicyEvent => ({
  endDate: null,
  condition: '',
  note: '',
  confidence: 'rule',
  publishedDate: null,
  complianceDate: null,
  links: [],
  ...d,
});

const BIS_2022 = {
  title:
    'BIS press release: Commerce implements new export controls on advanced computing and semiconductor manufacturing items',
  url: 'https://bis.gov/press-release/commerce-implements-new-export-controls-advanced-computing-and-semiconductor',
};
const BIS_2023 = {
  title: 'BIS press release: Commerce strengthens restrictions on advanced computing semiconductors',
  url: 'https://bis.gov/press-release/commerce-strengthens-restrictions-advanced-computing-semiconductors-semiconductor',
};
const ALSTON_2025 = {
  title: 'Alston & Bird: Commerce rescinds AI Diffusion Rule, releases other guidance involving overseas AI chips',
  url: 'https://alstontrade.com/commerce-rescinds-ai-diffusion-rule-releases-other-guidance-involving-overseas-ai-chips',
};

// Nvidia's Form 8-K disclosures, read through articles that quote them (no sec.gov copy was stored).
const NVIDIA_8K_2022 = {
  title:
    'Shacknews: Nvidia exports face new US government license requirements for China and Hong Kong (quotes the 8-K)',
  url: 'https://shacknews.com/article/132106/nvidia-exports-us-government-license-requirements-china-hong-kong?amphtml=1',
};
const NVIDIA_8K_2023 = {
  title:
    'Ars Technica via reprint: US surprises Nvidia by speeding up new AI chip export ban (quotes the 8-K of 2023-10-24)',
  url: 'https://greatretirementdelight.com/2023/10/24/us-surprises-nvidia-by-speeding-up-new-ai-chip-export-ban',
};
const NVIDIA_8K_2025 = {
  title: 'Scenari Economici: Nvidia falls after US announces H20 export limits (translates the 8-K of 2025-04-15)',
  url: 'https://scenarieconomici.it/nvidia-cade-in-borsa-dopo-che-gli-usa-annunciano-limiti-allexport-dei-chip-h20/',
};
const SAMR_2025 = {
  title: 'JD Supra: A procedural analysis of China’s SAMR investigation of Nvidia',
  url: 'https://www.jdsupra.com/legalnews/a-procedural-analysis-of-china-s-6334927/',
};
/**
 * The January 2026 rule's case-by-case review reaches chips under TPP 21,000 and DRAM bandwidth
 * 6,500 GB/s, naming H200 and MI325X "and their functional or lesser equivalents" (Morgan Lewis,
 * 2026-01): H100, H800, A100 and A800 fall inside; B200 and B30A do not.
 */
const H200_CLASS = ['nvidia-h200', 'amd-mi325x', 'nvidia-h100', 'nvidia-h800', 'nvidia-a100', 'nvidia-a800'];
const H200_RULE_2026 = {
  title:
    'Federal Register 2026-00789 (91 FR 1684): revision of license review policy for advanced computing commodities to China and Macau',
  url: 'https://www.govinfo.gov/content/pkg/FR-2026-01-15/html/2026-00789.htm',
};

export const seedPolicyEvents: readonly PolicyEvent[] = [
  event({
    id: 'us-2019-05-huawei-entity-list',
    issuer: 'US',
    regime: 'us-entity-list',
    title: 'Huawei added to the BIS Entity List',
    publishedDate: '2019-05-21',
    effectiveDate: '2019-05-16',
    effect: 'licence_presumption_denial',
    condition: `${LISTING} (Huawei, later maker of Ascend)`,
    scope: scope({ chipClasses: US_ORIGIN, entityListed: true }),
    source: {
      title: 'Akin Gump: Commerce adds Huawei, its non-US affiliates worldwide and others to the Entity List',
      url: 'https://www.akingump.com/en/news-insights/commerce-adds-huawei-its-non-us-affiliates-worldwide-and-others.html',
    },
    note: "Announced 2019-05-15 (press release); effective 2019-05-16 at 4:15 pm ET; published in the Federal Register 2019-05-21 (84 FR 22961). The reference dates it only '2019-05' and cites https://www.convergedigest.com/2020/02/department-of-commerce-issues-45-day.html. Listed parties are matched by the company profile's entityListed flag.",
  }),
  event({
    id: 'us-2019-06-24-hpc-entity-list',
    issuer: 'US',
    regime: 'us-entity-list',
    title: 'Sugon, Hygon and Wuxi Jiangnan added to the Entity List (exascale HPC)',
    effectiveDate: '2019-06-24',
    effect: 'licence_presumption_denial',
    condition: `${LISTING} (Chinese HPC vendors)`,
    scope: scope({ chipClasses: US_ORIGIN, entityListed: true }),
    source: {
      title: 'Baker McKenzie Sanctions News: US adds five Chinese supercomputer entities to the Entity List',
      url: 'https://sanctionsnews.bakermckenzie.com/us-government-adds-five-chinese-entities-associated-with-supercomputer-development-to-entity-list/',
    },
  }),
  event({
    id: 'sg-2019-dc-moratorium',
    issuer: 'SG',
    regime: 'site-rules',
    title: 'Moratorium on new data-centre builds while growth is reviewed',
    effectiveDate: '2019-01-01',
    endDate: '2022-01-01',
    effect: 'informational',
    condition: 'No new data-centre builds',
    scope: scope({ destinations: ['SG'] }),
    source: {
      title: 'Global Compliance News: Singapore pilot call for application to build green data centres',
      url: 'https://www.globalcompliancenews.com/2022/04/10/singapore-pilot-call-for-application-to-build-green-data-centres230322/',
    },
    note: 'The reference gives only the year; 1 January is used. Ended by the 2022 pilot call for application (sg-2022-dc-cfa-pilot).',
  }),
  event({
    id: 'us-2021-04-08-supercomputing-entity-list',
    issuer: 'US',
    regime: 'us-entity-list',
    title: 'Seven supercomputing entities listed (Phytium, Sunway, four National Supercomputing Centers)',
    effectiveDate: '2021-04-08',
    effect: 'licence_presumption_denial',
    condition: `${LISTING} (PRC HPC)`,
    scope: scope({ chipClasses: US_ORIGIN, entityListed: true }),
    source: {
      title: 'CM Trade Law: BIS adds Chinese supercomputing centers and companies to the Entity List',
      url: 'https://www.cmtradelaw.com/2021/04/bis-adds-chinese-supercomputing-centers-and-companies-to-entity-list/',
    },
  }),
  event({
    id: 'id-2021-06-12-nongsa-sez',
    issuer: 'ID',
    regime: 'site-rules',
    title: 'Nongsa Digital Park (Batam) approved as a special economic zone',
    effectiveDate: '2021-06-12',
    effect: 'informational',
    condition: 'SEZ incentives for Batam data centres; Batam has been a free-trade zone since 2009',
    scope: scope({ destinations: ['ID-RI'] }),
    source: {
      title: 'ASEAN Briefing: Batam receives two new special economic zones',
      url: 'https://www.aseanbriefing.com/news/indonesias-batam-receives-two-new-special-economic-zones/',
    },
  }),
  event({
    id: 'sg-2022-dc-cfa-pilot',
    issuer: 'SG',
    regime: 'site-rules',
    title: 'Moratorium ends; pilot Data Centre Call for Application (DC-CFA)',
    effectiveDate: '2022-01-01',
    effect: 'informational',
    condition:
      'New DCs by application only: 10–60 MW IT load, PUE ≤1.3, Green Mark Platinum, grid draw capped at 10 MW until end-2025',
    scope: scope({ destinations: ['SG'] }),
    source: {
      title: 'Cushman & Wakefield, APAC Data Centre Update H2 2022 (p.4)',
      url: 'https://cushwake.cld.bz/apac-dc-h2-2022-update/4/',
    },
    note: 'The reference dates it "2022 (Q1–Jul)"; the first day of that span is used.',
  }),
  event({
    id: 'cn-2022-02-17-east-data-west',
    issuer: 'CN',
    regime: 'site-rules',
    title: '"East Data West Computing": 8 national compute hubs and 10 data-centre clusters',
    effectiveDate: '2022-02-17',
    effect: 'informational',
    condition:
      'Hubs: Beijing-Tianjin-Hebei, Yangtze Delta, Greater Bay Area, Chengdu-Chongqing, Inner Mongolia, Guizhou, Gansu, Ningxia',
    scope: scope({ destinations: ['CN'] }),
    source: {
      title: 'Science and Technology Daily: "East Data West Computing" national hubs',
      url: 'https://digitalpaper.stdaily.com/http_www.kjrb.com/ywtk/html/2022-02/24/content_531141.htm?div=-1',
    },
  }),
  event({
    id: 'us-2022-08-26-a100-h100-letter',
    issuer: 'US',
    regime: 'us-is-informed',
    title: 'US government letter to Nvidia: licence required for A100 and H100 to China and Hong Kong',
    publishedDate: '2022-08-31',
    effectiveDate: '2022-08-26',
    effect: 'licence_required',
    condition:
      'Exports of A100 and H100 (and systems with them) to China, including Hong Kong, and Russia need a licence',
    scope: scope({ chips: ['nvidia-a100', 'nvidia-h100'], destinations: ['CN', 'HK'] }),
    source: NVIDIA_8K_2022,
    note: 'An "is-informed" letter, disclosed in Nvidia’s Form 8-K of 2022-08-31; it preceded the 2022-10-07 rule, which did not withdraw it. AMD received a similar letter for MI250 (not in the catalogue).',
  }),
  event({
    id: 'us-2022-10-07-advanced-computing',
    issuer: 'US',
    regime: 'us-destination',
    title: 'New ECCNs 3A090/4A090: licence needed for advanced AI chips to China and Macau',
    effectiveDate: '2022-10-21',
    effect: 'licence_presumption_denial',
    condition: 'Chips at TPP ≥4800 with ≥600 GB/s interconnect (A100, H100 and later frontier chips)',
    scope: scope({ chipClasses: ['frontier_controlled'], destinations: GREATER_CHINA }),
    source: BIS_2022,
    publishedDate: '2022-10-13',
    note: 'Released 2022-10-07 and published 2022-10-13 (87 FR 62186); the 3A090/4A090 classifications and their China licence requirement took effect on 2022-10-21 (only the 3B090 equipment controls took effect on 10-07; C.H. Robinson trade alert of 2022-10-26, EY Tax News 2022-1591). Until then the 2022-08-26 letter governs A100/H100. The reference row names China/Macau; Hong Kong is included because US export controls have treated it as China since 2020. Also foreign direct product rules, and 28 entities get Footnote 4. A800/H800 were designed to sit under the threshold (us-2022-10-07-below-threshold). Superseded by the October 2023 rule, which rewrote 3A090.',
  }),
  event({
    id: 'us-2022-10-07-below-threshold',
    issuer: 'US',
    regime: 'us-destination',
    title: 'A800 and H800 sit under the October 2022 interconnect test',
    effectiveDate: '2022-10-21',
    effect: 'informational',
    condition: 'Interconnect cut below 600 GB/s, so outside 3A090 as first written',
    scope: scope({ chips: ['nvidia-a800', 'nvidia-h800'], destinations: GREATER_CHINA }),
    source: { title: 'AI Wiki: Nvidia A800', url: 'https://aiwiki.ai/wiki/nvidia_a800' },
    note: 'Second source of the 2022-10-07 row. Context, not a permission: it explains why no destination rule reached A800/H800 until the US notice of 2023-10-23 (us-2023-10-23-immediate-notice) and the 2023 rule (us-2023-10-17-advanced-computing), which supersedes it. A800 sold from 2022-11.',
  }),
  event({
    id: 'us-2022-12-16-entity-list-cambricon',
    issuer: 'US',
    regime: 'us-entity-list',
    title: '36 entities added to the Entity List, incl. YMTC and Cambricon (Footnote 4)',
    publishedDate: '2022-12-19',
    effectiveDate: '2022-12-16',
    effect: 'licence_presumption_denial',
    condition: `${LISTING} (incl. YMTC and Cambricon, with Footnote 4)`,
    scope: scope({ chipClasses: US_ORIGIN, entityListed: true }),
    source: {
      title: 'International Trade Insights: BIS adds Chinese entities to the Entity List (December 2022)',
      url: 'https://www.internationaltradeinsights.com/2022/12/bis-adds-35-chinese-entities-to-entity-list-for-supporting-chinas-military-modernization-efforts-and-nine-russian-entities-for-failure-to-complete-satisfactory-end-use-checks/',
    },
  }),
  event({
    id: 'sg-2023-07-14-dc-cfa-awards',
    issuer: 'SG',
    regime: 'site-rules',
    title: 'DC-CFA pilot awards about 80 MW: Equinix, GDS, Microsoft, AirTrunk–ByteDance',
    effectiveDate: '2023-07-14',
    effect: 'informational',
    scope: scope({ destinations: ['SG'] }),
    source: {
      title: 'DatacenterDynamics: Singapore selects Equinix, Microsoft, AirTrunk and GDS for 80 MW data center trial',
      url: 'https://www.datacenterdynamics.com/en/news/singapore-selects-equinix-microsoft-airtrunk-and-gds-for-80mw-data-center-trial/',
    },
  }),
  event({
    id: 'us-2023-10-17-advanced-computing',
    issuer: 'US',
    regime: 'us-destination',
    title: 'Advanced-computing rule update: performance-density test; A800 and H800 now barred',
    publishedDate: '2023-10-25',
    effectiveDate: '2023-11-17',
    effect: 'licence_presumption_denial',
    condition: 'TPP ≥4800, or TPP ≥1600 with performance density ≥5.92; the interconnect test is dropped',
    scope: scope({
      chips: ['nvidia-a800', 'nvidia-h800'],
      chipClasses: ['frontier_controlled'],
      destinations: GREATER_CHINA,
    }),
    source: BIS_2023,
    links: [
      {
        kind: 'supersedes',
        eventId: 'us-2022-10-07-advanced-computing',
        reason:
          'The October 2023 rule rewrote ECCN 3A090 and its China licence requirement; the 2022 text no longer applies.',
      },
      {
        kind: 'supersedes',
        eventId: 'us-2022-10-07-below-threshold',
        reason: 'The interconnect test that A800/H800 sat under was dropped.',
      },
    ],
    note: 'Released 2023-10-17, published in the Federal Register 2023-10-25 (88 FR 73458), effective 2023-11-17 (federalstatelaw.com/federal-register/2023-23055). For A100, A800, H100 and H800 the US government made the licence requirement immediate on 2023-10-23 (us-2023-10-23-immediate-notice). Licensing also extended to 40+ further countries (not listed in the reference); the lower "gray-zone" band must be notified.',
  }),
  event({
    id: 'us-2023-10-23-immediate-notice',
    issuer: 'US',
    regime: 'us-is-informed',
    title: 'US government tells Nvidia the October 2023 licence requirements take effect immediately',
    publishedDate: '2023-10-24',
    effectiveDate: '2023-10-23',
    endDate: '2023-11-17',
    effect: 'licence_presumption_denial',
    condition:
      'The October 2023 rule’s licence requirements for A100, A800, H100, H800 and L40S apply at once instead of on 2023-11-17',
    scope: scope({ chips: ['nvidia-a100', 'nvidia-a800', 'nvidia-h100', 'nvidia-h800'], destinations: GREATER_CHINA }),
    source: NVIDIA_8K_2023,
    note: 'Disclosed in Nvidia’s Form 8-K of 2023-10-24. The licence review policy is the rule’s presumption of denial for China. L40S is not in the catalogue. It only brought the rule’s date forward, so it ends on 2023-11-17, when the rule itself (us-2023-10-17-advanced-computing) applies.',
  }),
  event({
    id: 'us-2023-10-23-immediate-notice-hq',
    issuer: 'US',
    regime: 'us-is-informed',
    title: 'The immediate notice also brings forward the licence requirement for China-headquartered buyers anywhere',
    publishedDate: '2023-10-24',
    effectiveDate: '2023-10-23',
    endDate: '2023-11-17',
    effect: 'licence_required',
    condition:
      'From 2023-10-23, supplying A100, A800, H100 or H800 to a company headquartered in (or with an ultimate parent in) China/Macau/D:5, wherever located, needs a licence',
    scope: scope({
      chips: ['nvidia-a100', 'nvidia-a800', 'nvidia-h100', 'nvidia-h800'],
      companyHq: GREATER_CHINA,
      deployment: 'owned',
      exceptDestinations: NOT_AN_EXPORT,
    }),
    source: NVIDIA_8K_2023,
    note: 'Nvidia’s 8-K says "the licensing requirements of the IFR" took effect immediately for these chips; the IFR’s requirements include the headquarters one (us-2023-10-17-china-hq-anywhere), so it is brought forward too.',
  }),
  event({
    id: 'us-2023-10-17-china-hq-anywhere',
    issuer: 'US',
    regime: 'us-headquarters',
    title: 'Advanced-computing licensing extended to firms headquartered in D:5 countries or Macau, wherever they are',
    publishedDate: '2023-10-25',
    effectiveDate: '2023-11-17',
    effect: 'licence_required',
    condition: 'Licence needed to supply these chips to a China-headquartered company anywhere, for its own hardware',
    scope: scope({
      chips: ['nvidia-a800', 'nvidia-h800'],
      chipClasses: ['frontier_controlled'],
      companyHq: GREATER_CHINA,
      deployment: 'owned',
      exceptDestinations: NOT_AN_EXPORT,
    }),
    source: BIS_2023,
    note: 'Part of the 2023-10-17 rule (effective 2023-11-17); a company whose ultimate parent is headquartered there is caught too (the profile says where its parent is). It reaches hardware supplied to the company; capacity the company rents from an operator that owns the hardware is addressed by the 2025-05-13 IaaS guidance. Hong Kong is listed with China (US controls treat it as China since 2020).',
  }),
  event({
    id: 'us-2023-10-17-entity-list-biren-moore-threads',
    issuer: 'US',
    regime: 'us-entity-list',
    title: 'Biren and Moore Threads added to the Entity List',
    publishedDate: '2023-10-19',
    effectiveDate: '2023-10-17',
    effect: 'licence_presumption_denial',
    condition: `${LISTING} (Biren, Moore Threads)`,
    scope: scope({ chipClasses: US_ORIGIN, entityListed: true }),
    source: BIS_2023,
    note: 'A separate Entity List rule of the 2023-10-17 package (88 FR 71991), effective on publication, unlike the advanced-computing rule (2023-11-17).',
  }),
  event({
    id: 'sg-2024-05-30-green-dc-roadmap',
    issuer: 'SG',
    regime: 'site-rules',
    title: 'Green Data Centre Roadmap: at least 300 MW more near term, more with green energy',
    effectiveDate: '2024-05-30',
    effect: 'informational',
    condition: '≥300 MW extra near term, ~200 MW more with green energy; all DCs to reach PUE ≤1.3 within 10 years',
    scope: scope({ destinations: ['SG'] }),
    source: {
      title: 'IMDA factsheet: Charting green growth for data centres in Singapore',
      url: 'https://www.imda.gov.sg/resources/press-releases-factsheets-and-speeches/factsheets/2024/charting-green-growth-for-data-centres-in-sg',
    },
    note: 'Also: straitstimes.com/tech/s-pore-to-expand-data-centre-capacity-by-at-least-one-third-pushes-for-green-energy-use',
  }),
  event({
    id: 'cn-2024-07-23-green-dc-plan',
    issuer: 'CN',
    regime: 'site-rules',
    title: 'Green data-centre action plan: average PUE below 1.5 by 2025',
    effectiveDate: '2024-07-23',
    effect: 'informational',
    condition: 'Average PUE <1.5 by 2025; renewable use +10% a year',
    scope: scope({ destinations: ['CN'] }),
    source: {
      title: "People's Daily: China's green data-centre action plan",
      url: 'http://en.people.cn/n3/2024/0724/c90000-20197481.html',
    },
  }),
  event({
    id: 'my01-2024-08-15-dc-committee',
    issuer: 'MY-01',
    regime: 'site-rules',
    title: 'Johor data-centre coordinating committee set up to write water and power rules',
    effectiveDate: '2024-08-15',
    effect: 'informational',
    scope: scope({ destinations: ['MY-01'] }),
    source: {
      title:
        'The Star: Johor sets up committee to ensure no domestic water supply disruptions as more data centres show interest',
      url: 'https://thestar.com.my/news/nation/2024/08/15/johor-sets-up-committee-to-ensure-no-domestic-water-supply-disruptions-as-more-data-centres-show-interest',
    },
  }),
  event({
    id: 'my-2024-10-10-dc-planning-guidelines',
    issuer: 'MY',
    regime: 'site-rules',
    title: 'National Data Centre Planning Guidelines (KPKT/PLANMalaysia)',
    effectiveDate: '2024-10-10',
    effect: 'informational',
    scope: scope({ destinations: ['MY'] }),
    source: {
      title: 'WargaBiz: KPKT unveils data centre planning guidelines for digital growth',
      url: 'https://wargabiz.com.my/2024/10/10/kpkt-unveils-data-center-planning-guidelines-for-digital-growth/',
    },
  }),
  event({
    id: 'my-2024-12-miti-sustainability-guideline',
    issuer: 'MY',
    regime: 'site-rules',
    title: 'MITI sustainability guideline for data centres (PUE/WUE/CUE), linked to DESAC tax incentives',
    effectiveDate: '2024-12-01',
    effect: 'informational',
    condition: 'Report PUE, WUE and CUE; DESAC tax incentives tied to the guideline',
    scope: scope({ destinations: ['MY'] }),
    source: {
      title: "Skrine: Malaysia's guideline for sustainable development of data centres",
      url: 'https://www.skrine.com/insights/alerts/january-2025/malaysia-s-guideline-for-sustainable-development-o',
    },
    note: MONTH_ONLY,
  }),
  event({
    id: 'us-2024-12-02-hbm-sme',
    issuer: 'US',
    regime: 'us-destination',
    title: 'HBM brought under control; new chip-making-equipment controls; 140 entities added',
    effectiveDate: '2024-12-02',
    effect: 'informational',
    condition:
      'HBM (3A090.c, >2 GB/s/mm²) and SME controlled; Footnote 5 and SME foreign direct product rules; aimed at PRC fabs, not at deploying accelerators',
    scope: scope({ destinations: ['CN'] }),
    source: {
      title:
        'Thompson Hine SmarTrade: BIS seeks to further strengthen export controls targeting China’s semiconductor industry',
      url: 'https://www.thompsonhinesmartrade.com/2024/12/bis-seeks-to-further-strengthen-export-controls-targeting-chinas-advanced-semiconductor-industry/',
    },
    note: 'Also: fashioncounsel.com/perspectives/alerts/summary-biss-december-5-2024-chip-controls',
  }),
  event({
    id: 'cn-2024-12-09-samr-nvidia-probe',
    issuer: 'CN',
    regime: 'cn-market',
    title: 'China’s market regulator (SAMR) opens an antitrust investigation of Nvidia',
    publishedDate: '2024-12-09',
    effectiveDate: '2024-12-09',
    effect: 'informational',
    condition: 'Investigation of Nvidia under the Anti-Monopoly Law (its 2020 Mellanox acquisition)',
    scope: scope({ chips: NVIDIA, destinations: ['CN'] }),
    source: SAMR_2025,
    note: 'Context for the China-side pressure on Nvidia; sets no status.',
  }),
  event({
    id: 'my-2025-01-07-js-sez',
    issuer: 'MY',
    regime: 'site-rules',
    title: 'Johor-Singapore Special Economic Zone signed',
    effectiveDate: '2025-01-07',
    effect: 'informational',
    condition: '5% corporate tax for up to 15 years on eligible new investment in Johor',
    scope: scope({ destinations: ['MY-01'] }),
    source: {
      title: 'Reed Smith: Johor-Singapore Special Economic Zone, a rising cross-border hub for data centers',
      url: 'https://www.reedsmith.com/fr/perspectives/data-centers-bytes-and-rights/2025/06/johor-singapore-special-economic-zone-rising-cross-border-hub-data-centers',
    },
    note: 'Signed by Malaysia and Singapore (the reference lists MY/SG); the incentive is Malaysian and applies in Johor.',
  }),
  event({
    id: 'us-2025-01-13-ai-diffusion',
    issuer: 'US',
    regime: 'us-destination',
    title: 'AI Diffusion interim rule: three country tiers, Tier 2 caps',
    publishedDate: '2025-01-15',
    effectiveDate: '2025-01-13',
    complianceDate: '2025-05-15',
    effect: 'informational',
    condition:
      'Tier 2 (incl. SG, MY, IN) capped at 790M TPP for 2025–27 (~50k H100) from the compliance date 2025-05-15; model-weight control',
    scope: scope({ chipClasses: US_ORIGIN, destinations: ['SG', 'MY', 'IN'] }),
    source: {
      title: 'FR Tracker: Federal Register 2025-00636 (Framework for AI Diffusion)',
      url: 'https://frtracker.app/fr/2025-00636',
    },
    note: 'Published in the Federal Register 2025-01-15. Rescinded 2025-05-13, before the compliance date, so the caps never bound anyone: informational, not a condition. Tier 3 = China incl. HK/Macau, already covered by the 2022/2023 rules. Also: 6699global.com/content/1092.',
  }),
  event({
    id: 'us-2025-01-15-foundry-due-diligence',
    issuer: 'US',
    regime: 'us-entity-list',
    title: 'Foundry due-diligence rule (≤16/14 nm); Sophgo, Zhipu and others listed',
    effectiveDate: '2025-01-15',
    effect: 'licence_presumption_denial',
    condition: `${LISTING} (Sophgo, Zhipu and others); foundries must vet ≤16/14 nm logic customers`,
    scope: scope({ chipClasses: US_ORIGIN, entityListed: true }),
    source: {
      title: 'FR Tracker: Federal Register 2025-00480 (foundry due diligence)',
      url: 'https://frtracker.app/fr/2025-00480',
    },
    note: 'The reference dates it 2025-01-15/16; the first day is used. A TSMC die was found in Ascend 910B (theepochtimes.com/us/us-blacklists-companies-tightens-export-rules-to-prevent-diversion-of-chips-to-china-5792819).',
  }),
  event({
    id: 'sg-2025-02-27-server-fraud-charges',
    issuer: 'SG',
    regime: 'sg-enforcement',
    title: 'Three men charged with fraud over servers (US$390M) routed to Malaysia that may have held Nvidia chips',
    effectiveDate: '2025-02-27',
    effect: 'informational',
    scope: scope({ chipClasses: US_ORIGIN, destinations: ['SG'] }),
    source: {
      title:
        'IBTimes Singapore: Singapore charges 3 including Chinese national after probe into Nvidia server fraud case',
      url: 'https://www.ibtimes.sg/singapore-charges-3-including-chinese-national-after-probe-into-nvidia-server-fraud-case-78755',
    },
    note: 'The reference dates it 2025-02-27/28; the first day is used. Dell and Super Micro servers.',
  }),
  event({
    id: 'us-2025-04-09-h20-licence',
    issuer: 'US',
    regime: 'us-is-informed',
    title: 'Licence required, indefinitely, for H20-class chips to China, HK, Macau and D:5',
    publishedDate: '2025-04-15',
    effectiveDate: '2025-04-09',
    effect: 'licence_required',
    condition: 'Covers H20 and any chip matching its memory or interconnect bandwidth (incl. AMD MI308)',
    scope: scope({ chips: ['nvidia-h20', 'amd-mi308'], destinations: GREATER_CHINA }),
    source: {
      title:
        "Tom's Hardware: Nvidia writes off US$5.5 billion in GPUs as US government chokes off supply of H20s to China",
      url: 'https://www.tomshardware.com/tech-industry/artificial-intelligence/nvidia-writes-off-usd5-5-billion-in-gpus-as-us-govt-chokes-off-supply-of-h20s-to-china',
    },
    note: 'The reference dates it 2025-04-09 / 04-14; the first day is used. A letter to the vendor (Nvidia informed 2025-04-09; told on 2025-04-14 that it holds for the indefinite future; disclosed 2025-04-15). Nvidia took a US$5.5B charge. Amended for these destinations by the announced 2025-08 licences with a 15% revenue share (us-2025-08-10-revenue-share). The same letter reaches companies headquartered in these countries wherever the chips are (us-2025-04-09-h20-licence-hq). D:5 countries beyond China are not among the markets.',
  }),
  event({
    id: 'us-2025-04-09-h20-licence-hq',
    issuer: 'US',
    regime: 'us-is-informed',
    title: 'H20-class licence requirement also reaches companies headquartered in China/D:5, wherever the chips are',
    publishedDate: '2025-04-15',
    effectiveDate: '2025-04-09',
    effect: 'licence_required',
    condition:
      'Licence needed to supply H20-class chips to a company headquartered in, or with an ultimate parent in, China (incl. HK and Macau) or D:5, wherever located',
    scope: scope({
      chips: ['nvidia-h20', 'amd-mi308'],
      companyHq: GREATER_CHINA,
      deployment: 'owned',
      exceptDestinations: NOT_AN_EXPORT,
    }),
    source: NVIDIA_8K_2025,
    note: 'The second half of the April 2025 letter, per Nvidia’s Form 8-K of 2025-04-15. It reaches hardware supplied to the company (owned); the 2025-08 revenue-share announcement amends it only in China, Hong Kong and Macau.',
  }),
  event({
    id: 'us-2025-05-13-diffusion-rescinded',
    issuer: 'US',
    regime: 'us-destination',
    title: 'AI Diffusion rule rescinded (not enforced)',
    effectiveDate: '2025-05-13',
    confidence: 'announced',
    effect: 'informational',
    condition: 'The Tier 2 caps never take effect',
    scope: scope({ chipClasses: US_ORIGIN, destinations: ['SG', 'MY', 'IN'] }),
    source: ALSTON_2025,
    links: [
      {
        kind: 'supersedes',
        eventId: 'us-2025-01-13-ai-diffusion',
        reason:
          'BIS rescinded the AI Diffusion rule before its compliance date and said it would not enforce it (a press release; no rescinding regulation had been published by mid-2026).',
      },
    ],
  }),
  event({
    id: 'us-2025-05-13-gp10-ascend',
    issuer: 'US',
    regime: 'us-prc-chips',
    title: 'Guidance: presumption that PRC 3A090 chips (Ascend 910B/C/D) breach US controls (GP10)',
    effectiveDate: '2025-05-13',
    effect: 'informational',
    condition: 'Using Huawei Ascend 910B/910C/910D risks US enforcement under General Prohibition 10',
    scope: scope({ chips: ['huawei-ascend-910b', 'huawei-ascend-910c', 'huawei-ascend-910d'] }),
    source: ALSTON_2025,
    note: 'Guidance, not a licence rule, so it flags a risk rather than barring the chip. Its wording that use "anywhere" violates controls was later softened (exportcompliancedaily.com, 2025-05-20; blog.freshfields.us/post/102ksla).',
  }),
  event({
    id: 'us-2025-05-13-iaas-training-guidance',
    issuer: 'US',
    regime: 'us-cloud',
    title: 'Guidance: training AI models for D:5 parties, including via offshore cloud (IaaS)',
    effectiveDate: '2025-05-13',
    effect: 'allowed_with_conditions',
    condition:
      'Renting is not barred, but BIS warns against training AI for D:5/Macau-headquartered parties through cloud (IaaS) capacity anywhere: vet the customer and the end use',
    scope: scope({ chipClasses: US_ORIGIN, companyHq: GREATER_CHINA, deployment: 'rented' }),
    source: ALSTON_2025,
    publishedDate: '2025-05-13',
    note: 'Official BIS guidance, summarised by a law firm. It concerns capacity outside China: hardware in China, Hong Kong or Macau stays under the destination controls whoever rents it (regimes are cumulative). The reported pattern of Chinese labs renting in SG/MY (press-2025-11-offshore-training) is subject to it.',
  }),
  event({
    id: 'my-2025-07-01-tnb-tariff',
    issuer: 'MY',
    regime: 'site-rules',
    title: 'New TNB tariff structure: base tariff 45.62 sen/kWh for 2025–27',
    effectiveDate: '2025-07-01',
    effect: 'informational',
    condition: 'Base tariff 45.62 sen/kWh (prior period 39.95); DC power costs said to rise 10–14%',
    scope: scope({ destinations: ['MY'] }),
    source: {
      title: 'The Edge Malaysia: TNB tariff structure from 1 July 2025',
      url: 'https://theedgemalaysia.com/node/741680',
    },
    note: 'Also: daily8.com/en/article/ce7078ddb5187e96274148faae0f05e1',
  }),
  event({
    id: 'my-2025-07-14-strategic-trade-permit',
    issuer: 'MY',
    regime: 'my-trade',
    title: 'Strategic Trade Permit required to export, transship or transit US-origin AI chips',
    effectiveDate: '2025-07-14',
    effect: 'informational',
    condition:
      'A Strategic Trade Permit is needed to export, transship or transit US-origin high-performance AI chips out of Malaysia; running them in a Malaysian data centre needs none',
    scope: scope({ chipClasses: US_ORIGIN, destinations: ['MY'] }),
    source: {
      title: 'DNH: MITI directive on export, transshipment and transit of advanced artificial intelligence chips',
      url: 'https://dnh.com.my/miti-directive-on-export-transshipment-and-transit-of-advanced-artificial-intelligence-chips',
    },
    note: 'Strategic Trade Act s.12; Directive 1/2025; 30-day notice. It binds moving chips out of Malaysia, so it sets no status for a site in Malaysia; it joins the chain as context for the US-origin chips there.',
  }),
  event({
    id: 'my-2025-07-21-dc-task-force',
    issuer: 'MY',
    regime: 'site-rules',
    title: 'Data Centre Task Force: MIDA becomes sole approver for new and expanding data centres',
    effectiveDate: '2025-07-21',
    effect: 'informational',
    condition: 'MIDA approves new and expanding DCs; framework due Oct 2025',
    scope: scope({ destinations: ['MY'] }),
    source: {
      title: 'Baker McKenzie InsightPlus: Malaysia Data Centre Task Force',
      url: 'https://insightplus.bakermckenzie.com/bm/dispatchContent.action?key=BcJlhLtdCv6%2FJTDZxvL23Wm8OzLIPE6YzGAckwosUSmlWlttVf7c5dw%2Fc9jGWruxmzF4%2Fk20N57dQANeLRA943HS9QtdPzFZ&nav=FRbANEucS95NMLRN47z%2BeeOgEFCt8EGQ0qFfoEM4UR4%3D',
    },
  }),
  event({
    id: 'cn-2025-07-31-cac-summons-nvidia',
    issuer: 'CN',
    regime: 'cn-market',
    title: 'Cyberspace Administration of China summons Nvidia over H20 "backdoor" risks',
    effectiveDate: '2025-07-31',
    effect: 'informational',
    scope: scope({ chips: ['nvidia-h20'], destinations: ['CN'] }),
    source: {
      title: 'TRT World: China summons Nvidia over H20 chip security risks',
      url: 'https://www.trtworld.com:443/article/25c7203cf45e',
    },
  }),
  event({
    id: 'us-2025-08-10-revenue-share',
    issuer: 'US',
    regime: 'us-is-informed',
    title: 'H20 and MI308 licences on condition that Nvidia and AMD pay 15% of China revenue',
    publishedDate: '2025-08-11',
    effectiveDate: '2025-08-10',
    confidence: 'announced',
    effect: 'allowed_with_conditions',
    condition: 'Licence granted; the vendor pays 15% of China revenue to the US government',
    scope: scope({ chips: ['nvidia-h20', 'amd-mi308'], destinations: GREATER_CHINA }),
    source: {
      title: 'Business Recorder: Nvidia, AMD to pay 15% of China chip sale revenues to US, official says',
      url: 'https://www.brecorder.com/news/40377292/nvidia-amd-to-pay-15-of-china-chip-sale-revenues-to-us-official-says',
    },
    links: [
      {
        kind: 'amends',
        eventId: 'us-2025-04-09-h20-licence',
        reason:
          'Licences for H20/MI308 sales to China granted on condition of the 15% revenue share, for the destinations this arrangement names.',
      },
      {
        kind: 'amends',
        eventId: 'us-2025-04-09-h20-licence-hq',
        reason:
          'The same licences cover Chinese-headquartered buyers in China; the amendment reaches only the places this arrangement names, so their hardware abroad stays under the letter.',
      },
    ],
    note: 'The reference dates it 2025-08-10/11; the first day is used. Announced by US officials; no rule text was published. It amends both parts of the April letter, but only in China, Hong Kong and Macau: nothing in the source extends it to Chinese-headquartered companies’ hardware outside China (us-2025-04-09-h20-licence-hq still binds there).',
  }),
  event({
    id: 'cn-2025-08-halt-nvidia-orders',
    issuer: 'CN',
    regime: 'cn-procurement',
    title:
      'Chinese firms urged to avoid H20 (especially for government-related work); MIIT asks Alibaba and ByteDance to justify H20 orders',
    effectiveDate: '2025-08-12',
    effect: 'allowed_with_conditions',
    condition: 'H20 (and MI308) purchases discouraged and to be justified to MIIT',
    scope: scope({ chips: ['nvidia-h20', 'amd-mi308'], destinations: ['CN'], companyHq: ['CN'] }),
    confidence: 'reported',
    source: {
      title: 'TechSpot: China bans Nvidia, AMD and Intel AI chips from state-funded data centers',
      url: 'https://www.techspot.com/community/topics/china-bans-nvidia-amd-and-intel-ai-chips-from-state-funded-data-centers.295333/',
    },
    note: 'The reference gives only the month; the notices were reported on 2025-08-12 (Bloomberg and the FT, e.g. livemint 2025-08-12) and targeted H20, not every Nvidia chip. Press reports from unnamed sources; the cited page is the reference’s, which covers the later state-funded ban too.',
  }),
  event({
    id: 'cn-2025-09-17-rtx-pro-6000d-cancel',
    issuer: 'CN',
    regime: 'cn-procurement',
    title: 'CAC orders ByteDance, Alibaba and others to cancel RTX Pro 6000D orders and testing',
    effectiveDate: '2025-09-17',
    effect: 'prohibited',
    condition: 'Orders and testing of RTX Pro 6000D cancelled',
    scope: scope({ chips: ['nvidia-rtx-pro-6000d'], destinations: ['CN'], companyHq: ['CN'] }),
    confidence: 'reported',
    source: {
      title: 'The Decoder: China orders ByteDance and Alibaba to cancel Nvidia AI chip purchases',
      url: 'https://the-decoder.com/china-orders-bytedance-and-alibaba-to-cancel-nvidia-ai-chip-purchases/',
    },
  }),
  event({
    id: 'cn-2025-09-15-samr-preliminary-finding',
    issuer: 'CN',
    regime: 'cn-market',
    title: 'SAMR’s preliminary finding: Nvidia violated the Anti-Monopoly Law',
    publishedDate: '2025-09-15',
    effectiveDate: '2025-09-15',
    effect: 'informational',
    condition: 'Preliminary finding of a violation; the investigation continues',
    scope: scope({ chips: NVIDIA, destinations: ['CN'] }),
    source: SAMR_2025,
    note: 'Context for the China-side pressure on Nvidia; sets no status.',
  }),
  event({
    id: 'us-2025-09-29-affiliates-rule',
    issuer: 'US',
    regime: 'us-entity-list',
    title: '"Affiliates rule": entities at least 50% owned by listed parties are restricted too',
    publishedDate: '2025-09-30',
    effectiveDate: '2025-09-29',
    effect: 'licence_presumption_denial',
    condition: `${LISTING}, now including affiliates ≥50% owned by listed parties`,
    scope: scope({ chipClasses: US_ORIGIN, entityListed: true }),
    source: {
      title: 'Fenwick: BIS suspends Affiliates Rule, lifting restrictions on restricted-party affiliates',
      url: 'https://whatstrending.fenwick.com/post/bis-suspends-affiliates-rule-lifting-restrictions-restricted-party-affiliates',
    },
    note: 'Suspended from 2025-11-10 for one year (us-2025-11-10-affiliates-suspended). A profile flagged entityListed stands for a listed party or one ≥50% owned by listed parties.',
  }),
  event({
    id: 'us-2025-11-10-affiliates-suspended',
    issuer: 'US',
    regime: 'us-entity-list',
    title: 'BIS suspends the Affiliates rule for one year',
    publishedDate: '2025-11-10',
    effectiveDate: '2025-11-10',
    endDate: '2026-11-10',
    effect: 'informational',
    condition: 'The 50% affiliates extension of the Entity List does not apply for one year',
    scope: scope({ chipClasses: US_ORIGIN, entityListed: true }),
    links: [
      {
        kind: 'suspends',
        eventId: 'us-2025-09-29-affiliates-rule',
        reason: 'Suspended for one year from 2025-11-10 (after the US–China trade arrangement of November 2025).',
      },
    ],
    source: {
      title: 'Fenwick: BIS suspends Affiliates Rule, lifting restrictions on restricted-party affiliates',
      url: 'https://whatstrending.fenwick.com/post/bis-suspends-affiliates-rule-lifting-restrictions-restricted-party-affiliates',
    },
    note: 'The end date is one year on, as announced; whether the suspension was extended after 2026-11-10 is not in the seed’s sources.',
  }),
  event({
    id: 'cn-2025-11-05-state-funded-domestic-only',
    issuer: 'CN',
    regime: 'cn-procurement',
    title: 'New state-funded data centres must use domestic AI chips',
    effectiveDate: '2025-11-05',
    effect: 'prohibited',
    condition:
      'Foreign AI chips barred in new state-funded DCs; projects under 30% complete must remove or cancel them',
    scope: scope({ chipClasses: US_ORIGIN, destinations: ['CN'], stateFunded: true }),
    confidence: 'reported',
    source: {
      title: 'StratNews Global: China mandates domestic AI chips for state-funded data centres',
      url: 'https://stratnewsglobal.com/?p=123161',
    },
    note: 'Nvidia, AMD and Intel chips affected; Cambricon, Biren, Moore Threads, MetaX, Enflame and Huawei benefit.',
  }),
  event({
    id: 'th-2025-11-10-boi-dc-approvals',
    issuer: 'TH',
    regime: 'site-rules',
    title: 'BOI approves four data-centre projects (US$3.1B) and new data-centre conditions',
    effectiveDate: '2025-11-10',
    effect: 'informational',
    condition: 'Conditions on PUE and water; EIA fast-track',
    scope: scope({ destinations: ['TH'] }),
    source: {
      title: 'W.Media: Thailand BOI approves four data-centre projects (US$3.1B) and new data-centre conditions',
      url: 'https://w.media/?p=186245',
    },
  }),
  event({
    id: 'my01-2025-11-tier12-halt',
    issuer: 'MY-01',
    regime: 'site-rules',
    title: 'Johor stops approving Tier 1 and Tier 2 data centres over water use',
    effectiveDate: '2025-11-01',
    effect: 'informational',
    condition: 'No more approvals for Tier 1/2 DCs; reclaimed water required; 51 projects approved (RM182.96B)',
    scope: scope({ destinations: ['MY-01'] }),
    confidence: 'reported',
    source: {
      title: 'Asia Daily: Johor halts approvals for Tier 1 and Tier 2 data centres',
      url: 'https://asiadaily.org/?p=10940',
    },
    note: `${MONTH_ONLY} Also: w.media/johor-stops-approving-tier-1-and-tier-2-data-centers-due-to-water-overuse`,
  }),
  event({
    id: 'cn-2025-11-26-bytedance-nvidia-ban',
    issuer: 'CN',
    regime: 'cn-procurement',
    title: 'ByteDance barred from deploying Nvidia chips in new data centres',
    effectiveDate: '2025-11-26',
    effect: 'prohibited',
    condition: 'No Nvidia chips in ByteDance’s new data centres in China',
    scope: scope({ chips: NVIDIA, destinations: ['CN'], companies: ['ByteDance'] }),
    confidence: 'reported',
    source: {
      title: 'Al Jazeera: China blocks ByteDance from Nvidia chip use, report says',
      url: 'https://www.aljazeera.com/economy/2025/11/26/china-blocks-bytedance-from-nvidia-chip-use-report',
    },
  }),
  event({
    id: 'press-2025-11-offshore-training',
    issuer: 'CN',
    publishedDate: '2025-11-27',
    regime: 'context',
    title: 'Alibaba and ByteDance train models on leased, non-Chinese-owned Nvidia capacity in Singapore and Malaysia',
    effectiveDate: '2025-11-27',
    effect: 'informational',
    condition:
      'Reported legal when a compliant non-Chinese party owns and operates the hardware, subject to the 2025-05-13 IaaS guidance; Malaysia’s Strategic Trade Permit binds moving the chips out of Malaysia',
    scope: scope({ chipClasses: US_ORIGIN, destinations: ['SG', 'MY'], companyHq: ['CN'], deployment: 'rented' }),
    confidence: 'reported',
    source: {
      title: "Tom's Hardware: China's top AI firms shift model training overseas to access Nvidia GPUs",
      url: 'https://www.tomshardware.com/tech-industry/semiconductors/chinas-top-ai-firms-shift-model-training-overseas-to-access-nvidia-gpus',
    },
    note: `The reference gives only the month; the seed uses the day the FT published it, 2025-11-27 (Reuters and Semafor cite it that Thursday). A press report about what Chinese companies do, not a rule of any government: context, never a status and never policy churn. The issuer names the home jurisdiction of the companies it is about. DeepSeek trains at home on stockpiled chips with Huawei.`,
  }),
  event({
    id: 'sg-2025-12-01-dc-cfa2',
    issuer: 'SG',
    regime: 'site-rules',
    title: 'Second Data Centre Call for Application (DC-CFA2): at least 200 MW',
    effectiveDate: '2025-12-01',
    effect: 'informational',
    condition:
      '≥50% green-energy pathways; PUE ≤1.25; Green Mark DC 2024 Platinum; SS 715:2025; deadline 31 Mar 2026, extended to 13 Apr 2026',
    scope: scope({ destinations: ['SG'] }),
    source: {
      title: "Mondaq: Singapore's second Data Centre Call for Application, from pilot to power play",
      url: 'https://www.mondaq.com/new-technology/1729734/singapores-second-data-centre-call-for-application-from-pilot-to-power-play',
    },
    note: 'Also: techstories.co/what-singapores-dc-cfa2-will-set-in-motion',
  }),
  event({
    id: 'us-2025-12-08-h200-approved-customers',
    issuer: 'US',
    regime: 'us-destination',
    title: 'H200 sales to approved customers in China allowed, 25% to the US government',
    publishedDate: '2025-12-08',
    effectiveDate: '2025-12-08',
    effect: 'allowed_with_conditions',
    confidence: 'announced',
    condition: 'Approved customers only; 25% of the sale to the US government; Blackwell and Rubin excluded',
    links: [
      {
        kind: 'amends',
        eventId: 'us-2023-10-17-advanced-computing',
        reason: 'H200 exports to approved customers in China announced as licensable, with 25% to the US government.',
      },
    ],
    scope: scope({ chips: ['nvidia-h200'], destinations: GREATER_CHINA }),
    source: {
      title: 'Introl: Trump, Nvidia and the China export-control reversal (December 2025)',
      url: 'https://introl.com/blog/trump-nvidia-china-export-control-reversal-december-2025',
    },
    note: 'A presidential announcement (Truth Social, 2025-12-08: "approved customers in China", 25% to the US, Commerce "finalizing the details"); the rule came on 2026-01-15 (us-2026-01-15-h200-case-by-case), which supersedes it. It amends the 2023 destination rule for H200 in China (Hong Kong and Macau included, as the EAR treats them), and only while announcements count; us-2025-12-08-h200-approved-customers-hq does the same for the headquarters rule. AMD and Intel said to follow.',
  }),
  event({
    id: 'us-2025-12-08-h200-approved-customers-hq',
    issuer: 'US',
    regime: 'us-headquarters',
    title: 'H200 sales to approved Chinese customers also clear the headquarters licence requirement in China',
    publishedDate: '2025-12-08',
    effectiveDate: '2025-12-08',
    effect: 'allowed_with_conditions',
    confidence: 'announced',
    condition: 'Approved customers only; 25% of the sale to the US government',
    scope: scope({
      chips: ['nvidia-h200'],
      destinations: GREATER_CHINA,
      companyHq: GREATER_CHINA,
      deployment: 'owned',
    }),
    links: [
      {
        kind: 'amends',
        eventId: 'us-2023-10-17-china-hq-anywhere',
        reason:
          'The approved customers of the announcement are Chinese companies in China; the headquarters requirement is met the same way there.',
      },
    ],
    source: {
      title: 'Introl: Trump, Nvidia and the China export-control reversal (December 2025)',
      url: 'https://introl.com/blog/trump-nvidia-china-export-control-reversal-december-2025',
    },
    note: 'The headquarters-regime half of us-2025-12-08-h200-approved-customers (links cannot cross regimes). It reaches H200 in China, Hong Kong and Macau only: a Chinese company’s H200s abroad stay under the headquarters rule.',
  }),
  event({
    id: 'us-2026-01-15-h200-case-by-case',
    issuer: 'US',
    regime: 'us-destination',
    title: 'Licence review for H200-class exports to China and Macau moves from presumption of denial to case-by-case',
    publishedDate: '2026-01-15',
    effectiveDate: '2026-01-15',
    effect: 'licence_required',
    condition:
      'A licence is still required; applications for exports from the United States to China and Macau of chips under TPP 21,000 and 6,500 GB/s DRAM bandwidth (H200, MI325X and their functional or lesser equivalents: H100, H800, A100, A800) are reviewed case by case',
    scope: scope({ chips: H200_CLASS, destinations: GREATER_CHINA }),
    links: [
      {
        kind: 'amends',
        eventId: 'us-2023-10-17-advanced-computing',
        reason:
          'The rule changes the licence review policy for these chips to China and Macau from a presumption of denial to case-by-case.',
      },
      {
        kind: 'supersedes',
        eventId: 'us-2025-12-08-h200-approved-customers',
        reason: 'The formal rule replaces the December 2025 announcement it implements.',
      },
    ],
    source: H200_RULE_2026,
    note: 'Law firms read it as covering exports from the United States only: re-exports and in-country transfers stay under a presumption of denial (sanctionsnews.bakermckenzie.com/bis-revises-license-review-policy-for-advanced-computing-commodities-ai-semiconductors-to-china-and-macau-when-exported-from-the-united-states). Hong Kong is not named in the rule but is included, as everywhere in the seed: the EAR has treated it as China since 2020. MI325X per gmt8press.com/content/detail/352159 (reported).',
  }),
  event({
    id: 'us-2026-01-15-h200-case-by-case-hq',
    issuer: 'US',
    regime: 'us-headquarters',
    title: 'The January 2026 H200 rule also governs China-headquartered buyers in China',
    publishedDate: '2026-01-15',
    effectiveDate: '2026-01-15',
    effect: 'licence_required',
    condition:
      'A licence is still required for H200 (and MI325X) supplied to Chinese companies in China; reviewed case by case',
    scope: scope({
      chips: H200_CLASS,
      destinations: GREATER_CHINA,
      companyHq: GREATER_CHINA,
      deployment: 'owned',
    }),
    links: [
      {
        kind: 'supersedes',
        eventId: 'us-2025-12-08-h200-approved-customers-hq',
        reason: 'The formal rule replaces the December 2025 announcement for the same buyers.',
      },
    ],
    source: H200_RULE_2026,
    note: 'The headquarters-regime half of us-2026-01-15-h200-case-by-case (links cannot cross regimes): it ends the announcement’s headquarters half, and an ordinary licence requirement remains.',
  }),
];
