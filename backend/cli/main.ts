// The `landfall` command line: parses argv, calls the same backend through the dispatcher, prints.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { StoreTargetRefused } from '../../db/transfer/store-targets';
import { createBackend, type Backend } from '../backend';
import { typedCall } from '../dispatcher';
import { defaultDbPath } from '../paths';
import { appVersion } from '../version';
import { formatOf, type Command } from './command';
import { commands } from './commands/index';
import { processIo, UsageError, type CliIo } from './io';

const GLOBAL_OPTIONS = {
  db: { type: 'string', help: 'database file (default: the desktop app’s own database)' },
  help: { type: 'boolean', help: 'show help' },
} as const;

export function usage(): string {
  const lines = [
    `landfall ${appVersion} — score sites for AI compute from the command line`,
    '',
    'Usage: landfall <command> [options] [--db PATH]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
    '',
    'Global options:',
    ...Object.entries(GLOBAL_OPTIONS).map(([name, o]) => `  --${name.padEnd(9)} ${o.help}`),
    '',
    'Run `landfall <command> --help` for the options of one command.',
  ];
  return `${lines.join('\n')}\n`;
}

function commandUsage(name: string, command: Command): string {
  const formatHelp = `${command.formats.join(' or ')} (default ${command.formats[0] ?? 'json'})`;
  const all = { format: { help: formatHelp }, ...command.options };
  const opts = Object.entries(all).map(([o, spec]) => `  --${o.padEnd(9)} ${spec.help}`);
  const args = (command.args ?? []).map((a) => ` ${a}`).join('');
  return `Usage: landfall ${name}${args} [options] [--db PATH]\n\n${command.summary}\n\nOptions:\n${opts.join('\n')}\n`;
}

type OpenBackend = (dbPath: string) => Pick<Backend, 'dispatch' | 'close'> & Partial<Pick<Backend, 'lockNote'>>;

// No backup schedule: a CLI run lasts milliseconds; `landfall backup` takes one on demand. The store
// lock is taken for every command (opening may migrate or seed); while the app or browser mode holds
// it, the store opens read-only, so reads work and writes are refused naming the holder.
const openBackend: OpenBackend = (dbPath) =>
  createBackend({ dbPath, version: appVersion, backupSchedule: false, writer: 'cli' });

/**
 * The command an argv names, and the arguments after it. A group of related commands is written as
 * two words (`presets show ID` is the command "presets show"); one word is the command itself.
 */
function commandOf(argv: readonly string[]): [string | undefined, string[]] {
  const [first, second, ...after] = argv;
  if (first !== undefined && second !== undefined && Object.hasOwn(commands, `${first} ${second}`)) {
    return [`${first} ${second}`, after];
  }
  return [first, argv.slice(1)];
}

/** Runs one CLI invocation and returns its exit code (0 ok, 1 backend error, 2 usage error). */
export async function runCli(argv: string[], io: CliIo = processIo, open: OpenBackend = openBackend): Promise<number> {
  const [name, rest] = commandOf(argv);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.out(`${appVersion}\n`);
    return 0;
  }
  const command = commands[name];
  if (command === undefined) {
    io.err(`landfall: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  const group = Object.keys(commands).filter((n) => n.startsWith(`${name} `));
  if (group.length > 0 && rest[0] !== undefined && !rest[0].startsWith('-')) {
    const words = group.map((n) => n.slice(name.length + 1)).join(', ');
    io.err(`landfall: unknown command "${name} ${rest[0]}" (${name} takes: ${words})\n`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const options: ParseArgsConfig['options'] = {};
    for (const [key, spec] of Object.entries({ ...GLOBAL_OPTIONS, ...command.options })) {
      options[key] = { type: spec.type };
    }
    options.format = { type: 'string' };
    // No option is declared `multiple`, so no value is an array.
    const parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: command.args !== undefined });
    values = parsed.values as Record<string, string | boolean | undefined>;
    positionals = parsed.positionals;
    if (values.help) {
      io.out(commandUsage(name, command));
      return 0;
    }
    const format = formatOf(command, values.format);
    const expected = command.args ?? [];
    if (positionals.length !== expected.length) {
      throw new UsageError(
        `expected ${expected.length ? expected.join(' ') : 'no arguments'}, got ${positionals.length}`,
      );
    }
    const input = command.input(values, positionals);
    const dbPath = resolve(typeof values.db === 'string' ? values.db : defaultDbPath());
    const backend = open(dbPath);
    if (backend.lockNote) io.err(`landfall: note: ${backend.lockNote}\n`);
    const call = typedCall(backend.dispatch);
    try {
      return await command.run({ name, call, input, values, args: positionals, format, io, dbPath });
    } finally {
      backend.close();
    }
  } catch (error) {
    // Refused before anything was written: the message says what and why, usage would only add noise.
    if (error instanceof StoreTargetRefused) {
      io.err(`landfall ${name}: --out ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`landfall ${name}: ${message}\n\n${commandUsage(name, command)}`);
    return isUsageError(error) ? 2 : 1;
  }
}

function isUsageError(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
