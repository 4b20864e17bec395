// The report at the size the brief sets: 20 sites with sensitivity (2 000 SMAA samples), rendered to
// HTML (target under 3 s) and to PDF (target under 6 s, a local Chromium printing the HTML). The
// HTML case is timed against the two calls any report of the scenario needs (score.run and
// sensitivity.run with the same samples), so its ratio is the price of the report itself; the PDF
// case against the HTML it prints. Each line's candidate time is the absolute time to compare with
// the target in its name.
import { createBackend, type Backend } from '../../backend/backend';
import type { BenchCase } from './harness';

const SITES = 20;
const SCENARIO = { presetId: 'cost-first', profileId: 'cn-private-lab-rented', asOf: '2025-09-01' };

/** The seeded store cut down to its first 20 sites (metric values of the others go with them). */
function twentySiteStore(): Backend {
  const backend = createBackend({ dbPath: ':memory:', version: 'bench', backupSchedule: false });
  backend.db.prepare('DELETE FROM sites WHERE id NOT IN (SELECT id FROM sites ORDER BY id LIMIT ?)').run(SITES);
  const n = (backend.db.prepare('SELECT count(*) AS n FROM sites').get() as { n: number }).n;
  if (n !== SITES) throw new Error(`the bench store has ${n} sites, not ${SITES}`);
  return backend;
}

async function ok(result: Promise<{ ok: boolean }>): Promise<void> {
  const r = await result;
  if (!r.ok) throw new Error(`bench call failed: ${JSON.stringify(r)}`);
}

export function reportCases(): { cases: BenchCase[]; close(): void } {
  const backend = twentySiteStore();
  const sensitivity = { samples: 2000, seed: 1 };
  // Two of the remaining sites pinned, so the compare section is rendered too.
  const sites = (backend.db.prepare('SELECT id FROM sites ORDER BY id LIMIT 2').all() as { id: string }[]).map(
    (r) => r.id,
  );
  const render = (format: string): Promise<void> =>
    ok(backend.dispatch('report.render', { ...SCENARIO, sites, sensitivity, format }));
  const cases: BenchCase[] = [
    {
      name: 'report 20 sites + SMAA 2000 → HTML (target < 3 s) vs score+sensitivity',
      iterations: 5,
      warmup: 1,
      baseline: async () => {
        await ok(backend.dispatch('score.run', SCENARIO));
        await ok(backend.dispatch('sensitivity.run', { ...SCENARIO, ...sensitivity }));
      },
      candidate: () => render('html'),
    },
    {
      name: 'report 20 sites + SMAA 2000 → PDF (target < 6 s) vs → HTML',
      iterations: 3,
      warmup: 1,
      baseline: () => render('html'),
      candidate: () => render('pdf'),
    },
  ];
  return { cases, close: () => backend.close() };
}
