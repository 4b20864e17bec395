// Entry point bundled to dist/node/cli.cjs and run by bin/landfall.cjs.
import { quietOnClosedPipe } from './io';
import { runCli } from './main';

// Ctrl-C or a kill ends the run through process.exit, whose 'exit' event releases the store lock
// (db/store-lock.ts); a signal's default action would skip it and leave a lock to be found stale.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => process.exit(code));
}

quietOnClosedPipe();

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`landfall: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
