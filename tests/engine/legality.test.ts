// Derived chip legality: the matching rules on tiny hand-made events, then the seeded timeline.
import { describe, expect, it } from 'vitest';
import { seedChips } from '../../db/seed/chips';
import { seedMarkets } from '../../db/seed/markets';
import { seedPolicyEvents } from '../../db/seed/policies';
import { seedProfiles } from '../../db/seed/profiles';
import { seedSites } from '../../db/seed/sites';
import {
  chipLegality,
  legalityScore,
  siteLegality,
  type ChipLegality,
  type LegalityChip,
  type LegalityPlace,
  type LegalityProfile,
} from '../../shared/engine/legality';
import type { PolicyEvent, PolicyScope } from '../../shared/model/policy';
import type { CompanyProfile } from '../../shared/model/profiles';

// ---- hand-made fixtures -------------------------------------------------------------------------

const scope = (s: Partial<PolicyScope> = {}): PolicyScope => ({
  chips: [],
  chipClasses: [],
  destinations: [],
  companyHq: [],
  stateFunded: null,
  entityListed: null,
  companies: [],
  deployment: 'any',
  ...s,
});

const ev = (id: string, p: Partial<PolicyEvent> = {}): PolicyEvent => ({
  id,
  issuer: 'US',
  title: `title of ${id}`,
  effectiveDate: '2024-01-01',
  endDate: null,
  effect: 'licence_required',
  condition: `condition of ${id}`,
  scope: scope(),
  confidence: 'official',
  source: { title: 'src', url: 'https://example.com/' },
  note: '',
  ...p,
});

const chip: LegalityChip = { id: 'x1', vendor: 'Acme', name: 'X1', chipClass: 'frontier_controlled' };
const other: LegalityChip = { id: 'y1', vendor: 'Acme', name: 'Y1', chipClass: 'domestic_chinese' };
const owner: LegalityProfile = {
  hqCountry: 'CN',
  stateFunded: false,
  entityListed: false,
  deployment: 'owned',
  namedCompany: null,
};
const renter: LegalityProfile = { ...owner, deployment: 'rented' };
const johor: LegalityPlace = { name: 'Kulai', country: 'MY', jurisdictionCode: 'MY-01' };
const beijing: LegalityPlace = { name: 'Zhangjiakou', country: 'CN', jurisdictionCode: 'CN-BJ' };

const status = (events: PolicyEvent[], date: string, p = owner, c = chip, place = johor): string =>
  chipLegality(p, c, place, events, date).status;

describe('matching rules', () => {
  it('counts an event from its effective day, and no longer on its end day', () => {
    const e = [ev('a', { effectiveDate: '2024-03-10', endDate: '2024-03-20' })];
    expect(status(e, '2024-03-09')).toBe('allowed');
    expect(status(e, '2024-03-10')).toBe('licence_required');
    expect(status(e, '2024-03-19')).toBe('licence_required');
    expect(status(e, '2024-03-20')).toBe('allowed');
  });

  it('lets a country cover its subdivisions, but not a subdivision its country or siblings', () => {
    expect(status([ev('a', { scope: scope({ destinations: ['MY'] }) })], '2024-06-01')).toBe('licence_required');
    expect(status([ev('a', { scope: scope({ destinations: ['MY-01'] }) })], '2024-06-01')).toBe('licence_required');
    const inSelangor: LegalityPlace = { name: 'Cyberjaya', country: 'MY', jurisdictionCode: 'MY-10' };
    const e = [ev('a', { scope: scope({ destinations: ['MY-01'] }) })];
    expect(status(e, '2024-06-01', owner, chip, inSelangor)).toBe('allowed');
    expect(status([ev('a', { scope: scope({ destinations: ['SG'] }) })], '2024-06-01')).toBe('allowed');
  });

  it('reads empty lists and null flags as "any"', () => {
    const e = [ev('a')];
    for (const p of [owner, renter, { ...owner, hqCountry: 'US', stateFunded: true, entityListed: true }]) {
      expect(status(e, '2024-06-01', p)).toBe('licence_required');
    }
    expect(status(e, '2024-06-01', owner, other, beijing)).toBe('licence_required');
  });

  it('puts a chip in scope by id or by class, and filters by company fields', () => {
    expect(status([ev('a', { scope: scope({ chips: ['x1'] }) })], '2024-06-01')).toBe('licence_required');
    expect(status([ev('a', { scope: scope({ chips: ['x1'] }) })], '2024-06-01', owner, other)).toBe('allowed');
    const byClass = [ev('a', { scope: scope({ chips: ['zz'], chipClasses: ['domestic_chinese'] }) })];
    expect(status(byClass, '2024-06-01', owner, other)).toBe('licence_required');
    expect(status(byClass, '2024-06-01', owner, chip)).toBe('allowed');
    const hq = [ev('a', { scope: scope({ companyHq: ['CN'] }) })];
    expect(status(hq, '2024-06-01', { ...owner, hqCountry: 'SG' })).toBe('allowed');
    const state = [ev('a', { scope: scope({ stateFunded: true }) })];
    expect(status(state, '2024-06-01')).toBe('allowed');
    expect(status(state, '2024-06-01', { ...owner, stateFunded: true })).toBe('licence_required');
    const named = [ev('a', { scope: scope({ companies: ['ByteDance'] }) })];
    expect(status(named, '2024-06-01')).toBe('allowed');
    expect(status(named, '2024-06-01', { ...owner, namedCompany: 'ByteDance' })).toBe('licence_required');
  });

  it('does not let an owned-hardware rule reach a renting company, and says renting is reported legal', () => {
    const e = [ev('owned-rule', { scope: scope({ companyHq: ['CN'], deployment: 'owned' }) })];
    expect(status(e, '2024-06-01', owner)).toBe('licence_required');
    const rented = chipLegality(renter, chip, johor, e, '2024-06-01');
    expect(rented.status).toBe('allowed');
    expect(rented.reason).toContain('renting from a non-Chinese operator is reported legal');
    expect(rented.reason).toContain('owned-rule');
    expect(rented.chain).toEqual([expect.objectContaining({ role: 'context' })]);
  });

  it('lets a later event of the same issuer supersede an earlier one, either way', () => {
    const tighten = [
      ev('old', { effect: 'allowed' }),
      ev('new', { effectiveDate: '2024-05-01', effect: 'prohibited' }),
    ];
    expect(status(tighten, '2024-04-30')).toBe('allowed');
    expect(status(tighten, '2024-05-01')).toBe('prohibited');
    const relax = [
      ev('old', { effect: 'licence_required' }),
      ev('new', { effectiveDate: '2024-05-01', effect: 'allowed_with_conditions' }),
    ];
    const r = chipLegality(owner, chip, johor, relax, '2024-06-01');
    expect(r.status).toBe('conditional');
    expect(r.chain.map((c) => [c.event.id, c.role])).toEqual([
      ['old', 'superseded'],
      ['new', 'decides'],
    ]);
    expect(r.reason).toContain('new');
  });

  it('takes the stricter of two same-day events of one issuer', () => {
    const e = [ev('a', { effect: 'allowed_with_conditions' }), ev('b', { effect: 'prohibited' })];
    expect(status(e, '2024-06-01')).toBe('prohibited');
  });

  it('takes the worst verdict across issuers', () => {
    const e = [
      ev('us', { effect: 'allowed_with_conditions' }),
      ev('cn', { issuer: 'CN', effectiveDate: '2023-01-01', effect: 'licence_required' }),
    ];
    const r = chipLegality(owner, chip, johor, e, '2024-06-01');
    expect(r.status).toBe('licence_required');
    expect(r.chain.map((c) => [c.event.id, c.role])).toEqual([
      ['cn', 'decides'],
      ['us', 'applies'],
    ]);
  });

  it('keeps an Entity-List event binding when a later general rule of the same issuer relaxes', () => {
    const e = [
      ev('listing', { scope: scope({ entityListed: true }) }),
      ev('relax', { effectiveDate: '2024-05-01', effect: 'allowed_with_conditions' }),
    ];
    expect(status(e, '2024-06-01', { ...owner, entityListed: true })).toBe('licence_required');
    expect(status(e, '2024-06-01')).toBe('conditional');
  });

  it('never lets an informational event change the status, but keeps chip-related ones as context', () => {
    const e = [
      ev('about-chips', { effect: 'informational', scope: scope({ chipClasses: ['frontier_controlled'] }) }),
      ev('about-buildings', { effect: 'informational' }),
    ];
    const r = chipLegality(owner, chip, johor, e, '2024-06-01');
    expect(r.status).toBe('allowed');
    expect(r.chain.map((c) => [c.event.id, c.role])).toEqual([['about-chips', 'context']]);
  });

  it('maps the effects and flags presumption of denial and press reports in the reason', () => {
    const cases = [
      ['prohibited', 'prohibited'],
      ['licence_presumption_denial', 'licence_required'],
      ['licence_required', 'licence_required'],
      ['allowed_with_conditions', 'conditional'],
      ['allowed', 'allowed'],
    ] as const;
    for (const [effect, expected] of cases) expect(status([ev('a', { effect })], '2024-06-01')).toBe(expected);
    const denial = chipLegality(owner, chip, johor, [ev('a', { effect: 'licence_presumption_denial' })], '2024-06-01');
    expect(denial.reason).toContain('presumption of denial');
    const reported = chipLegality(owner, chip, johor, [ev('a', { confidence: 'reported' })], '2024-06-01');
    expect(reported.reason).toContain('(reported in the press, not an official text)');
    const plain = chipLegality(owner, chip, johor, [ev('a')], '2024-06-01');
    expect(plain.reason).not.toMatch(/reported|presumption/);
  });

  it('explains an unrestricted chip in the documented words', () => {
    expect(chipLegality(owner, chip, johor, [], '2024-06-01').reason).toBe(
      'no rule in force restricts Acme X1 in Kulai (MY-01) for this company on 2024-06-01',
    );
  });

  it('scores statuses on the documented scale', () => {
    expect([legalityScore('allowed'), legalityScore('conditional')]).toEqual([1, 0.75]);
    expect([legalityScore('licence_required'), legalityScore('prohibited')]).toEqual([0.25, 0]);
  });

  it('combines a site: the worst chip wins and the reason names it', () => {
    const e = [ev('a', { scope: scope({ chips: ['y1'] }), effect: 'prohibited' })];
    const r = siteLegality({ ...owner, neededChips: ['x1', 'y1'] }, [chip, other], johor, e, '2024-06-01');
    expect(r.status).toBe('prohibited');
    expect(r.worstChipId).toBe('y1');
    expect(r.reason).toMatch(/^Acme Y1 is the most restricted/);
    expect(r.chips.map((c) => c.status)).toEqual(['allowed', 'prohibited']);
    expect(() => siteLegality({ ...owner, neededChips: ['nope'] }, [chip], johor, e, '2024-06-01')).toThrow(/nope/);
  });
});

// ---- the seeded timeline ------------------------------------------------------------------------

const profileOf = (id: string): CompanyProfile => {
  const p = seedProfiles.find((x) => x.id === id);
  if (p === undefined) throw new Error(`no seeded profile ${id}`);
  return p;
};
const chipOf = (id: string): LegalityChip => {
  const c = seedChips.find((x) => x.id === id);
  if (c === undefined) throw new Error(`no seeded chip ${id}`);
  return c;
};
const placeOf = (siteId: string): LegalityPlace => {
  const s = seedSites.find((x) => x.id === siteId);
  const m = seedMarkets.find((x) => x.id === s?.marketId);
  if (s === undefined || m === undefined) throw new Error(`no seeded site ${siteId}`);
  return { name: s.name, country: m.country, jurisdictionCode: m.jurisdictionCode };
};
const seeded = (profileId: string, chipId: string, siteId: string, date: string): ChipLegality =>
  chipLegality(profileOf(profileId), chipOf(chipId), placeOf(siteId), seedPolicyEvents, date);
const deciding = (r: ChipLegality): string[] => r.chain.filter((c) => c.role === 'decides').map((c) => c.event.id);

/** Every day of a year, YYYY-MM-DD. */
function daysOf(year: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

describe('the seeded timeline', () => {
  const LAB = 'cn-private-lab-owned';
  const CN_SITE = 'cn-zhangjiakou';

  it('H20 for a China-HQ lab in mainland China: allowed, then licence required, then conditional', () => {
    const before = seeded(LAB, 'nvidia-h20', CN_SITE, '2025-04-08');
    expect(before.status).toBe('allowed');
    expect(before.reason).toMatch(/^no rule in force restricts Nvidia H20 in Zhangjiakou \(Huailai\) \(CN-BJ\)/);

    const april = seeded(LAB, 'nvidia-h20', CN_SITE, '2025-04-09');
    expect(april.status).toBe('licence_required');
    expect(deciding(april)).toEqual(['us-2025-04-09-h20-licence']);
    expect(april.reason).toContain('us-2025-04-09-h20-licence');
    expect(seeded(LAB, 'nvidia-h20', CN_SITE, '2025-08-09').status).toBe('licence_required');

    // From 2025-08-10 the US licences relax April's rule; China's reported order pressure is as strict.
    const after = seeded(LAB, 'nvidia-h20', CN_SITE, '2025-09-01');
    expect(after.status).toBe('conditional');
    expect(deciding(after)).toEqual(['cn-2025-08-halt-nvidia-orders', 'us-2025-08-10-revenue-share']);
    expect(after.reason).toContain('us-2025-08-10-revenue-share');
    expect(after.reason).toContain('15%');
    expect(after.reason).toContain('cn-2025-08-halt-nvidia-orders');
    expect(after.reason).toContain('reported in the press');
    expect(after.chain.find((c) => c.event.id === 'us-2025-04-09-h20-licence')?.role).toBe('superseded');
    expect(after.chain.find((c) => c.event.id === 'cn-2025-07-31-cac-summons-nvidia')?.role).toBe('context');
    expect(seeded(LAB, 'nvidia-h20', CN_SITE, '2025-12-31').status).toBe('conditional');
  });

  it('B200 is never allowed in mainland China on any day of 2025, for any built-in profile', () => {
    for (const profile of seedProfiles) {
      for (const day of daysOf(2025)) {
        const r = seeded(profile.id, 'nvidia-b200', 'cn-qingpu', day);
        expect(r.status, `${profile.id} on ${day}`).not.toBe('allowed');
      }
    }
    const r = seeded(LAB, 'nvidia-b200', 'cn-qingpu', '2025-06-01');
    expect(r.reason).toContain('presumption of denial');
  });

  it('H100 for a China-HQ lab in Singapore: owning needs a licence, renting is reported legal', () => {
    expect(seeded(LAB, 'nvidia-h100', 'sg-tuas', '2023-11-16').status).toBe('allowed');
    const owned = seeded(LAB, 'nvidia-h100', 'sg-tuas', '2023-11-17');
    expect(owned.status).toBe('licence_required');
    expect(deciding(owned)).toEqual(['us-2023-10-17-china-hq-anywhere']);

    const rentedEarly = seeded('cn-private-lab-rented', 'nvidia-h100', 'sg-tuas', '2024-06-01');
    expect(rentedEarly.status).toBe('allowed');
    expect(rentedEarly.reason).toContain('renting from a non-Chinese operator is reported legal');

    const rented = seeded('cn-private-lab-rented', 'nvidia-h100', 'sg-tuas', '2025-11-15');
    expect(rented.status).toBe('conditional');
    expect(deciding(rented)).toEqual(['us-2025-05-13-iaas-training-guidance']);
    expect(rented.reason).toContain('renting from a non-Chinese operator is reported legal');
    expect(rented.reason).toContain('BIS warns against training AI');
    expect(rented.chain.map((c) => c.event.id)).toContain('sg-2025-11-offshore-training-pattern');
  });

  it('renting in Johor after July 2025 meets both the BIS guidance and the Malaysian permit', () => {
    const owned = seeded(LAB, 'nvidia-h200', 'my-kulai', '2025-08-01');
    expect(owned.status).toBe('licence_required');
    const rented = seeded('cn-private-lab-rented', 'nvidia-h200', 'my-kulai', '2025-08-01');
    expect(rented.status).toBe('conditional');
    expect(deciding(rented)).toEqual(['us-2025-05-13-iaas-training-guidance', 'my-2025-07-14-strategic-trade-permit']);
    expect(rented.reason).toContain('reported legal');
  });

  it('A800 in China: allowed in June 2023, not from 2023-11-17', () => {
    const june = seeded(LAB, 'nvidia-a800', CN_SITE, '2023-06-15');
    expect(june.status).toBe('allowed');
    expect(deciding(june)).toEqual(['us-2022-10-07-below-threshold']);
    expect(seeded(LAB, 'nvidia-a800', CN_SITE, '2023-11-16').status).toBe('allowed');
    for (const day of ['2023-11-17', '2024-06-01', '2025-06-01']) {
      const r = seeded(LAB, 'nvidia-a800', CN_SITE, day);
      expect(r.status).toBe('licence_required');
      expect(r.reason).toContain('us-2023-10-17-advanced-computing');
    }
  });

  it('a state-funded centre may not use H20 in China from 2025-11-05 (reported)', () => {
    expect(seeded('cn-state-funded', 'nvidia-h20', CN_SITE, '2025-11-04').status).toBe('conditional');
    const r = seeded('cn-state-funded', 'nvidia-h20', CN_SITE, '2025-11-05');
    expect(r.status).toBe('prohibited');
    expect(deciding(r)).toEqual(['cn-2025-11-05-state-funded-domestic-only']);
    expect(r.reason).toContain('reported');
    // The domestic chips it is steered to stay allowed.
    expect(seeded('cn-state-funded', 'cambricon', CN_SITE, '2025-11-05').status).toBe('allowed');
  });

  it('ByteDance may not deploy Nvidia chips in a new Chinese site from 2025-11-26', () => {
    expect(seeded('bytedance', 'nvidia-h20', 'cn-shaoguan', '2025-11-25').status).toBe('conditional');
    for (const chipId of ['nvidia-h20', 'nvidia-h200', 'nvidia-b200']) {
      const r = seeded('bytedance', chipId, 'cn-shaoguan', '2025-11-26');
      expect(r.status).toBe('prohibited');
      expect(deciding(r)).toContain('cn-2025-11-26-bytedance-nvidia-ban');
    }
    // Another China-HQ lab is not named.
    expect(seeded(LAB, 'nvidia-h20', 'cn-shaoguan', '2025-11-26').status).toBe('conditional');
  });

  it('a US hyperscaler needs a Strategic Trade Permit for H100 in Johor from 2025-07-14', () => {
    expect(seeded('us-hyperscaler', 'nvidia-h100', 'my-sedenak', '2025-07-13').status).toBe('allowed');
    const r = seeded('us-hyperscaler', 'nvidia-h100', 'my-sedenak', '2025-07-14');
    expect(r.status).toBe('conditional');
    expect(r.reason).toContain('Strategic Trade Permit');
    expect(deciding(r)).toEqual(['my-2025-07-14-strategic-trade-permit']);
  });

  it('H200 for approved Chinese customers from 2025-12-08 relaxes the presumption of denial', () => {
    const sg = profileOf('sg-neocloud');
    const place = placeOf(CN_SITE);
    expect(chipLegality(sg, chipOf('nvidia-h200'), place, seedPolicyEvents, '2025-12-07').status).toBe(
      'licence_required',
    );
    const r = chipLegality(sg, chipOf('nvidia-h200'), place, seedPolicyEvents, '2025-12-08');
    expect(r.status).toBe('conditional');
    expect(deciding(r)).toEqual(['us-2025-12-08-h200-approved-customers']);
    // Hong Kong is not part of the December deal.
    expect(
      chipLegality(sg, chipOf('nvidia-h200'), placeOf('hk-tsuen-wan'), seedPolicyEvents, '2025-12-08').status,
    ).toBe('licence_required');
  });

  it('combines the chips a profile needs at a site', () => {
    const p = profileOf('cn-state-funded');
    const r = siteLegality(p, seedChips, placeOf(CN_SITE), seedPolicyEvents, '2025-11-10');
    expect(r.status).toBe('prohibited');
    expect(r.worstChipId).toBe('nvidia-h20');
    expect(r.reason).toMatch(/^Nvidia H20 is the most restricted of the 3 chips/);
    expect(r.chips.map((c) => c.chipId)).toEqual(p.neededChips);
  });
});
