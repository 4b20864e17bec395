// What a CLI command is: its options, help line, and how it turns a contract call into output.
// Each domain's commands live in commands/; commands/index.ts lists them all.
import type { CallName } from '../../shared/contract';
import type { Dispatch } from '../dispatcher';
import { UsageError, type CliIo } from './io';

export interface CommandOption {
  type: 'string' | 'boolean';
  help: string;
}

export interface Command {
  summary: string;
  /** Output formats, the first being the default; `--format` is added for every command. */
  formats: readonly string[];
  options: Record<string, CommandOption>;
  call: CallName;
  /** Names of required positional arguments, e.g. ['FILE']; none when absent. */
  args?: readonly string[];
  /** Builds the call's input from parsed options and positionals; the contract validates it. */
  input(values: Record<string, string | boolean | undefined>, args: readonly string[]): unknown;
  render(value: unknown, format: string): string;
  /**
   * For a command that needs more than one call (e.g. preview, then commit) or writes files: runs
   * instead of the single `call`, with the input `input()` built, and returns the exit code.
   */
  run?(step: CommandRun): Promise<number>;
}

export interface CommandRun {
  name: string;
  dispatch: Dispatch;
  input: unknown;
  values: Record<string, string | boolean | undefined>;
  args: readonly string[];
  format: string;
  io: CliIo;
  /** The open database: every `--out` is written with writeFileAtomic(…, { store: dbPath }). */
  dbPath: string;
}

export function formatOf(command: Command, given: string | boolean | undefined): string {
  const format = given ?? command.formats[0];
  if (typeof format !== 'string' || !command.formats.includes(format)) {
    throw new UsageError(`--format must be one of ${command.formats.join(', ')}, not "${String(format)}"`);
  }
  return format;
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
