// Two programs on one store: browser mode and the CLI writing at once, a restore during browser mode,
// an import while another program holds SQLite's write lock, two CLI writers racing, and a writer
// killed mid-import or right after a write it confirmed. One writer wins, the other is told why,
// and everything confirmed is in the file afterwards.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  BIN,
  call,
  Check,
  firstLine,
  HEAD,
  landfall,
  landfallAsync,
  serve,
  snapshot,
  SOURCE,
  stop,
  type FaultKind,
  type Verdict,
} from './harness';

const HOLDER = /has this store open for writing/;

function presetNames(db: string): string[] {
  return snapshot(db).presets.map((p) => p.name);
}

function siteCsv(path: string, prefix: string, n: number): void {
  const rows = Array.from({ length: n }, (_, i) => `${prefix}-${i},Site ${i},SG,sg,1.3,103.7,${SOURCE}`);
  writeFileSync(path, `${HEAD}\n${rows.join('\n')}\n`);
}

export const concurrency: FaultKind = {
  kind: 'concurrency',
  cases: [
    {
      name: 'browser mode and a CLI write at once',
      async run(ctx): Promise<Verdict> {
        const served = await serve(ctx.base.root, ctx.db);
        const check = new Check();
        try {
          const cli = landfall(['presets', 'duplicate', 'cost-first', '--name', 'From the CLI', '--db', ctx.db]);
          check.refused(cli, 'CLI write', HOLDER);
          const web = await call(served, 'presets.duplicate', { id: 'cost-first', name: 'From the browser' });
          check.handled(web.status === 200, `browser-mode write answered ${web.status}`);
        } finally {
          check.handled((await stop(served)) === 0, 'browser mode did not stop cleanly');
        }
        const names = presetNames(ctx.db);
        check.kept(names.includes('From the browser'), 'the write browser mode confirmed is not in the store');
        check.handled(!names.includes('From the CLI'), 'the refused CLI write is in the store');
        check.kept(snapshot(ctx.db).planner, 'the planner’s work is gone');
        return check.verdict;
      },
    },
    {
      name: 'restore latest while browser mode runs',
      async run(ctx): Promise<Verdict> {
        const served = await serve(ctx.base.root, ctx.db);
        const check = new Check();
        try {
          const first = await call(served, 'presets.duplicate', { id: 'cost-first', name: 'Before the restore' });
          check.handled(first.status === 200, `write answered ${first.status}`);
          const restore = landfall(['restore', 'latest', '--db', ctx.db]);
          check.refused(restore, 'restore', HOLDER);
          const second = await call(served, 'presets.duplicate', { id: 'cost-first', name: 'After the restore' });
          check.handled(second.status === 200, `write answered ${second.status}`);
        } finally {
          check.handled((await stop(served)) === 0, 'browser mode did not stop cleanly');
        }
        const names = presetNames(ctx.db);
        check.kept(names.includes('Before the restore'), 'a confirmed write before the restore attempt is gone');
        check.kept(names.includes('After the restore'), 'a confirmed write after the restore attempt is gone');
        return check.verdict;
      },
    },
    {
      name: 'import while another program holds SQLite’s write lock',
      slow: true,
      async run(ctx): Promise<Verdict> {
        const csv = join(ctx.dir, 'contended.csv');
        siteCsv(csv, 'busy', 3);
        const before = snapshot(ctx.db);
        const other = new Database(ctx.db);
        other.exec('BEGIN IMMEDIATE');
        const check = new Check();
        let run;
        try {
          run = await landfallAsync(['import', csv, '--db', ctx.db], 40_000);
        } finally {
          other.exec('ROLLBACK');
          other.close();
        }
        check.refused(run, 'import', /another program|busy|writing/i);
        check.unchanged(before, snapshot(ctx.db));
        return check.verdict;
      },
    },
    {
      name: 'import that waits for a short write lock, then succeeds',
      async run(ctx): Promise<Verdict> {
        const csv = join(ctx.dir, 'waits.csv');
        siteCsv(csv, 'wait', 3);
        const other = new Database(ctx.db);
        other.exec('BEGIN IMMEDIATE');
        const pending = landfallAsync(['import', csv, '--db', ctx.db], 40_000);
        await new Promise((r) => setTimeout(r, 1500));
        other.exec('ROLLBACK');
        other.close();
        const run = await pending;
        const check = new Check();
        check.clean(run, 'import');
        const ids = landfall(['sites', '--format', 'json', '--db', ctx.db]).stdout;
        if (run.status === 0)
          check.kept(ids.includes('"wait-2"'), 'the import said it succeeded but its rows are missing');
        else check.handled(run.stderr.trim().length > 0, 'refused without a reason');
        return check.verdict;
      },
    },
    {
      name: 'two CLI writers racing',
      async run(ctx): Promise<Verdict> {
        const a = join(ctx.dir, 'a.csv');
        const b = join(ctx.dir, 'b.csv');
        siteCsv(a, 'race-a', 200);
        siteCsv(b, 'race-b', 200);
        const runs = await Promise.all([
          landfallAsync(['import', a, '--db', ctx.db]),
          landfallAsync(['import', b, '--db', ctx.db]),
        ]);
        const check = new Check();
        const ids = landfall(['sites', '--format', 'json', '--db', ctx.db]).stdout;
        runs.forEach((run, i) => {
          const prefix = i === 0 ? 'race-a' : 'race-b';
          check.clean(run, `writer ${prefix}`);
          if (run.status === 0) {
            check.kept(ids.includes(`"${prefix}-199"`), `${prefix} said it succeeded but its rows are missing`);
          } else {
            check.handled(
              HOLDER.test(run.stderr) || /busy|another/i.test(run.stderr),
              `${prefix}: ${firstLine(run.stderr)}`,
            );
            check.handled(!ids.includes(`"${prefix}-0"`), `${prefix} was refused but some of its rows are in`);
          }
        });
        check.handled(
          runs.some((r) => r.status === 0),
          'neither writer succeeded',
        );
        check.kept(snapshot(ctx.db).planner, 'the planner’s work is gone');
        return check.verdict;
      },
    },
    {
      name: 'import killed half-way (SIGKILL): all or nothing',
      slow: true,
      async run(ctx): Promise<Verdict> {
        const csv = join(ctx.dir, 'big.csv');
        siteCsv(csv, 'killed', 30_000);
        const before = snapshot(ctx.db);
        const child = spawn(process.execPath, [BIN, 'import', csv, '--db', ctx.db], { stdio: 'ignore' });
        await new Promise((r) => setTimeout(r, 900));
        child.kill('SIGKILL');
        await new Promise((r) => child.once('close', r));
        const check = new Check();
        const after = snapshot(ctx.db);
        const ids = landfall(['sites', '--format', 'json', '--db', ctx.db]).stdout;
        const all = ids.includes('"killed-29999"');
        const none = !ids.includes('"killed-0"');
        check.handled(all || none, 'a killed import left part of its rows');
        if (none) check.unchanged(before, after);
        check.kept(after.planner, 'the planner’s work is gone');
        const next = landfall(['presets', 'duplicate', 'cost-first', '--name', 'After the kill', '--db', ctx.db]);
        check.succeeded(next, 'the next write (stale lock taken over)');
        return check.verdict;
      },
    },
    {
      name: 'browser mode killed (SIGKILL) right after a confirmed write',
      async run(ctx): Promise<Verdict> {
        const served = await serve(ctx.base.root, ctx.db);
        const check = new Check();
        const write = await call(served, 'presets.duplicate', { id: 'cost-first', name: 'Confirmed then killed' });
        check.handled(write.status === 200, `write answered ${write.status}`);
        await stop(served, 'SIGKILL');
        check.kept(presetNames(ctx.db).includes('Confirmed then killed'), 'a confirmed write is gone after a crash');
        const health = landfall(['health', '--db', ctx.db]);
        check.succeeded(health, 'health after the crash');
        return check.verdict;
      },
    },
  ],
};
