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

async function main(): Promise<void> {
  // First, in a fresh process (as each numpy baseline runs in its own): the engine is not timed
  // amid the garbage the store and report cases leave behind.
  const numpy = await numpyLines();
  // BENCH_ONLY=numpy: just the engine-vs-numpy lines (a minute instead of three).
  if (process.env.BENCH_ONLY === 'numpy') {
    process.stdout.write(`${numpy.join('\n')}\n`);
    return;
  }
  const backend = createBackend({ dbPath: ':memory:', version: 'bench' });
  const transfer = transferCases();
  const edits = editCases();
  const reports = reportCases();
  const seal = sealCases();
  const cases: BenchCase[] = [
    {
      // The contract's validation (input and output schemas) over a direct repository read.
      name: 'sites.list through the dispatcher vs repo',
      unitsPerIteration: listSites(backend.db).length,
      unit: 'sites',
      baseline: () => listSites(backend.db),
      candidate: () => backend.dispatch('sites.list', {}),
    },
    ...transfer.cases,
    ...edits.cases,
    ...sensitivityCases(),
    ...scoreCases(),
    ...reports.cases,
    ...seal.cases,
  ];
  for (const c of cases) {
    const result = await runCase(c, 200);
    process.stdout.write(`${formatResult(result, c)}\n`);
  }
  process.stdout.write(`${numpy.join('\n')}\n`);
  process.stdout.write(`${perfResultLines().join('\n')}\n`);
  backend.close();
  transfer.close();
  edits.close();
  reports.close();
  seal.close();
}

void main();
