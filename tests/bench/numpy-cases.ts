// The engine against numpy in the same run (issue 12, item 7): SMAA 10 000 samples × 1 000 sites ×
// 20 criteria with half the cells ranged and with the weights only, and WSM, WPM and TOPSIS on
// 100 000 × 20, each printed as engine ms, numpy ms and the ratio engine/numpy (below 1: the engine
// is faster).
//
// Both sides get the same data: the bench generates it (seeded), writes it to a temporary folder as
// raw float64 and tests/bench/numpy_baseline.py loads it there, untimed; numpy times only its
// computation (perf_counter around it), the engine only its call (no process start, no data
// generation). Each case takes turns over ROUNDS rounds — numpy's runs, then the engine's, then
// numpy's again … — so load that comes and goes on a shared machine hits both alike (one numpy
// batch then one engine batch let a burst land on one side only); the figures are medians over all
// rounds. Without python3 or numpy the lines say so and are skipped.
//
// The engine side is what the product runs: SMAA through the backend's sensitivity runner (its
// worker-thread pool; the one-thread time is printed beside it), scoring through scoreMatrix (which
// also returns ranks and coverage; numpy's timed work includes ranking the sites, and its time
// without the ranking is printed too).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSensitivityRunner } from '../../backend/services/sensitivity/sensitivity-runner';
import { defaultSmaaPool } from '../../backend/services/sensitivity/smaa-parallel';
import { createRng } from '../../shared/engine/random';
import { scoreMatrix } from '../../shared/engine/score';
import { runSmaa, type SmaaResult, type SmaaSettings } from '../../shared/engine/smaa';
import type { CriterionSpec, DecisionMatrix, Method, ScoreOptions } from '../../shared/engine/types';

const SMAA_SITES = 1000;
const SMAA_CRITERIA = 20;
const SMAA_SAMPLES = 10_000;
const SCORE_SITES = 100_000;
const SCORE_CRITERIA = 20;
const SCRIPT = join(process.cwd(), 'tests', 'bench', 'numpy_baseline.py');
/** Turns each side takes per case (see the header). */
const ROUNDS = 3;

interface NumpyTiming {
  ms: number[];
  plainMs: number[];
  check: { top: number; topScore?: number; pFirst?: number };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function timesMs(fn: () => unknown, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

function criteriaOf(m: number): CriterionSpec[] {
  return Array.from({ length: m }, (_, j) => ({
    id: `c${String(j).padStart(2, '0')}`,
    direction: j % 4 === 3 ? 'cost' : 'benefit',
    normalisation: { kind: 'minmax' },
    missing: 'zero',
  }));
}

/** Seeded data: values 0–1000; with ranges, half the cells (at random) get [0.9 x, 1.1 x]. */
function benchMatrix(sites: number, m: number, seed: number, ranged: boolean): DecisionMatrix {
  const rng = createRng(seed);
  const cells = sites * m;
  const values = new Float64Array(cells);
  const low = new Float64Array(cells).fill(Number.NaN);
  const high = new Float64Array(cells).fill(Number.NaN);
  for (let k = 0; k < cells; k++) {
    const v = 1000 * rng.next();
    values[k] = v;
    if (ranged && rng.next() < 0.5) {
      low[k] = 0.9 * v;
      high[k] = 1.1 * v;
    }
  }
  return {
    siteIds: Array.from({ length: sites }, (_, i) => `site-${String(i).padStart(6, '0')}`),
    criteria: criteriaOf(m),
    values,
    low,
    high,
    asOfDay: new Float64Array(cells).fill(Number.NaN),
  };
}

function weightsOf(m: number, seed: number): Record<string, number> {
  const rng = createRng(seed);
  const w: Record<string, number> = {};
  for (const c of criteriaOf(m)) w[c.id] = 0.2 + rng.next();
  return w;
}

/** Why numpy cannot run here, or null. */
function numpyMissing(): string | null {
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  if (probe.error) return `python3 not found (${probe.error.message})`;
  if (probe.status !== 0) return `numpy not importable (${probe.stderr.trim().split('\n').at(-1) ?? 'error'})`;
  return null;
}

interface Case {
  name: string;
  kind: 'smaa' | Method;
  matrix: DecisionMatrix;
  weights: Record<string, number>;
  ranged?: boolean;
  runs: number;
}

/** numpy's timings of `c.runs` runs (in a fresh process, after its own untimed warm-up run). */
function runNumpy(dir: string, c: Case, settings?: SmaaSettings): NumpyTiming {
  const specPath = join(dir, `${c.name}.json`);
  if (!existsSync(specPath)) writeSpec(dir, specPath, c, settings);
  const run = spawnSync('python3', [SCRIPT, specPath], { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 600_000 });
  if (run.status !== 0) throw new Error(`numpy baseline failed: ${run.stderr || run.error?.message}`);
  return (JSON.parse(run.stdout) as Record<string, NumpyTiming>)[c.name] as NumpyTiming;
}

/** The case's data as raw float64 files and the spec numpy_baseline.py reads (once per case). */
function writeSpec(dir: string, specPath: string, c: Case, settings?: SmaaSettings): void {
  const { matrix } = c;
  const file = (name: string, data: Float64Array): string => {
    const path = join(dir, `${c.name}-${name}.f64`);
    writeFileSync(path, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    return path;
  };
  const ids = matrix.criteria.map((k) => k.id);
  const total = ids.reduce((s, id) => s + (c.weights[id] ?? 0), 0);
  const spec = {
    cases: [
      {
        name: c.name,
        kind: c.kind,
        sites: matrix.siteIds.length,
        criteria: ids.length,
        values: file('values', matrix.values),
        low: file('low', matrix.low),
        high: file('high', matrix.high),
        cost: matrix.criteria.map((k) => k.direction === 'cost'),
        weights: ids.map((id) => c.weights[id] ?? 0),
        // Dirichlet(κ w̄), κ = 50: SMAA's 'around_preset' (smaa.ts).
        alpha: ids.map((id) => (50 * (c.weights[id] ?? 0)) / total),
        samples: settings?.samples ?? 0,
        seed: settings?.seed ?? 1,
        ranged: c.ranged === true,
        runs: c.runs,
      },
    ],
  };
  writeFileSync(specPath, JSON.stringify(spec));
}

const ms = (x: number): string => `${x.toFixed(x < 100 ? 1 : 0)} ms`;
const line = (name: string, engine: number, numpy: number, rest: string): string =>
  `${name.padEnd(44)} numpy ${ms(numpy)}  engine ${ms(engine)}  ratio ${(engine / numpy).toFixed(2)}×  ${rest}`;

function topOf(result: SmaaResult): { site: string; p: number } {
  const best = result.sites.reduce((a, b) => (b.pFirst > a.pFirst ? b : a));
  return { site: best.siteId, p: best.pFirst };
}

/** The engine-vs-numpy lines (or why they were skipped). */
export async function numpyLines(): Promise<string[]> {
  const missing = numpyMissing();
  const lines = [
    '',
    'Engine vs numpy (same data, compute only, medians; ratio = engine ÷ numpy, below 1 = engine faster):',
  ];
  if (missing !== null) {
    lines.push(`  skipped: ${missing}; install python3 and numpy (pip install numpy) to compare`);
    return lines;
  }
  const dir = mkdtempSync(join(tmpdir(), 'landfall-bench-'));
  try {
    const runner = createSensitivityRunner();
    const threads = defaultSmaaPool()?.threads ?? 1;
    const smaaRanged = benchMatrix(SMAA_SITES, SMAA_CRITERIA, 2026, true);
    const smaaWeights = weightsOf(SMAA_CRITERIA, 2027);
    let runs = 0;
    for (const ranged of [true, false]) {
      const settings: SmaaSettings = { samples: SMAA_SAMPLES, seed: 1, mode: 'around_preset', sampleValues: ranged };
      const options: ScoreOptions = {
        method: 'wsm',
        weights: smaaWeights,
        constraints: [],
        asOf: '2026-01-01',
        staleAfterDays: 3650,
      };
      const c: Case = {
        name: ranged ? 'smaa-ranges' : 'smaa-weights',
        kind: 'smaa',
        matrix: smaaRanged,
        weights: smaaWeights,
        ranged,
        runs: 1,
      };
      let result: SmaaResult | null = null;
      const numpyMs: number[] = [];
      const engineMs: number[] = [];
      const singleMs: number[] = [];
      let numpy: NumpyTiming | null = null;
      for (let round = 0; round < ROUNDS; round++) {
        numpy = runNumpy(dir, c, settings);
        numpyMs.push(...numpy.ms);
        const pooled = async (): Promise<SmaaResult> =>
          (result = await runner.run(`bench-${runs++}`, smaaRanged, options, settings, () => undefined));
        engineMs.push(...(await timesMs(pooled, 1, round === 0 ? 2 : 0)));
        singleMs.push(...(await timesMs(() => runSmaa(smaaRanged, options, settings), 1, round === 0 ? 1 : 0)));
      }
      const check = (numpy as NumpyTiming).check;
      const engine = median(engineMs);
      const single = median(singleMs);
      const top = topOf(result as unknown as SmaaResult);
      const label = ranged ? `SMAA 10k×1000×20, half the cells ranged` : `SMAA 10k×1000×20, weights only`;
      lines.push(
        line(
          label,
          engine,
          median(numpyMs),
          `(${threads} threads; 1 thread ${ms(single)}${ranged ? `; target < 1 s: ${engine < 1000 ? 'met' : 'NOT met'}` : ''}; ` +
            `top site ${top.site} p ${top.p.toFixed(3)}, numpy site-${String(check.top).padStart(6, '0')} p ${(check.pFirst ?? 0).toFixed(3)})`,
        ),
      );
    }
    const scoreData = benchMatrix(SCORE_SITES, SCORE_CRITERIA, 7, false);
    const scoreWeights = weightsOf(SCORE_CRITERIA, 8);
    for (const method of ['wsm', 'wpm', 'topsis'] as const) {
      const options: ScoreOptions = {
        method,
        weights: scoreWeights,
        constraints: [],
        asOf: '2026-01-01',
        staleAfterDays: 3650,
        contributions: 'none',
      };
      const c: Case = { name: method, kind: method, matrix: scoreData, weights: scoreWeights, runs: 5 };
      let out = scoreMatrix(scoreData, options);
      const numpyMs: number[] = [];
      const plainMs: number[] = [];
      const engineMs: number[] = [];
      let numpy: NumpyTiming | null = null;
      for (let round = 0; round < ROUNDS; round++) {
        numpy = runNumpy(dir, c);
        numpyMs.push(...numpy.ms);
        plainMs.push(...numpy.plainMs);
        engineMs.push(...(await timesMs(() => (out = scoreMatrix(scoreData, options)), c.runs, round === 0 ? 3 : 0)));
      }
      const check = (numpy as NumpyTiming).check;
      const top = out.rank.indexOf(1);
      const agree = top === check.top && Math.abs((out.scores[top] as number) - (check.topScore ?? Number.NaN)) < 1e-9;
      lines.push(
        line(
          `${method.toUpperCase()} 100k×20 scoreMatrix`,
          median(engineMs),
          median(numpyMs),
          `(numpy without ranking ${ms(median(plainMs))}; top site ${agree ? 'and score agree' : 'DIFFER'})`,
        ),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
