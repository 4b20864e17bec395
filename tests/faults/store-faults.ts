// Faults of the store file and its folder: emptied, deleted, damaged, read-only, odd backups, odd lock
// and WAL files. Each is reported for what it is, nothing is written over it, and where it is damage
// `landfall restore latest` brings the planner's work back from the latest good backup.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  Check,
  fileHash,
  firstLine,
  landfall,
  snapshot,
  type Ctx,
  type FaultCase,
  type FaultKind,
  type Verdict,
} from './harness';

interface Info {
  readOnly: boolean;
  readOnlyReason: string | null;
  readOnlyCause: string | null;
}

function info(check: Check, ctx: Ctx): Info | null {
  const run = landfall(['info', '--format', 'json', '--db', ctx.db]);
  check.clean(run, 'info');
  try {
    return JSON.parse(run.stdout) as Info;
  } catch {
    check.handled(run.stderr.trim().length > 0, 'info printed neither an answer nor a reason');
    return null;
  }
}

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

/** A write is refused, and nothing is written to the store's file. */
function writeRefused(check: Check, ctx: Ctx): void {
  const bytes = fileHash(ctx.db);
  const run = landfall(['presets', 'duplicate', 'cost-first', '--name', 'During the fault', '--db', ctx.db]);
  check.refused(run, 'a write');
  check.unchanged(bytes, fileHash(ctx.db), 'store file bytes');
}

/** `restore latest` brings back exactly the base store (the latest good backup). */
function restoresGood(check: Check, ctx: Ctx): void {
  const run = landfall(['restore', 'latest', '--db', ctx.db]);
  check.succeeded(run, 'restore latest');
  const after = snapshot(ctx.db);
  check.kept(after.planner, `restore latest did not bring back the planner’s work (${firstLine(run.stdout)})`);
  check.kept(after.hash === ctx.base.snap.hash, 'the restored store is not the latest good backup');
}

/** Damage: reported (read-only or a refusal), writes refused, the file left as it is, restore works. */
function damage(name: string, harm: (ctx: Ctx) => void, says: RegExp): FaultCase {
  return {
    name,
    run(ctx): Verdict {
      harm(ctx);
      const check = new Check();
      const bytes = fileHash(ctx.db);
      const i = info(check, ctx);
      const health = landfall(['health', '--db', ctx.db]);
      check.clean(health, 'health');
      const reported =
        (i === null || i.readOnly) && says.test(`${i?.readOnlyReason ?? ''}\n${health.stdout}\n${health.stderr}`);
      check.handled(
        reported,
        `the damage was not reported (info: ${JSON.stringify(i)}; health: ${firstLine(health.stdout + health.stderr)})`,
      );
      // Undetected damage is the failure itself; a write to such a store is then no separate fault.
      if (reported) writeRefused(check, ctx);
      check.unchanged(bytes, fileHash(ctx.db), 'damaged file (kept for inspection)');
      restoresGood(check, ctx);
      return check.verdict;
    },
  };
}

/** The byte offset of `text` in the store's main file. */
function offsetOf(ctx: Ctx, text: string): number {
  const at = readFileSync(ctx.db).indexOf(Buffer.from(text));
  if (at < 0) throw new Error(`"${text}" is not in the main file of the store`);
  return at;
}

function vanished(name: string, harm: (ctx: Ctx) => void): FaultCase {
  return {
    name,
    run(ctx): Verdict {
      harm(ctx);
      const check = new Check();
      const existed = existsSync(ctx.db);
      const i = info(check, ctx);
      check.handled(i?.readOnlyCause === 'vanished', `not reported as vanished: ${JSON.stringify(i)}`);
      check.handled(
        existsSync(ctx.db) === existed && (!existed || statSync(ctx.db).size === 0),
        'a store was seeded over it',
      );
      writeRefused(check, ctx);
      const backups = landfall(['backup', '--db', ctx.db]);
      check.refused(backups, 'backup of a vanished store');
      restoresGood(check, ctx);
      return check.verdict;
    },
  };
}

/** Read-only by permissions: data shown, writes refused, the cause named (no restore advice). */
function readOnly(name: string, lock: (ctx: Ctx) => void, unlock: (ctx: Ctx) => void): FaultCase {
  return {
    name,
    run(ctx): Verdict {
      const before = snapshot(ctx.db);
      lock(ctx);
      const check = new Check();
      try {
        const i = info(check, ctx);
        check.handled(
          i?.readOnly === true && i.readOnlyCause === 'permissions' && !/restore/i.test(i.readOnlyReason ?? ''),
          `permissions not reported as such: ${JSON.stringify(i)}`,
        );
        const sites = landfall(['sites', '--format', 'json', '--db', ctx.db]);
        check.succeeded(sites, 'sites (reading a read-only store)');
        writeRefused(check, ctx);
      } finally {
        unlock(ctx);
      }
      const after = snapshot(ctx.db);
      check.unchanged(before, after).kept(after.planner, 'the planner’s work is gone');
      return check.verdict;
    },
  };
}

function plantBackup(ctx: Ctx, name: string, from = ctx.base.blankBackup): void {
  copyFileSync(from, join(ctx.dir, 'backups', name));
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '');
}

/**
 * The store vanished and the planner began again (`new-store`), then eleven seed-only backups piled
 * up after the good one and a twelfth rotates the folder: the good backup must survive rotation and
 * stay "latest" for `restore latest`.
 */
function blankFlood(name: string, tagged: boolean): FaultCase {
  return {
    name,
    slow: !tagged,
    run(ctx): Verdict {
      const goodAt = Date.parse(
        (/-(\d{8}T\d{6}\.\d{3}Z)-/.exec(ctx.base.goodBackup)?.[1] ?? '').replace(
          /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)/,
          '$1-$2-$3T$4:$5:$6',
        ),
      );
      for (let i = 1; i <= 11; i++) {
        plantBackup(ctx, `store-${stamp(goodAt + i * 1000)}-scheduled${tagged ? '.blank' : ''}.sqlite`);
      }
      rmSync(ctx.db);
      const check = new Check();
      check.succeeded(landfall(['new-store', '--db', ctx.db]), 'new-store');
      check.succeeded(landfall(['backup', '--db', ctx.db]), 'backup of the new, seed-only store');
      check.kept(existsSync(join(ctx.dir, 'backups', ctx.base.goodBackup)), 'rotation removed the only good backup');
      check.handled(readdirSync(join(ctx.dir, 'backups')).length <= 11, 'rotation kept more than it should');
      restoresGood(check, ctx);
      return check.verdict;
    },
  };
}

function setUserVersion(ctx: Ctx, delta: number): void {
  const db = new Database(ctx.db);
  const v = db.pragma('user_version', { simple: true }) as number;
  db.pragma(`user_version = ${v + delta}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;
}

function lockCase(name: string, content: () => string, old: boolean): FaultCase {
  return {
    name,
    run(ctx): Verdict {
      writeFileSync(`${ctx.db}.lock`, content());
      if (old) utimesSync(`${ctx.db}.lock`, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
      const check = new Check();
      const run = landfall(['presets', 'duplicate', 'cost-first', '--name', 'After a stale lock', '--db', ctx.db]);
      check.succeeded(run, 'a write over a stale lock');
      check.handled(/stale/i.test(run.stderr), `no note about the stale lock: ${firstLine(run.stderr)}`);
      const after = snapshot(ctx.db);
      check.kept(
        run.status !== 0 || after.presets.some((p) => p.name === 'After a stale lock'),
        'the write said it succeeded but is not in the store',
      );
      check.kept(after.planner, 'the planner’s work is gone');
      check.handled(!existsSync(`${ctx.db}.lock`), 'the lock was not released');
      return check.verdict;
    },
  };
}

export const storeFaults: FaultKind = {
  kind: 'store: file faults',
  cases: [
    vanished('0-byte store beside backups', (ctx) => truncateSync(ctx.db, 0)),
    vanished('deleted store beside backups', (ctx) => rmSync(ctx.db)),
    damage(
      'flipped header (100 bytes overwritten)',
      (ctx) => overwrite(ctx.db, 0, Buffer.alloc(100, 0x5a)),
      /not a SQLite|damag|cannot be read/i,
    ),
    damage(
      'flipped byte inside a record (a preset’s name)',
      (ctx) => {
        const at = offsetOf(ctx, 'Planner preset');
        overwrite(ctx.db, at + 3, Buffer.from('N'));
      },
      /damag|changed|hash|corrupt|integrity/i,
    ),
    damage(
      'truncated file (second half gone)',
      (ctx) => truncateSync(ctx.db, Math.floor(statSync(ctx.db).size / 2)),
      /truncat|damag|cannot/i,
    ),
    damage('newer schema version', (ctx) => setUserVersion(ctx, 1), /newer/i),
    readOnly(
      'read-only store file',
      (ctx) => chmodSync(ctx.db, 0o444),
      (ctx) => chmodSync(ctx.db, 0o644),
    ),
    readOnly(
      'read-only store folder',
      (ctx) => chmodSync(ctx.dir, 0o555),
      (ctx) => chmodSync(ctx.dir, 0o755),
    ),
    {
      name: 'future-dated backup (2099)',
      run(ctx): Verdict {
        plantBackup(ctx, 'store-20990101T000000.000Z-manual.sqlite');
        const check = new Check();
        const list = landfall(['backups', '--format', 'json', '--db', ctx.db]);
        check.succeeded(list, 'backups');
        const first = (JSON.parse(list.stdout || '[]') as { name: string }[])[0];
        check.handled(first?.name !== 'store-20990101T000000.000Z-manual.sqlite', 'the future backup is listed first');
        const count = readdirSync(join(ctx.dir, 'backups')).length;
        check.succeeded(landfall(['backup', '--db', ctx.db]), 'backup beside a future one');
        check.handled(readdirSync(join(ctx.dir, 'backups')).length === count + 1, 'no new backup was taken');
        rmSync(ctx.db);
        restoresGood(check, ctx);
        return check.verdict;
      },
    },
    blankFlood('11 seed-only (.blank) backups after the good one, then rotation', true),
    blankFlood('11 untagged seed-only backups after the good one, then rotation', false),
    {
      name: 'garbage -wal file beside the store',
      run(ctx): Verdict {
        const before = snapshot(ctx.db);
        writeFileSync(`${ctx.db}-wal`, Buffer.alloc(8192, 0x3c));
        const check = new Check();
        const sites = landfall(['sites', '--format', 'json', '--db', ctx.db]);
        check.clean(sites, 'sites');
        const after = snapshot(ctx.db);
        check.unchanged(before, after).kept(after.planner, 'the planner’s work is gone');
        return check.verdict;
      },
    },
    lockCase(
      'stale lock of a process that is gone',
      () =>
        JSON.stringify({
          pid: deadPid(),
          kind: 'browser',
          startedAt: new Date().toISOString(),
          host: hostname(),
          id: 'x',
        }),
      false,
    ),
    lockCase('unreadable lock file', () => 'garbage{', true),
  ],
};
