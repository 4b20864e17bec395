// `npm run faults`: the fault-injection suite against real processes and store files in temp folders.
// Prints the table (kind | cases tried | handled cleanly | data changed | data lost) and a line per
// failing case; exits 1 unless every case was handled and no data was changed or lost.
// Options: --fast (leave out the slow cases), --only TEXT (kinds whose name contains TEXT), --verbose.
import { parseArgs } from 'node:util';
import { failures, formatTable, runFaults, tally } from './suite';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { fast: { type: 'boolean' }, only: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } },
  });
  const started = Date.now();
  const results = await runFaults({
    fast: values.fast ?? false,
    only: values.only,
    onCase: (r) => {
      const mark = !r.handled || r.changed || r.lost ? 'FAIL' : 'ok  ';
      if (values.verbose || mark === 'FAIL') {
        process.stderr.write(`${mark} ${r.kind} › ${r.name} (${(r.ms / 1000).toFixed(1)} s)\n`);
      } else process.stderr.write('.');
    },
  });
  process.stderr.write('\n');
  process.stdout.write(
    `Landfall fault-injection suite: ${results.length} cases in ${((Date.now() - started) / 1000).toFixed(0)} s\n\n`,
  );
  process.stdout.write(`${formatTable(tally(results))}\n`);
  const failed = failures(results);
  if (failed.length > 0) {
    process.stdout.write(`\n${failed.length} failing case${failed.length === 1 ? '' : 's'}:\n`);
    for (const r of failed) process.stdout.write(`- ${r.kind} › ${r.name}: ${r.notes.join('; ')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('\nEvery case handled; no data changed, no data lost.\n');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`faults: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
