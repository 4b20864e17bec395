// Entry point bundled to dist/node/cli.cjs and run by bin/landfall.cjs.
import { runCli } from './main';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`landfall: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
