// The workspace's browser measurements (Chromium, from the e2e perf scripts) are not re-run by
// `npm run bench` (they need a build and a browser); it prints the latest ones the scripts wrote to
// test-results/perf/*.json, with when they were written, or says how to produce them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(process.cwd(), 'test-results', 'perf');
const HOW =
  'flock /tmp/landfall-e2e.lock npm run test:e2e -- tests/e2e/perf-workspace.e2e.ts tests/e2e/perf-map.e2e.ts';

type Json = Record<string, unknown>;
const num = (x: unknown): string => (typeof x === 'number' ? x.toFixed(1) : '–');
const int = (x: unknown): string => (typeof x === 'number' ? String(Math.round(x)) : '–');
const obj = (x: unknown): Json => (typeof x === 'object' && x !== null ? (x as Json) : {});

function read(file: string): { data: Json; when: string } | null {
  const path = join(DIR, file);
  if (!existsSync(path)) return null;
  try {
    return { data: obj(JSON.parse(readFileSync(path, 'utf8'))), when: statSync(path).mtime.toISOString() };
  } catch {
    return null;
  }
}

/** Lines describing the latest browser measurements (or how to take them). */
export function perfResultLines(): string[] {
  const lines = ['', 'Browser measurements (Chromium, 1280×800; latest e2e perf run):'];
  const workspace = read('workspace.json');
  if (workspace) {
    const first = obj(workspace.data.firstPaint);
    for (const [label, key] of [
      ['seeded store', 'seeded'],
      ['large store', 'large'],
    ] as const) {
      const f = obj(first[key]);
      lines.push(
        `  first paint, ${label} (${int(f.sites)} sites): first-contentful-paint ${num(f.fcpMedianMs)} ms, ` +
          `first ranking ${num(f.firstRankingMedianMs)} ms, markers ${num(f.firstMarkersMedianMs)} ms (target < 1500 ms)`,
      );
    }
    const d = obj(workspace.data.dragStep);
    lines.push(
      `  weight slider step (${int(d.sites)} sites, ${int(d.steps)} steps): re-rank, render and repaint median ` +
        `${num(d.stepCostMedianMs)} ms, p95 ${num(d.stepCostP95Ms)} ms (target < 16 ms); keypress to the next paint ` +
        `median ${num(d.toPaintMedianMs)} ms, p95 ${num(d.toPaintP95Ms)} ms   [${workspace.when}]`,
    );
  } else lines.push('  no workspace.json yet');
  const map = read('map-pan.json');
  if (map) {
    lines.push(
      `  map pan (${int(map.data.sites)} sites): ${num(map.data.fps)} fps, median frame ${num(map.data.medianFrameMs)} ms, ` +
        `p95 ${num(map.data.p95FrameMs)} ms (target 60 fps)   [${map.when}]`,
    );
  } else lines.push('  no map-pan.json yet');
  if (!workspace || !map) lines.push(`  to measure: ${HOW}`);
  return lines;
}
