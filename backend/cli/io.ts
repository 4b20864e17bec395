// What a CLI command may touch, passed in so tests can capture output without a child process.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** A user mistake on the command line: printed as-is, exit code 2. */
export class UsageError extends Error {}
