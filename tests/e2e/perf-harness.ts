// What the perf e2e scripts share: a deterministic synthetic sites CSV, a server whose store gets those
// sites through the CLI's import, frame-time statistics, and the JSON result under test-results/perf/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { serve, type Served } from './harness';

/** mulberry32: the same numbers on every run, so every run measures the same store. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A market's id, country and centre; synthetic sites scatter around it, as real campuses crowd hubs. */
export type Market = [id: string, country: string, lat: number, lon: number];

/** Seed markets with a centre; synthetic sites scatter ±3° around them, as real campuses crowd hubs. */
export const MARKETS: Market[] = [
  ['sg', 'SG', 1.35, 103.82],
  ['my-johor', 'MY', 1.75, 103.6],
  ['id-batam', 'ID', 1.05, 104.03],
  ['cn-jjj', 'CN', 39.9, 116.4],
  ['cn-nmg', 'CN', 40.8, 111.7],
  ['cn-gz', 'CN', 26.6, 106.7],
  ['cn-yrd', 'CN', 31.2, 121.0],
  ['cn-gba', 'CN', 23.1, 113.3],
  ['hk', 'HK', 22.3, 114.2],
  ['th-eec', 'TH', 13.3, 100.9],
  ['id-jakarta', 'ID', -6.3, 107.0],
  ['jp-tokyo', 'JP', 35.7, 139.8],
  ['in-mumbai', 'IN', 19.1, 73.0],
  ['au-sydney', 'AU', -33.8, 151.1],
];

/**
 * `count` sites spread ±spreadDeg/2 around the markets in turn, with two cost criteria (power price,
 * grid carbon) so the scores and colours spread.
 */
export function scatteredSitesCsv(count: number, seed: number, markets: readonly Market[], spreadDeg: number): string {
  const random = seededRandom(seed);
  const lines = ['id,name,country,region,lat,lon,power_price_usc_kwh,grid_carbon_g_kwh,source_title,source_url,as_of'];
  for (let i = 0; i < count; i++) {
    const [market, country, lat, lon] = markets[i % markets.length] ?? ['sg', 'SG', 1.35, 103.82];
    lines.push(
      [
        `perf-${i}`,
        `Perf site ${i}`,
        country,
        market,
        (lat + (random() - 0.5) * spreadDeg).toFixed(4),
        (lon + (random() - 0.5) * spreadDeg).toFixed(4),
        (5 + random() * 15).toFixed(2),
        (100 + random() * 800).toFixed(0),
        'Synthetic perf site',
        'https://example.org/landfall-perf',
        '2025-01-01',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Serves a fresh store into which `csv` (a sites CSV) was imported through the CLI before the server started. */
export function serveWithSites(csv: string, fileName = 'perf-sites.csv'): Promise<Served> {
  return serve({
    prepare: (dbPath) => {
      const path = join(dirname(dbPath), fileName);
      writeFileSync(path, csv);
      const imported = spawnSync(process.execPath, ['dist/node/cli.cjs', 'import', path, '--db', dbPath], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);
    },
  });
}

/** The value at quantile q (0–1) of already sorted numbers; NaN when there are none. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

export function median(xs: readonly number[]): number {
  return quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );
}

export function p95(xs: readonly number[]): number {
  return quantile(
    [...xs].sort((a, b) => a - b),
    0.95,
  );
}

export interface FrameStats {
  /** The three longest frames: when they started (ms after counting began) and how long they took. */
  slowest: { atMs: number; ms: number }[];
  frames: number;
  elapsedMs: number;
  fps: number;
  medianFrameMs: number;
  p95FrameMs: number;
  longestFrameMs: number;
}

/** Frame statistics from requestAnimationFrame timestamps (one per frame, in order). */
export function frameStats(stamps: readonly number[]): FrameStats {
  const gaps = stamps.slice(1).map((t, i) => t - (stamps[i] ?? t));
  const first = stamps[0] ?? 0;
  const slowest = gaps
    .map((ms, i) => ({ atMs: Math.round((stamps[i] ?? 0) - first), ms: Math.round(ms) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (q: number): number => (sorted.length === 0 ? 0 : quantile(sorted, q));
  const elapsedMs = (stamps[stamps.length - 1] ?? 0) - first;
  return {
    slowest,
    frames: gaps.length,
    elapsedMs,
    fps: elapsedMs > 0 ? (gaps.length * 1000) / elapsedMs : 0,
    medianFrameMs: at(0.5),
    p95FrameMs: at(0.95),
    longestFrameMs: sorted[sorted.length - 1] ?? 0,
  };
}

/** Writes a perf result to test-results/perf/<name>.json (kept by CI, compared across runs by hand). */
export function writePerfResult(name: string, result: unknown): string {
  const path = join(process.cwd(), 'test-results', 'perf', `${name}.json`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
