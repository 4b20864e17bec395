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
  type ChipLegality,
  type LegalityChip,
  type LegalityPlace,
  type LegalityProfile,
} from '../../shared/engine/legality';
import { siteLegality } from '../../shared/engine/site-legality';
import { policyScope, type PolicyEvent } from '../../shared/model/policy';
import type { CompanyProfile } from '../../shared/model/profiles';

// ---- hand-made fixtures -------------------------------------------------------------------------

const scope = policyScope;

const ev = (id: string, p: Partial<PolicyEvent> = {}): PolicyEvent => ({
  id,
  issuer: 'US',
  regime: 'us-destination',
  title: `title of ${id}`,
  publishedDate: null,
  effectiveDate: '2024-01-01',
  complianceDate: null,
  endDate: null,
  links: [],
  effect: 'licence_required',
  condition: `condition of ${id}`,
  scope: scope(),
  confidence: 'rule',
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

  it('does not let an owned-hardware rule reach a renting company, and says why in the chain', () => {
    const e = [ev('owned-rule', { scope: scope({ companyHq: ['CN'], deployment: 'owned' }) })];
    expect(status(e, '2024-06-01', owner)).toBe('licence_required');
    const rented = chipLegality(renter, chip, johor, e, '2024-06-01');
    expect(rented.status).toBe('allowed');
    expect(rented.reason).toContain('renting from an operator that owns the hardware escapes owned-rule');
    expect(rented.chain).toEqual([
      expect.objectContaining({ role: 'out-of-scope', why: expect.stringContaining('rents capacity') }),
    ]);
  });

  it('never replaces an event by date order alone: two events of one regime both bind', () => {
    const e = [
      ev('old', { effect: 'licence_required' }),
      ev('new', { effectiveDate: '2024-05-01', effect: 'allowed_with_conditions' }),
    ];
    const r = chipLegality(owner, chip, johor, e, '2024-06-01');
    expect(r.status).toBe('licence_required');
    expect(r.chain.map((c) => [c.event.id, c.role])).toEqual([
      ['old', 'decides'],
      ['new', 'applies'],
    ]);
  });

  it('supersedes: the linked event stops applying to anyone once the newer one counts', () => {
    const link = { kind: 'supersedes' as const, eventId: 'old', reason: 'rewritten' };
    const e = [
      ev('old', { effect: 'prohibited' }),
      ev('new', { effectiveDate: '2024-05-01', effect: 'allowed_with_conditions', links: [link] }),
    ];
    expect(status(e, '2024-04-30')).toBe('prohibited');
    const r = chipLegality(owner, chip, johor, e, '2024-05-01');
    expect(r.status).toBe('conditional');
    expect(r.chain.find((c) => c.event.id === 'old')).toMatchObject({
      role: 'superseded',
      why: 'superseded by new from 2024-05-01: rewritten',
    });
    // Even where the newer event does not reach (another place), the superseded one is gone.
    const elsewhere = [e[0] as PolicyEvent, { ...(e[1] as PolicyEvent), scope: scope({ destinations: ['SG'] }) }];
    expect(status(elsewhere, '2024-06-01')).toBe('allowed');
  });

  it('amends: the linked event is replaced only where the amending event reaches', () => {
    const link = { kind: 'amends' as const, eventId: 'rule', reason: 'licences for MY only' };
    const e = [
      ev('rule', { effect: 'licence_presumption_denial' }),
      ev('fix', {
        effectiveDate: '2024-05-01',
        effect: 'allowed_with_conditions',
        links: [link],
        scope: scope({ destinations: ['MY'] }),
      }),
    ];
    expect(status(e, '2024-06-01')).toBe('conditional');
    const sg: LegalityPlace = { name: 'Tuas', country: 'SG', jurisdictionCode: null };
    expect(status(e, '2024-06-01', owner, chip, sg)).toBe('licence_denial');
  });

  it('suspends: the linked event is off while the suspension is in force, and back after it', () => {
    const link = { kind: 'suspends' as const, eventId: 'rule', reason: 'one-year pause' };
    const e = [
      ev('rule'),
      ev('pause', { effectiveDate: '2024-05-01', endDate: '2025-05-01', effect: 'informational', links: [link] }),
    ];
    expect(status(e, '2024-04-30')).toBe('licence_required');
    expect(status(e, '2024-05-01')).toBe('allowed');
    expect(status(e, '2025-05-01')).toBe('licence_required');
  });

  it('ignores a link to an event of another regime (regimes are cumulative)', () => {
    const link = { kind: 'supersedes' as const, eventId: 'dest', reason: 'wrong regime' };
    const e = [
      ev('dest', { effect: 'licence_presumption_denial' }),
      ev('cloud', { regime: 'us-cloud', effect: 'allowed_with_conditions', links: [link] }),
    ];
    const r = chipLegality(renter, chip, beijing, e, '2024-06-01');
    expect(r.status).toBe('licence_denial');
    expect(r.regimes).toEqual([
      { regime: 'us-destination', status: 'licence_denial', deciders: ['dest'] },
      { regime: 'us-cloud', status: 'conditional', deciders: ['cloud'] },
    ]);
  });

  it('a displaced event keeps its own links: amending a rule does not revive what it superseded', () => {
    const e = [
      ev('r2022', { effectiveDate: '2022-01-01', effect: 'prohibited' }),
      ev('r2023', {
        effectiveDate: '2023-01-01',
        effect: 'licence_presumption_denial',
        links: [{ kind: 'supersedes', eventId: 'r2022', reason: 'rewritten' }],
      }),
      ev('a2025', {
        effectiveDate: '2025-01-01',
        effect: 'allowed_with_conditions',
        links: [{ kind: 'amends', eventId: 'r2023', reason: 'relaxed' }],
      }),
    ];
    const r = chipLegality(owner, chip, johor, e, '2025-06-01');
    expect(r.status).toBe('conditional');
    expect(r.chain.filter((c) => c.role === 'superseded').map((c) => c.event.id)).toEqual(['r2022', 'r2023']);
  });

  it('counts announced and reported events by the confidence floor, and says when it does not', () => {
    const e = [
      ev('rule', { effect: 'licence_required' }),
      ev('ann', { confidence: 'announced', effect: 'licence_presumption_denial' }),
      ev('press', { regime: 'cn-procurement', confidence: 'reported', effect: 'prohibited' }),
    ];
    const at = (floor: 'rule' | 'announced' | 'reported'): ChipLegality =>
      chipLegality(owner, chip, johor, e, '2024-06-01', { confidenceFloor: floor });
    expect(at('reported')).toMatchObject({ status: 'prohibited', confidence: 'reported' });
    expect(at('announced')).toMatchObject({ status: 'licence_denial', confidence: 'announced' });
    expect(at('rule')).toMatchObject({ status: 'licence_required', confidence: 'rule' });
    expect(at('rule').chain.find((c) => c.event.id === 'press')).toMatchObject({
      role: 'not-counted',
      why: expect.stringContaining('rule text only'),
    });
    // A link from an uncounted event displaces nothing.
    const relax = [
      ev('base', { effect: 'licence_presumption_denial' }),
      ev('ann', {
        confidence: 'announced',
        effect: 'allowed_with_conditions',
        links: [{ kind: 'amends', eventId: 'base', reason: 'deal' }],
      }),
    ];
    expect(chipLegality(owner, chip, johor, relax, '2024-06-01').status).toBe('conditional');
    expect(chipLegality(owner, chip, johor, relax, '2024-06-01', { confidenceFloor: 'rule' }).status).toBe(
      'licence_denial',
    );
  });

  it('takes the worst verdict across regimes, and names each regime', () => {
    const e = [
      ev('us', { effect: 'allowed_with_conditions' }),
      ev('cn', { issuer: 'CN', regime: 'cn-procurement', effectiveDate: '2023-01-01', effect: 'licence_required' }),
    ];
    const r = chipLegality(owner, chip, johor, e, '2024-06-01');
    expect(r.status).toBe('licence_required');
    expect(r.chain.map((c) => [c.event.id, c.role])).toEqual([
      ['cn', 'decides'],
      ['us', 'applies'],
    ]);
    expect(r.regimes.map((v) => [v.regime, v.status])).toEqual([
      ['us-destination', 'conditional'],
      ['cn-procurement', 'licence_required'],
    ]);
  });

  it('matches a company by its ultimate parent as well as its HQ', () => {
    const e = [ev('hq', { regime: 'us-headquarters', scope: scope({ companyHq: ['CN'] }) })];
    const sgSubsidiary = { ...owner, hqCountry: 'SG', ultimateParentCountry: 'CN' };
    expect(status(e, '2024-06-01', sgSubsidiary)).toBe('licence_required');
    expect(status(e, '2024-06-01', { ...owner, hqCountry: 'SG', ultimateParentCountry: null })).toBe('allowed');
  });

  it('never lets an informational event change the status, but keeps chip-related ones as context', () => {
    const e = [
      ev('about-chips', { effect: 'informational', scope: scope({ chipClasses: ['frontier_controlled'] }) }),
      ev('about-buildings', { effect: 'informational', regime: 'site-rules' }),
    ];
    const r = chipLegality(owner, chip, johor, e, '2024-06-01');
    expect(r.status).toBe('allowed');
    expect(r.chain.map((c) => [c.event.id, c.role])).toEqual([['about-chips', 'context']]);
  });

  it('maps the effects, with presumption of denial as its own status, and flags tiers in the reason', () => {
    const cases = [
      ['prohibited', 'prohibited'],
      ['licence_presumption_denial', 'licence_denial'],
      ['licence_required', 'licence_required'],
      ['allowed_with_conditions', 'conditional'],
      ['allowed', 'allowed'],
    ] as const;
    for (const [effect, expected] of cases) expect(status([ev('a', { effect })], '2024-06-01')).toBe(expected);
    const denial = chipLegality(owner, chip, johor, [ev('a', { effect: 'licence_presumption_denial' })], '2024-06-01');
    expect(denial.reason).toContain('presumption of denial');
    const reported = chipLegality(owner, chip, johor, [ev('a', { confidence: 'reported' })], '2024-06-01');
    expect(reported.reason).toContain('(reported in the press, not an official text)');
    const announced = chipLegality(owner, chip, johor, [ev('a', { confidence: 'announced' })], '2024-06-01');
    expect(announced.reason).toContain('(announced, no rule text yet)');
    const plain = chipLegality(owner, chip, johor, [ev('a')], '2024-06-01');
    expect(plain.reason).not.toMatch(/reported|presumption|announced/);
  });

  it('explains an unrestricted chip in the documented words', () => {
    expect(chipLegality(owner, chip, johor, [], '2024-06-01').reason).toBe(
      'no rule in force restricts Acme X1 in Kulai (MY-01) for this company on 2024-06-01',
    );
  });

  it('scores statuses on the documented absolute scale', () => {
    expect(
      ['allowed', 'conditional', 'licence_required', 'licence_denial', 'prohibited'].map((s) =>
        legalityScore(s as never),
      ),
    ).toEqual([1, 0.75, 0.4, 0.1, 0]);
  });

  it('answers a workload with the best lawful chip, named, and the strongest chip when it is worse', () => {
    const strong: LegalityChip = { ...chip, id: 'x2', name: 'X2', tpp: 30000 };
    const weak: LegalityChip = { ...other, tpp: 2000 };
    const e = [ev('a', { scope: scope({ chips: ['x2'] }), effect: 'licence_presumption_denial' })];
    const profile = { ...owner, trainingChips: ['x2', 'y1'], inferenceChips: [] };
    const best = siteLegality(profile, [strong, weak], johor, e, '2024-06-01');
    expect(best).toMatchObject({
      status: 'allowed',
      chipId: 'y1',
      strongestChipId: 'x2',
      mode: 'best',
      workload: 'training',
      lawfulTpp: 2000,
      lawfulChipId: 'y1',
    });
    expect(best.reason).toMatch(/^Allowed with Acme Y1 · Acme X2 licence, presumption of denial — /);
    const all = siteLegality(profile, [strong, weak], johor, e, '2024-06-01', {
      workload: 'training',
      mode: 'all',
      confidenceFloor: 'reported',
    });
    expect(all).toMatchObject({ status: 'licence_denial', chipId: 'x2', strongestChipId: null, lawfulTpp: 2000 });
    expect(all.reason).toMatch(/^Acme X2 is the most restricted of the 2 chips/);
    expect(all.chips.map((c) => c.status)).toEqual(['licence_denial', 'allowed']);
    expect(() => siteLegality({ ...profile, trainingChips: ['nope'] }, [chip], johor, e, '2024-06-01')).toThrow(/nope/);
  });

  it('prefers the stronger chip among equally lawful ones, and reads the inference list when asked', () => {
    const strong: LegalityChip = { ...chip, id: 'x2', name: 'X2', tpp: 30000 };
    const weak: LegalityChip = { ...other, tpp: 2000 };
    const profile = { ...owner, trainingChips: ['y1', 'x2'], inferenceChips: ['y1'] };
    expect(siteLegality(profile, [strong, weak], johor, [], '2024-06-01').chipId).toBe('x2');
    const inference = siteLegality(profile, [strong, weak], johor, [], '2024-06-01', {
      workload: 'inference',
      mode: 'best',
      confidenceFloor: 'reported',
    });
    expect(inference.chips.map((c) => c.chipId)).toEqual(['y1']);
  });

  it('reports lawful compute 0 when nothing may run and null when the lawful chips have no TPP', () => {
    const e = [ev('a', { effect: 'prohibited', scope: scope({ chips: ['x1'] }) })];
    const profile = { ...owner, trainingChips: ['x1'], inferenceChips: [] };
    expect(siteLegality(profile, [chip], johor, e, '2024-06-01').lawfulTpp).toBe(0);
    expect(siteLegality(profile, [chip], johor, [], '2024-06-01').lawfulTpp).toBeNull();
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

  it('H20 for a China-HQ lab in mainland China: allowed, then licence required, then conditional (announced)', () => {
    const before = seeded(LAB, 'nvidia-h20', CN_SITE, '2025-04-08');
    expect(before.status).toBe('allowed');
    expect(before.reason).toMatch(
      /^no rule in force restricts Nvidia H20 in Chindata \(Qinhuai Data\) Zhangjiakou campuses \(CN-BJ\)/,
    );

    // The April letter reaches both the destination and the China-headquartered buyer.
    const april = seeded(LAB, 'nvidia-h20', CN_SITE, '2025-04-09');
    expect(april.status).toBe('licence_required');
    expect(deciding(april)).toEqual(['us-2025-04-09-h20-licence', 'us-2025-04-09-h20-licence-hq']);
    expect(seeded(LAB, 'nvidia-h20', CN_SITE, '2025-08-09').status).toBe('licence_required');

    // From 2025-08-10 the announced licences amend both parts of the letter in China; China's reported
    // order pressure is as strict.
    const after = seeded(LAB, 'nvidia-h20', CN_SITE, '2025-09-01');
    expect(after).toMatchObject({ status: 'conditional', confidence: 'reported' });
    expect(deciding(after)).toEqual(['us-2025-08-10-revenue-share', 'cn-2025-08-halt-nvidia-orders']);
    expect(after.reason).toContain('15%');
    expect(after.reason).toContain('announced, no rule text yet');
    expect(after.chain.find((c) => c.event.id === 'us-2025-04-09-h20-licence')?.role).toBe('superseded');
    expect(after.chain.find((c) => c.event.id === 'cn-2025-07-31-cac-summons-nvidia')?.role).toBe('context');
    // Counting rule text only, the announcement amends nothing: the letter binds again.
    const ruleOnly = chipLegality(
      profileOf(LAB),
      chipOf('nvidia-h20'),
      placeOf(CN_SITE),
      seedPolicyEvents,
      '2025-09-01',
      {
        confidenceFloor: 'rule',
      },
    );
    expect(ruleOnly.status).toBe('licence_required');
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

  it('H100 for a China-HQ lab in Singapore: owning needs a licence from the 2023-10-23 notice, renting is conditional', () => {
    expect(seeded(LAB, 'nvidia-h100', 'sg-tuas', '2023-10-22').status).toBe('allowed');
    const notice = seeded(LAB, 'nvidia-h100', 'sg-tuas', '2023-10-23');
    expect(notice.status).toBe('licence_required');
    expect(deciding(notice)).toEqual(['us-2023-10-23-immediate-notice-hq']);
    const owned = seeded(LAB, 'nvidia-h100', 'sg-tuas', '2023-11-17');
    // The notice only brought the rule forward: from 2023-11-17 the rule alone decides.
    expect(deciding(owned)).toEqual(['us-2023-10-17-china-hq-anywhere']);

    const rentedEarly = seeded('cn-private-lab-rented', 'nvidia-h100', 'sg-tuas', '2024-06-01');
    expect(rentedEarly.status).toBe('allowed');
    expect(rentedEarly.reason).toContain('escapes us-2023-10-17-china-hq-anywhere');

    const rented = seeded('cn-private-lab-rented', 'nvidia-h100', 'sg-tuas', '2025-11-27');
    expect(rented.status).toBe('conditional');
    expect(deciding(rented)).toEqual(['us-2025-05-13-iaas-training-guidance']);
    expect(rented.reason).toContain('BIS warns against training AI');
    expect(rented.chain.find((c) => c.event.id === 'press-2025-11-offshore-training')?.role).toBe('context');
  });

  it('renting in Johor after July 2025 is conditional on the BIS guidance; the Malaysian permit is context', () => {
    const owned = seeded(LAB, 'nvidia-h200', 'my-kulai', '2025-08-01');
    expect(owned.status).toBe('licence_required');
    const rented = seeded('cn-private-lab-rented', 'nvidia-h200', 'my-kulai', '2025-08-01');
    expect(rented.status).toBe('conditional');
    expect(deciding(rented)).toEqual(['us-2025-05-13-iaas-training-guidance']);
    expect(rented.chain.find((c) => c.event.id === 'my-2025-07-14-strategic-trade-permit')?.role).toBe('context');
  });

  it('renting B200s in Beijing stays under the destination rule across 2025-05-13', () => {
    for (const day of ['2025-05-12', '2025-05-13', '2025-12-01']) {
      const r = seeded('cn-private-lab-rented', 'nvidia-b200', 'cn-qingpu', day);
      expect(r.status, day).toBe('licence_denial');
      expect(deciding(r), day).toEqual(['us-2023-10-17-advanced-computing']);
    }
  });

  it('A800 in China: allowed in June 2023, under a presumption of denial from the 2023-10-23 notice', () => {
    const june = seeded(LAB, 'nvidia-a800', CN_SITE, '2023-06-15');
    expect(june.status).toBe('allowed');
    expect(june.chain.find((c) => c.event.id === 'us-2022-10-07-below-threshold')?.role).toBe('context');
    expect(seeded(LAB, 'nvidia-a800', CN_SITE, '2023-10-22').status).toBe('allowed');
    const notice = seeded(LAB, 'nvidia-a800', CN_SITE, '2023-10-23');
    expect(notice.status).toBe('licence_denial');
    expect(deciding(notice)).toEqual(['us-2023-10-23-immediate-notice']);
    for (const day of ['2023-11-17', '2024-06-01', '2025-06-01']) {
      const r = seeded(LAB, 'nvidia-a800', CN_SITE, day);
      expect(r.status).toBe('licence_denial');
      expect(deciding(r)).toContain('us-2023-10-17-advanced-computing');
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

  it('a US hyperscaler may run H100 in Johor after 2025-07-14: the permit is for moving chips out', () => {
    const r = seeded('us-hyperscaler', 'nvidia-h100', 'my-sedenak', '2025-07-14');
    expect(r.status).toBe('allowed');
    expect(r.chain.find((c) => c.event.id === 'my-2025-07-14-strategic-trade-permit')?.role).toBe('context');
  });

  it('H200 in China: presumption of denial, announced relief from 2025-12-08, case-by-case rule from 2026-01-15', () => {
    const sg = profileOf('sg-neocloud');
    const at = (site: string, date: string, floor: 'rule' | 'reported' = 'reported'): ChipLegality =>
      chipLegality(sg, chipOf('nvidia-h200'), placeOf(site), seedPolicyEvents, date, { confidenceFloor: floor });
    expect(at(CN_SITE, '2025-12-07').status).toBe('licence_denial');
    const r = at(CN_SITE, '2025-12-08');
    expect(r).toMatchObject({ status: 'conditional', confidence: 'announced' });
    expect(deciding(r)).toEqual(['us-2025-12-08-h200-approved-customers']);
    expect(at(CN_SITE, '2025-12-08', 'rule').status).toBe('licence_denial');
    // Hong Kong is China for the US rules, here as everywhere in the seed.
    expect(at('hk-tsuen-wan', '2025-12-08').status).toBe('conditional');
    const rule = at(CN_SITE, '2026-01-15');
    expect(rule).toMatchObject({ status: 'licence_required', confidence: 'rule' });
    expect(deciding(rule)).toEqual(['us-2026-01-15-h200-case-by-case']);
    expect(rule.chain.find((c) => c.event.id === 'us-2025-12-08-h200-approved-customers')?.role).toBe('superseded');
  });

  it('answers a state-funded centre in China with its best lawful chip, or the worst in fleet mode', () => {
    const p = profileOf('cn-state-funded');
    const best = siteLegality(p, seedChips, placeOf(CN_SITE), seedPolicyEvents, '2025-11-10');
    expect(best).toMatchObject({ status: 'allowed', chipId: 'huawei-ascend-910c', lawfulChipId: 'huawei-ascend-910c' });
    expect(best.reason).toMatch(/^Allowed with Huawei Ascend 910C/);
    const all = siteLegality(p, seedChips, placeOf(CN_SITE), seedPolicyEvents, '2025-11-10', {
      workload: 'training',
      mode: 'all',
      confidenceFloor: 'reported',
    });
    expect(all).toMatchObject({ status: 'prohibited', chipId: 'nvidia-h20' });
    expect(all.reason).toMatch(/^Nvidia H20 is the most restricted of the 3 chips/);
    expect(all.chips.map((c) => c.chipId)).toEqual(p.trainingChips);
  });
});
