// What a CLI command is: its options, help line, and how it turns a contract call into output.
// Each domain's commands live in commands/; commands/index.ts lists them all.
import type { CallName, CallOutput } from '../../shared/contract';
import { describeIssues, type ApiError } from '../../shared/errors';
import type { Call } from '../dispatcher';
import { UsageError, type CliIo } from './io';

export interface CommandOption {
  type: 'string' | 'boolean';
  help: string;
}

interface CommandBase<N extends CallName> {
  summary: string;
  /** Output formats, the first being the default; `--format` is added for every command. */
  formats: readonly string[];
  options: Record<string, CommandOption>;
  /** The contract call the command makes (a `run` may make others too). */
  call: N;
  /** Names of required positional arguments, e.g. ['FILE']; none when absent. */
  args?: readonly string[];
  /** Builds the call's input from parsed options and positionals; the contract validates it. */
  input(values: Record<string, string | boolean | undefined>, args: readonly string[]): unknown;
}

/**
 * A command as written in commands/: either it renders its one call's answer — whose output type
 * from the contract reaches `render`, so no casts — or, when it needs more than one call (e.g.
 * preview, then commit) or writes files, it runs the steps itself and returns the exit code.
 */
export type CommandSpec<N extends CallName> = CommandBase<N> &
  ({ render(value: CallOutput<N>, format: string): string } | { run(step: CommandRun): Promise<number> });

/** A command in the registry, which holds commands of every call: `run` keeps each one's types inside. */
export interface Command extends CommandBase<CallName> {
  run(step: CommandRun): Promise<number>;
}

/** Says why the backend refused a command's call, its problems in brackets; the exit code (1). */
export function refused(io: CliIo, name: string, error: ApiError): number {
  const detail = error.issues.length > 0 ? ` (${describeIssues(error.issues)})` : '';
  io.err(`landfall ${name}: ${error.message}${detail}\n`);
  return 1;
}

export function command<N extends CallName>(spec: CommandSpec<N>): Command {
  if ('run' in spec) return spec;
  const { render, ...base } = spec;
  return {
    ...base,
    run: async ({ call, input, format, io, name }) => {
      const result = await call(spec.call, input);
      if (!result.ok) return refused(io, name, result.error);
      io.out(render(result.value, format));
      return 0;
    },
  };
}

export interface CommandRun {
  name: string;
  /** The backend's calls, each answering with its contract output type. */
  call: Call;
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
