// A tiny benchmark harness: each case times a candidate against a baseline in the same run and
// prints the ratio, so numbers compare across machines and loads.
export interface BenchCase {
  name: string;
  /** What one iteration processes, for throughput lines (e.g. rows). */
  unitsPerIteration?: number;
  unit?: string;
  /** Timed runs of each side (default: what the caller asks for); fewer for cases that take seconds. */
  iterations?: number;
  /** Untimed runs of each side first (default 5). */
  warmup?: number;
  baseline: () => unknown;
  candidate: () => unknown;
  /**
   * The baseline runs a smaller workload (too slow at full size); its time is multiplied by this
   * before the ratio. Say so in the case's name.
   */
  baselineScale?: number;
  /**
   * Time the two sides turn about (baseline, candidate, baseline, …) rather than one after the
   * other, so that a load on a shared machine that comes and goes weighs on both alike.
   */
  interleave?: boolean;
  /**
   * A throughput the candidate must reach (in `unit`s per second, over `unitsPerIteration`): the
   * line then says the target and whether this run met it.
   */
  target?: number;
}

export interface BenchResult {
  name: string;
  baselineMs: number;
  candidateMs: number;
  ratio: number;
}

async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  const out = fn();
  if (out instanceof Promise) await out;
  return performance.now() - start;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function medianMs(fn: () => unknown, iterations: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) times.push(await timeMs(fn));
  return median(times);
}

export async function runCase(c: BenchCase, defaultIterations = 50): Promise<BenchResult> {
  const iterations = c.iterations ?? defaultIterations;
  // Warm both paths so the JIT has seen them before timing.
  await medianMs(c.baseline, c.warmup ?? 5);
  await medianMs(c.candidate, c.warmup ?? 5);
  let baselineMs: number;
  let candidateMs: number;
  if (c.interleave === true) {
    const base: number[] = [];
    const cand: number[] = [];
    for (let i = 0; i < iterations; i++) {
      base.push(await timeMs(c.baseline));
      cand.push(await timeMs(c.candidate));
    }
    baselineMs = median(base) * (c.baselineScale ?? 1);
    candidateMs = median(cand);
  } else {
    baselineMs = (await medianMs(c.baseline, iterations)) * (c.baselineScale ?? 1);
    candidateMs = await medianMs(c.candidate, iterations);
  }
  return { name: c.name, baselineMs, candidateMs, ratio: candidateMs / baselineMs };
}

export function formatResult(r: BenchResult, c: BenchCase): string {
  const unit = c.unit ?? 'units';
  const perSecond = c.unitsPerIteration === undefined ? null : c.unitsPerIteration / (r.candidateMs / 1000);
  const rate = perSecond === null ? '' : `  ${Math.round(perSecond).toLocaleString('en-US')} ${unit}/s`;
  return `${r.name.padEnd(44)} baseline ${r.baselineMs.toFixed(3)} ms  candidate ${r.candidateMs.toFixed(3)} ms  ratio ${r.ratio.toFixed(2)}×${rate}${targetNote(r, c)}`;
}

/**
 * "target ≥ 50,000 sites/s (≤ 1.00 s for 50,000): met", judged on this run's candidate time alone;
 * when not met, the baseline's own rate in the same run says how fast the machine was.
 */
function targetNote(r: BenchResult, c: BenchCase): string {
  const units = c.unitsPerIteration;
  if (c.target === undefined || units === undefined) return '';
  const unit = c.unit ?? 'units';
  const rate = (ms: number): number => units / (ms / 1000);
  const target = `  target ≥ ${c.target.toLocaleString('en-US')} ${unit}/s (≤ ${(units / c.target).toFixed(2)} s for ${units.toLocaleString('en-US')})`;
  if (rate(r.candidateMs) >= c.target) return `${target}: met`;
  const baseline = Math.round(rate(r.baselineMs)).toLocaleString('en-US');
  return `${target}: NOT met (the baseline ran at ${baseline} ${unit}/s in this run)`;
}
