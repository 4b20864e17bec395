// Runs one CLI invocation in-process against a database file, capturing what it prints.
import { runCli } from '../../backend/cli/main';
import type { CliIo } from '../../backend/cli/io';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCliCapturing(argv: string[], dbPath: string): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t) };
  const code = await runCli([...argv, '--db', dbPath], io);
  return { code, out, err };
}
