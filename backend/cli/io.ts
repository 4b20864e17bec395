// What a CLI command may touch, passed in so tests can capture output without a child process.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * A reader that stops early (`landfall export | head`) closes the pipe: that is the reader's choice,
 * not a failure, so the command ends quietly as other Unix tools do, instead of with a stack trace.
 * Nothing is half-written by it: commands write files through the atomic writer, not stdout.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** A user mistake on the command line: printed as-is, exit code 2. */
export class UsageError extends Error {}
