// `npm run bench`: every benchmark case, printed as a ratio against its in-run baseline.
import { createBackend } from '../../backend/backend';
import { listSites } from '../../db/sites-repo';
import { editCases } from './edit-cases';
import { formatResult, runCase, type BenchCase } from './harness';
import { numpyLines } from './numpy-cases';
import { perfResultLines } from './perf-results';
import { reportCases } from './report-cases';
import { scoreCases } from './score-cases';
import { sealCases } from './seal-cases';
import { sensitivityCases } from './sensitivity-cases';
import { transferCases } from './transfer-cases';

/**
 * `BENCH_ONLY=transfer,seal npm run bench` runs only those groups of cases (numpy, dispatch,
 * transfer, edit, sensitivity, score, report, seal, browser); without it, every one.
 * `BENCH_ONLY=numpy` gives just the engine-vs-numpy lines (a minute instead of three).
 */
const only = new Set(
  (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== ''),
);
const wanted = (group: string): boolean => only.size === 0 || only.has(group);

interface Group {
  cases: BenchCase[];
  close?: () => void;
}

/** A group's cases (and what to close after them), built only when the group is wanted. */
async function group(name: string, make: () => Group | Promise<Group>): Promise<Group> {
  return wanted(name) ? await make() : { cases: [] };
}

async function main(): Promise<void> {
  // First, in a fresh process (as each numpy baseline runs in its own): the engine is not timed
  // amid the garbage the store and report cases leave behind.
  const numpy = wanted('numpy') ? await numpyLines() : [];
  const backend = createBackend({ dbPath: ':memory:', version: 'bench' });
  const dispatch = await group('dispatch', () => ({
    cases: [
      {
        // The contract's validation (input and output schemas) over a direct repository read.
        name: 'sites.list through the dispatcher vs repo',
        unitsPerIteration: listSites(backend.db).length,
        unit: 'sites',
        baseline: () => listSites(backend.db),
        candidate: () => backend.dispatch('sites.list', {}),
      },
    ],
  }));
  const groups = [
    dispatch,
    await group('transfer', transferCases),
    await group('edit', editCases),
    await group('sensitivity', () => ({ cases: sensitivityCases() })),
    await group('score', () => ({ cases: scoreCases() })),
    await group('report', reportCases),
    await group('seal', sealCases),
  ];
  for (const c of groups.flatMap((g) => g.cases)) {
    const result = await runCase(c, 200);
    process.stdout.write(`${formatResult(result, c)}\n`);
  }
  if (numpy.length > 0) process.stdout.write(`${numpy.join('\n')}\n`);
  if (wanted('browser')) process.stdout.write(`${perfResultLines().join('\n')}\n`);
  backend.close();
  for (const g of groups) g.close?.();
}

void main();
