// Bad command-line arguments: `--out` aimed at the store, its WAL or its backups; dates, ids and
// numbers that mean nothing; a --db that is not a store. Each is refused with a message and the
// store (or the file named) is left as it was.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BIN,
  Check,
  fileHash,
  landfall,
  snapshot,
  type Ctx,
  type FaultCase,
  type FaultKind,
  type Verdict,
} from './harness';

/** Runs `args` (with --db) and expects a refusal that leaves the store's content and bytes alone. */
function refusal(name: string, args: (ctx: Ctx) => string[], says?: RegExp, prepare?: (ctx: Ctx) => void): FaultCase {
  return {
    name,
    run(ctx): Verdict {
      prepare?.(ctx);
      const before = snapshot(ctx.db);
      const bytes = fileHash(ctx.db);
      const backups = readdirSync(join(ctx.dir, 'backups')).sort().join('|');
      const run = landfall([...args(ctx), '--db', ctx.db]);
      const after = snapshot(ctx.db);
      const check = new Check().refused(run, args(ctx).slice(0, 2).join(' '), says).unchanged(before, after);
      check.unchanged(bytes, fileHash(ctx.db), 'store file bytes');
      const backupsAfter = existsSync(join(ctx.dir, 'backups'))
        ? readdirSync(join(ctx.dir, 'backups')).sort().join('|')
        : '';
      check.kept(backupsAfter.startsWith(backups.split('|')[0] ?? ''), 'a backup is gone');
      check.kept(after.planner, 'the planner’s own preset or site is gone');
      return check.verdict;
    },
  };
}

const STORE_TARGET = /store|database|backups/i;

export const cliArgs: FaultKind = {
  kind: 'CLI: bad arguments',
  cases: [
    refusal('export --out onto the store', (ctx) => ['export', '--format', 'json', '--out', ctx.db], STORE_TARGET),
    refusal(
      'export --out onto the store’s -wal',
      (ctx) => ['export', '--format', 'json', '--out', `${ctx.db}-wal`],
      STORE_TARGET,
    ),
    refusal(
      'export --out into the backups folder',
      (ctx) => ['export', '--format', 'json', '--out', join(ctx.dir, 'backups', ctx.base.goodBackup)],
      STORE_TARGET,
    ),
    refusal(
      'export --kind all --format csv --out the backups folder',
      (ctx) => ['export', '--format', 'csv', '--out', join(ctx.dir, 'backups')],
      STORE_TARGET,
    ),
    refusal(
      'export --out a symlink to the store',
      (ctx) => ['export', '--format', 'json', '--out', join(ctx.dir, 'link.json')],
      STORE_TARGET,
      (ctx) => {
        if (!existsSync(join(ctx.dir, 'link.json'))) symlinkSync(ctx.db, join(ctx.dir, 'link.json'));
      },
    ),
    refusal(
      'export --out the store spelled through ../',
      (ctx) => ['export', '--format', 'json', '--out', join(ctx.dir, 'backups', '..', 'store.sqlite')],
      STORE_TARGET,
    ),
    refusal('presets export --out onto the store', (ctx) => ['presets', 'export', '--out', ctx.db], STORE_TARGET),
    refusal(
      'report --out onto the store',
      (ctx) => ['report', '--preset', 'cost-first', '--format', 'md', '--out', ctx.db],
      STORE_TARGET,
    ),
    refusal('score --as-of 2025-13-45', () => ['score', '--preset', 'cost-first', '--as-of', '2025-13-45']),
    refusal('score --as-of 2025-02-30', () => ['score', '--preset', 'cost-first', '--as-of', '2025-02-30']),
    refusal('legality --as-of yesterday', () => [
      'legality',
      '--profile',
      'x',
      '--site',
      'planner-1',
      '--as-of',
      'yesterday',
    ]),
    refusal('legality --site that does not exist', () => [
      'legality',
      '--site',
      'no-such-site',
      '--profile',
      'no-such',
    ]),
    refusal('score --preset that does not exist', () => ['score', '--preset', 'no-such-preset']),
    refusal('score --min-coverage 2', () => ['score', '--preset', 'cost-first', '--min-coverage', '2']),
    refusal('history --limit -1', () => ['history', '--limit', '-1']),
    refusal('revert a batch id that does not exist', () => ['revert', '999999']),
    refusal('revert a batch id that is not a number', () => ['revert', 'abc']),
    refusal('presets delete a built-in', () => ['presets', 'delete', 'cost-first'], /built-in/i),
    refusal('presets restore a forged token', () => ['presets', 'restore', 'bm90IGEgdG9rZW4=']),
    refusal('restore a backup name that does not exist', () => ['restore', 'store-20250101T000000.000Z-manual.sqlite']),
    refusal(
      'restore a text file posing as a backup',
      (ctx) => ['restore', join(ctx.dir, 'backups', 'store-20250101T000000.000Z-manual.sqlite')],
      undefined,
      (ctx) => writeFileSync(join(ctx.dir, 'backups', 'store-20250101T000000.000Z-manual.sqlite'), 'not a database\n'),
    ),
    refusal('unknown command', () => ['frobnicate']),
    {
      name: 'output pipe closed early (`landfall export | head -c 100`)',
      async run(ctx): Promise<Verdict> {
        const child = spawn(process.execPath, [BIN, 'export', '--kind', 'all', '--db', ctx.db], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.stdout.once('data', () => child.stdout.destroy());
        const [status, signal] = await new Promise<[number | null, string | null]>((done) =>
          child.once('close', (code, sig) => done([code, sig])),
        );
        const check = new Check().clean({ status, signal, stdout: '', stderr }, 'export into a closed pipe');
        return check.kept(snapshot(ctx.db).planner, 'the planner’s work is gone').verdict;
      },
    },
    refusal('unknown option', () => ['sites', '--colour', 'blue']),
    {
      name: '--db naming a folder',
      run(ctx): Verdict {
        const folder = join(ctx.dir, 'a-folder');
        mkdirSync(folder);
        const read = landfall(['info', '--db', folder]);
        const write = landfall(['presets', 'duplicate', 'cost-first', '--name', 'X', '--db', folder]);
        const check = new Check().clean(read, 'info').refused(write, 'presets duplicate');
        check.handled(read.status !== 0 || /"readOnly": true/.test(read.stdout), 'info called the folder a store');
        return check.handled(readdirSync(folder).length === 0, 'files were created in the folder').verdict;
      },
    },
    {
      name: '--db naming a text file (never seeded over)',
      run(ctx): Verdict {
        const notes = join(ctx.dir, 'notes.txt');
        writeFileSync(notes, 'my notes, not a database\n'.repeat(50));
        const bytes = fileHash(notes);
        const read = landfall(['info', '--db', notes]);
        const write = landfall(['presets', 'duplicate', 'cost-first', '--name', 'X', '--db', notes]);
        const check = new Check().clean(read, 'info').refused(write, 'presets duplicate');
        check.handled(
          read.status !== 0 || /read-only|not a SQLite/i.test(read.stdout + read.stderr),
          'info called it fine',
        );
        check.unchanged(bytes, fileHash(notes), 'the text file');
        return check.verdict;
      },
    },
  ],
};
