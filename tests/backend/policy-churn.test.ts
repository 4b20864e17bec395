// policy_churn as a measure of instability (issue 12, item 5): each binding event naming a place
// weighs severity × confidence tier × 2^(−age / 548 days), summed. The expectations below are worked
// out by hand from that formula (docs/legality.md, "Policy churn"), not read back from the code.
import { describe, expect, it } from 'vitest';
import { policyChurnColumn } from '../../backend/services/scoring/score-matrix';
import type { LegalityPlace } from '../../shared/engine/legality';
import { policyScope, type PolicyEvent } from '../../shared/model/policy';

const ASOF = '2026-01-15';
// Days before ASOF: 2024-07-16 is 548 (one half-life), 2023-01-15 is 1096 (two: 2024 is a leap
// year), 2019-01-15 is 2557.
const ONE_HALF_LIFE_AGO = '2024-07-16';
const THREE_YEARS_AGO = '2023-01-15';
const SEVEN_YEARS_AGO = '2019-01-15';

const JOHOR: LegalityPlace = { name: 'Johor', country: 'MY', jurisdictionCode: 'MY-01' };
const KL: LegalityPlace = { name: 'KL', country: 'MY', jurisdictionCode: 'MY-14' };
const TUAS: LegalityPlace = { name: 'Tuas', country: 'SG', jurisdictionCode: null };

type Draft = Partial<Omit<PolicyEvent, 'scope'>> & { destinations?: string[] };

let n = 0;
function ev(d: Draft): PolicyEvent {
  const { destinations = ['MY'], ...rest } = d;
  return {
    id: `e${++n}`,
    issuer: 'US',
    regime: 'us-destination',
    title: 'test event',
    publishedDate: null,
    effectiveDate: ASOF,
    complianceDate: null,
    endDate: null,
    effect: 'prohibited',
    condition: '',
    scope: policyScope({ destinations }),
    links: [],
    confidence: 'rule',
    source: { title: 'test', url: 'https://example.org/' },
    note: '',
    ...rest,
  };
}

/** The churn one event adds at Johor on ASOF. */
const one = (d: Draft): number => policyChurnColumn([JOHOR], [ev(d)], ASOF)[0] as number;

describe('policyChurnColumn', () => {
  it('weighs a fresh prohibition far above a three-year-old licence rule', () => {
    const fresh = ev({ effect: 'prohibited', destinations: ['MY'] });
    const old = ev({ effect: 'licence_required', effectiveDate: THREE_YEARS_AGO, destinations: ['SG'] });
    // Prohibited 1 × rule 1 × 2^0 = 1; licence 0.6 × rule 1 × 2^(−1096/548) = 0.6 × 0.25 = 0.15.
    const col = Array.from(policyChurnColumn([JOHOR, TUAS], [fresh, old], ASOF));
    expect(col[0]).toBeCloseTo(1, 12);
    expect(col[1]).toBeCloseTo(0.15, 12);
  });

  it('weighs each effect by its severity, and site rules by theirs', () => {
    expect(one({ effect: 'prohibited' })).toBeCloseTo(1, 12);
    expect(one({ effect: 'licence_presumption_denial' })).toBeCloseTo(0.8, 12);
    expect(one({ effect: 'licence_required' })).toBeCloseTo(0.6, 12);
    expect(one({ effect: 'allowed_with_conditions' })).toBeCloseTo(0.4, 12);
    expect(one({ effect: 'allowed' })).toBeCloseTo(0.3, 12);
    // Siting rules set no chip status (stored as informational) but still bind: 0.5.
    expect(one({ regime: 'site-rules', effect: 'informational', issuer: 'MY' })).toBeCloseTo(0.5, 12);
  });

  it('counts nothing for informational chip entries, market investigations or press reports', () => {
    expect(one({ effect: 'informational' })).toBe(0);
    expect(one({ regime: 'cn-market', effect: 'informational', issuer: 'CN' })).toBe(0);
    expect(one({ regime: 'context', effect: 'informational', confidence: 'reported', issuer: 'SG' })).toBe(0);
    // Context is never churn (REGIMES says so), even if someone gives it a status by mistake.
    expect(one({ regime: 'context', effect: 'prohibited', confidence: 'reported', issuer: 'SG' })).toBe(0);
  });

  it('counts an announced measure at half a rule, and a press report of one at a quarter', () => {
    // Licence 0.6 × announced 0.5 = 0.3; prohibited 1 × reported 0.25 = 0.25.
    expect(one({ effect: 'licence_required', confidence: 'announced' })).toBeCloseTo(0.3, 12);
    expect(one({ effect: 'prohibited', confidence: 'reported' })).toBeCloseTo(0.25, 12);
    // A reported siting rule: 0.5 × 0.25.
    expect(one({ regime: 'site-rules', effect: 'informational', confidence: 'reported' })).toBeCloseTo(0.125, 12);
  });

  it('halves an event’s weight every 548 days, with no window cutting old events off', () => {
    // Presumption of denial 0.8 × 2^(−548/548) = 0.4.
    expect(one({ effect: 'licence_presumption_denial', effectiveDate: ONE_HALF_LIFE_AGO })).toBeCloseTo(0.4, 12);
    // Seven years back it still weighs 2^(−2557/548) ≈ 0.0394 of its severity: small, never cut off.
    expect(one({ effect: 'prohibited', effectiveDate: SEVEN_YEARS_AGO })).toBeCloseTo(Math.pow(2, -2557 / 548), 12);
    expect(one({ effect: 'prohibited', effectiveDate: SEVEN_YEARS_AGO })).toBeGreaterThan(0.039);
  });

  it('ages an event from its effective date, whether or not it has since ended', () => {
    const ended = one({ effect: 'licence_required', effectiveDate: THREE_YEARS_AGO, endDate: '2023-06-01' });
    expect(ended).toBeCloseTo(0.15, 12);
    const endedLongAgo = one({ effect: 'allowed', effectiveDate: SEVEN_YEARS_AGO, endDate: '2020-01-01' });
    expect(endedLongAgo).toBeCloseTo(0.3 * Math.pow(2, -2557 / 548), 12);
  });

  it('never counts an event that takes effect after asOf, and counts one taking effect on it in full', () => {
    expect(one({ effect: 'prohibited', effectiveDate: '2026-01-16' })).toBe(0);
    expect(one({ effect: 'prohibited', effectiveDate: '2030-01-01', confidence: 'announced' })).toBe(0);
    expect(one({ effect: 'prohibited', effectiveDate: ASOF })).toBeCloseTo(1, 12);
  });

  it('lets a country entry cover its subdivisions; a subdivision entry covers only itself; "anywhere" no one', () => {
    const events = [
      ev({ effect: 'prohibited', destinations: ['MY'] }), // Johor and KL: 1
      ev({ regime: 'site-rules', effect: 'informational', destinations: ['MY-01'], effectiveDate: ONE_HALF_LIFE_AGO }), // Johor: 0.5 × 0.5
      ev({ effect: 'licence_required', confidence: 'announced', effectiveDate: THREE_YEARS_AGO }), // MY: 0.6 × 0.5 × 0.25
      ev({ effect: 'prohibited', effectiveDate: '2026-02-01' }), // not yet: 0
      ev({ effect: 'prohibited', destinations: [] }), // names no place: 0
      ev({ regime: 'context', effect: 'informational', confidence: 'reported', destinations: ['SG'] }), // 0
      ev({ effect: 'allowed', destinations: ['SG'] }), // Tuas: 0.3
    ];
    const [johor, kl, tuas] = Array.from(policyChurnColumn([JOHOR, KL, TUAS], events, ASOF));
    expect(johor).toBeCloseTo(1 + 0.25 + 0.075, 12);
    expect(kl).toBeCloseTo(1 + 0.075, 12);
    expect(tuas).toBeCloseTo(0.3, 12);
  });

  it('leaves out a place the event excepts, as legality does', () => {
    // Prohibition for Malaysia except Johor, effective on ASOF: KL 1, Johor 0.
    const e = ev({ effect: 'prohibited' });
    const excepting = { ...e, scope: policyScope({ destinations: ['MY'], exceptDestinations: ['MY-01'] }) };
    const [johor, kl] = Array.from(policyChurnColumn([JOHOR, KL], [excepting], ASOF));
    expect(johor).toBe(0);
    expect(kl).toBe(1);
  });
});
