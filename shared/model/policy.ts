// Policy events: who decided what, from when to when, for which chips, places and companies, under
// which legal regime. Chip legality is derived from these by the engine; it is never typed in.
//
// Regimes are cumulative: a chip must clear every regime that reaches it, so the most restrictive
// applicable status wins. Within a regime one event replaces another only through an explicit link
// stored on the newer event (supersedes / amends / suspends, each with its reason) — never because
// it is later. See docs/legality.md for the model a compliance officer can check.
import { z } from 'zod';
import { HttpUrl, Text } from '../text';
import { IsoDate } from '../schemas';
import { ChipClass } from './chips';
import { JurisdictionCode } from './jurisdictions';

export const PolicyEffect = z.enum([
  'prohibited',
  'licence_presumption_denial',
  'licence_required',
  'allowed_with_conditions',
  'allowed',
  'informational',
]);
export type PolicyEffect = z.infer<typeof PolicyEffect>;

/** The legal regimes an event can belong to; each binds on its own (see REGIMES for what each is). */
export const PolicyRegime = z.enum([
  'us-destination',
  'us-headquarters',
  'us-is-informed',
  'us-cloud',
  'us-entity-list',
  'us-prc-chips',
  'cn-procurement',
  'cn-market',
  'my-trade',
  'sg-enforcement',
  'other-chip-rules',
  'site-rules',
  'context',
]);
export type PolicyRegime = z.infer<typeof PolicyRegime>;

/** What a regime is, in a line a planner can read beside its verdict. */
export const REGIMES: Readonly<Record<PolicyRegime, { name: string; about: string }>> = {
  'us-destination': {
    name: 'US destination controls',
    about: 'EAR licence requirements by where the hardware goes (China, Hong Kong, Macau; D:5)',
  },
  'us-headquarters': {
    name: 'US headquarters controls',
    about:
      'EAR licence requirements for companies headquartered in, or with an ultimate parent in, China/Macau/D:5, wherever the hardware is',
  },
  'us-is-informed': {
    name: 'US letters to vendors',
    about: '"Is-informed" letters and notices from the US government to a chip vendor, naming chips',
  },
  'us-cloud': {
    name: 'US cloud/IaaS guidance',
    about: 'BIS guidance on training AI for D:5 parties through cloud capacity',
  },
  'us-entity-list': {
    name: 'US Entity List',
    about: 'Listed parties and their affiliates need a licence for any US-origin item',
  },
  'us-prc-chips': {
    name: 'US guidance on PRC chips',
    about: 'BIS guidance on using PRC-made advanced chips (General Prohibition 10)',
  },
  'cn-procurement': {
    name: 'China procurement and usage rules',
    about: "Beijing's rules on which accelerators Chinese firms and state-funded sites may buy and use",
  },
  'cn-market': {
    name: 'China market regulation',
    about: 'Regulators acting against a vendor (antitrust, security reviews)',
  },
  'my-trade': {
    name: 'Malaysia strategic trade',
    about: 'Permits to export, transship or transit chips out of Malaysia',
  },
  'sg-enforcement': { name: 'Singapore enforcement', about: 'Prosecutions and enforcement over diverted hardware' },
  'other-chip-rules': { name: 'Other chip rules', about: 'Chip rules of another jurisdiction, as a user enters them' },
  'site-rules': {
    name: 'Data-centre siting rules',
    about: 'Moratoria, approvals, tariffs and incentives for building data centres; no chip status',
  },
  context: {
    name: 'Context',
    about: 'Press reports about usage and other background; never a rule, never policy churn',
  },
};

/** How firm an event is: official rule text, an official statement without rule text, or press reports. */
export const PolicyConfidence = z.enum(['rule', 'announced', 'reported']);
export type PolicyConfidence = z.infer<typeof PolicyConfidence>;

/** Stored events and files written before regimes used 'official' for what is now 'rule'. */
const LegacyConfidence = z.preprocess((v) => (v === 'official' ? 'rule' : v), PolicyConfidence);

/** Empty lists mean "any". A null flag means the event does not depend on it. */
export const PolicyScope = z.object({
  chips: z.array(Text),
  chipClasses: z.array(ChipClass),
  /** Where the hardware is, e.g. CN, HK, MY; subdivisions match their country too. */
  destinations: z.array(JurisdictionCode),
  /**
   * Places the event does not reach although `destinations` would (e.g. US, for a rule on exports to
   * China-headquartered companies: nothing is exported inside the United States). Absent = none.
   */
  exceptDestinations: z.array(JurisdictionCode).optional(),
  /** Companies headquartered in these countries, or whose ultimate parent is (US rules reaching CN-HQ firms anywhere). */
  companyHq: z.array(Text.regex(/^[A-Z]{2}$/)),
  stateFunded: z.boolean().nullable(),
  entityListed: z.boolean().nullable(),
  /** Named companies (e.g. "ByteDance"); empty means any company. */
  companies: z.array(Text),
  deployment: z.enum(['owned', 'rented', 'any']),
});
export type PolicyScope = z.infer<typeof PolicyScope>;

/** A scope that reaches everything, narrowed by the fields given (an empty list or null flag = any). */
export const policyScope = (narrowing: Partial<PolicyScope> = {}): PolicyScope => ({
  chips: [],
  chipClasses: [],
  destinations: [],
  companyHq: [],
  stateFunded: null,
  entityListed: null,
  companies: [],
  deployment: 'any',
  ...narrowing,
});

export const PolicyLinkKind = z.enum(['supersedes', 'amends', 'suspends']);
export type PolicyLinkKind = z.infer<typeof PolicyLinkKind>;

/**
 * How an event displaces an earlier one of the same regime, while the newer event counts:
 * - supersedes: the target stops applying to anyone;
 * - amends: the newer event replaces the target wherever the newer event's own scope reaches;
 * - suspends: the target stops applying while the newer event is in force (it has an end date).
 */
export const PolicyLink = z.object({
  kind: PolicyLinkKind,
  eventId: Text.regex(/^[a-z0-9][a-z0-9-]*$/),
  reason: Text.min(1, 'say why the link holds'),
});
export type PolicyLink = z.infer<typeof PolicyLink>;

/**
 * The regime a stored event written before regimes most likely belongs to, from its issuer and
 * scope (migration 5 and old scenario or export files use it; the seed states its regimes).
 */
export function legacyRegime(e: { issuer: string; effect: PolicyEffect; scope: PolicyScope }): PolicyRegime {
  const s = e.scope;
  const aboutChips = s.chips.length > 0 || s.chipClasses.length > 0;
  const country = e.issuer.slice(0, 2);
  if (country === 'US') {
    if (s.entityListed === true) return 'us-entity-list';
    if (s.deployment === 'rented') return 'us-cloud';
    if (s.companyHq.length > 0) return 'us-headquarters';
    if (s.chips.some((c) => c.startsWith('huawei-'))) return 'us-prc-chips';
    return 'us-destination';
  }
  if (e.effect === 'informational' && !aboutChips) return 'site-rules';
  if (country === 'CN') return 'cn-procurement';
  if (country === 'MY') return 'my-trade';
  if (country === 'SG') return 'sg-enforcement';
  return e.effect === 'informational' ? 'context' : 'other-chip-rules';
}

/** Fills what a record written before regimes lacks, so old stores and files still load. */
export function upgradeLegacyEvent(raw: unknown): unknown {
  // Only a record with none of the fields regimes brought is legacy; a new record without a regime
  // (its links and dates given or defaulted) is refused with "regime: required", never guessed.
  const fields = ['regime', 'links', 'publishedDate', 'complianceDate'];
  if (typeof raw !== 'object' || raw === null || fields.some((f) => f in raw)) return raw;
  const r = raw as Record<string, unknown>;
  const scope = PolicyScope.safeParse(r.scope);
  const effect = PolicyEffect.safeParse(r.effect);
  if (!scope.success || !effect.success || typeof r.issuer !== 'string') return raw;
  return {
    publishedDate: null,
    complianceDate: null,
    links: [],
    ...r,
    regime: legacyRegime({ issuer: r.issuer, effect: effect.data, scope: scope.data }),
  };
}

const PolicyEventRecord = z
  .object({
    id: Text.regex(/^[a-z0-9][a-z0-9-]*$/),
    issuer: Text.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/),
    regime: PolicyRegime,
    title: Text.min(1),
    /** The day the text or statement was made public; null when the source does not say. */
    publishedDate: IsoDate.nullable(),
    /** The first day the event applies. */
    effectiveDate: IsoDate,
    /** A later day from which compliance is required, where the source gives one. */
    complianceDate: IsoDate.nullable(),
    endDate: IsoDate.nullable(),
    effect: PolicyEffect,
    condition: Text,
    scope: PolicyScope,
    links: z.array(PolicyLink),
    confidence: LegacyConfidence,
    source: z.object({ title: Text.min(1), url: HttpUrl }),
    note: Text,
  })
  .refine((e) => e.endDate === null || e.endDate >= e.effectiveDate, {
    message: 'end date must not be before the effective date',
    path: ['endDate'],
  })
  .refine((e) => e.complianceDate === null || e.complianceDate >= e.effectiveDate, {
    message: 'the compliance date must not be before the effective date',
    path: ['complianceDate'],
  })
  .refine((e) => !e.links.some((l) => l.eventId === e.id), {
    message: 'an event cannot link to itself',
    path: ['links'],
  });

export const PolicyEvent = z.preprocess(upgradeLegacyEvent, PolicyEventRecord);
export type PolicyEvent = z.infer<typeof PolicyEventRecord>;
