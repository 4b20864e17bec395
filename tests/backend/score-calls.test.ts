// score.run on the seeded store through the real dispatcher, and `landfall score`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../backend/backend';
import { buildScoringInput } from '../../backend/services/scoring/score-matrix';
import type { CallOutput } from '../../shared/contract';
import { runCliCapturing, type CliRun } from './cli-capture';

let backend: Backend;
let dir: string;
let dbPath: string;

beforeAll(() => {
  backend = createBackend({ dbPath: ':memory:', version: 't' });
  dir = mkdtempSync(join(tmpdir(), 'landfall-score-'));
  dbPath = join(dir, 'store.sqlite');
  createBackend({ dbPath, version: 't', backupSchedule: false }).close();
});

afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(input: unknown): Promise<CallOutput<'score.run'>> {
  const result = await backend.dispatch('score.run', input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as CallOutput<'score.run'>;
}

describe('score.run', () => {
  it('ranks the seeded sites for a preset and profile', async () => {
    const out = await run({ presetId: 'cost-first', profileId: 'cn-private-lab-owned', asOf: '2026-01-15' });
    expect(out.preset.id).toBe('cost-first');
    expect(out.profile?.id).toBe('cn-private-lab-owned');
    expect(out.method).toBe('wsm');
    expect(Object.values(out.weights).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    const ranked = out.results.filter((r) => !r.excluded);
    expect(ranked.length).toBeGreaterThan(0);
    // Competition ranks: equal scores share a rank, the next rank skips ("1, 1=, 3").
    for (const r of ranked) {
      expect(r.rank).toBe(1 + ranked.filter((x) => (x.score as number) > (r.score as number)).length);
      expect(r.tied).toBe(ranked.some((x) => x !== r && x.score === r.score));
    }
    for (const r of out.results) {
      if (r.excluded) expect(r.reasons.length).toBeGreaterThan(0);
      else expect(Object.values(r.contributions ?? {}).reduce((s, v) => s + v, 0)).toBeCloseTo(r.score as number, 9);
    }
  });

  it('without a profile, chips_legal constraints exclude every site with a reason', async () => {
    const out = await run({ presetId: 'cost-first', asOf: '2026-01-15' });
    expect(out.profile).toBeNull();
    expect(out.results.every((r) => r.excluded && r.reasons.some((x) => /legality/.test(x)))).toBe(true);
  });

  it('weights override the preset and other methods run', async () => {
    const out = await run({
      presetId: 'cost-first',
      profileId: 'us-hyperscaler',
      method: 'topsis',
      weights: { policy_churn: 5 },
    });
    expect(out.method).toBe('topsis');
    expect(out.weights.policy_churn).toBeGreaterThan(0.3);
    const bad = await backend.dispatch('score.run', { presetId: 'nope' });
    expect(bad.ok).toBe(false);
  });

  it('buildScoringInput is shared with sensitivity: matrix shape and options agree', () => {
    const b = buildScoringInput(backend.db, {
      presetId: 'latency-inference',
      profileId: 'sg-neocloud',
      asOf: '2026-01-15',
    });
    expect(b.matrix.values.length).toBe(b.sites.length * b.matrix.criteria.length);
    expect(b.matrix.siteIds).toEqual(b.sites.map((s) => s.id));
    expect(Object.keys(b.options.legality ?? {}).length).toBe(b.sites.length);
  });

  it("groups each market fact's cells so SMAA draws the fact once; a site's own fact stands alone", () => {
    const b = buildScoringInput(backend.db, { presetId: 'cost-first', profileId: 'sg-neocloud', asOf: '2026-01-15' });
    const m = b.matrix.criteria.length;
    const j = b.matrix.criteria.findIndex((c) => c.id === 'land_cost_usd_m2');
    const cellOf = (id: string): number => b.matrix.siteIds.indexOf(id) * m + j;
    const group = (id: string): number => b.matrix.rangeGroup?.[cellOf(id)] ?? Number.NaN;
    // Singapore's land price is the market's (C&W's Singapore figure): one fact for Tuas and Loyang.
    expect(group('sg-tuas')).toBeGreaterThanOrEqual(0);
    expect(group('sg-loyang')).toBe(group('sg-tuas'));
    // Kulai and Sedenak each have their own C&W band (site-level facts): drawn on their own.
    expect(group('my-kulai')).toBe(-1);
    expect(group('my-sedenak')).toBe(-1);
  });
});

describe('landfall score', () => {
  const cli = (...argv: string[]): Promise<CliRun> => runCliCapturing(argv, dbPath);

  it('prints JSON with ranks, null for excluded sites', async () => {
    const r = await cli('score', '--preset', 'cost-first', '--profile', 'us-hyperscaler', '--as-of', '2026-01-15');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as CallOutput<'score.run'>;
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['asOf', 'preset', 'profile', 'method', 'results']));
    expect(out.results[0]?.rank).toBe(1);
  });

  it('prints CSV and Markdown, and refuses a missing --preset', async () => {
    const csv = await cli('score', '--preset', 'cost-first', '--profile', 'us-hyperscaler', '--format', 'csv');
    expect(csv.out.split('\n')[0]).toMatch(/^rank,site_id,name,score,tied,coverage,stale_coverage,thin,excluded/);
    const md = await cli('score', '--preset', 'cost-first', '--profile', 'us-hyperscaler', '--format', 'md');
    expect(md.out).toMatch(/\| rank \| site \| score \| coverage \| notes \|/);
    expect((await cli('score')).code).toBe(2);
  });
});
