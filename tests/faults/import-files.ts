// Bad files for `landfall import` and `landfall presets import`: each is refused with a message
// (the store unchanged) or, where docs/cli.md ("Import and export") says so, imported whole.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Check,
  HEAD,
  landfall,
  PLANNER_PRESET,
  snapshot,
  SOURCE,
  type Ctx,
  type FaultCase,
  type FaultKind,
  type Verdict,
} from './harness';

const ROW = `imp-1,Imported site,SG,sg,1.31,103.71,${SOURCE}`;

interface FileCase {
  name: string;
  file: string;
  content: (ctx: Ctx) => string | Buffer;
  /** refused: exit ≠ 0, store unchanged. accepted: exit 0 and `present` holds afterwards. either: one of them. */
  expect: 'refused' | 'accepted' | 'either';
  says?: RegExp;
  args?: string[];
  slow?: boolean;
  present?: (ctx: Ctx) => boolean;
}

function fileCase(c: FileCase): FaultCase {
  return {
    name: c.name,
    slow: c.slow,
    run(ctx): Verdict {
      const file = join(ctx.dir, c.file);
      writeFileSync(file, c.content(ctx));
      const before = snapshot(ctx.db);
      const run = landfall([...(c.args ?? ['import']), file, '--db', ctx.db]);
      const after = snapshot(ctx.db);
      const check = new Check();
      if (c.expect === 'refused' || (c.expect === 'either' && run.status !== 0)) {
        check.refused(run, 'import', c.says).unchanged(before, after);
      } else {
        check.succeeded(run, 'import');
        check.kept(c.present ? c.present(ctx) : true, 'the import said it succeeded but its rows are not in the store');
      }
      check.kept(after.planner, 'the planner’s own preset or site is gone');
      return check.verdict;
    },
  };
}

const siteImported = (id: string) => (ctx: Ctx) => {
  const run = landfall(['sites', '--format', 'json', '--db', ctx.db]);
  return (JSON.parse(run.stdout) as { id: string }[]).some((s) => s.id === id);
};

function utf16le(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

function withNulAt(text: string, offset: number): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  bytes[offset] = 0;
  return bytes;
}

/** A CSV whose NUL sits in a notes cell well past the first 4 KiB. */
function nulLate(): Buffer {
  const rows = Array.from({ length: 80 }, (_, i) => `nul-${i},Site ${i},SG,sg,1.3,103.7,${SOURCE}`);
  const text = `${HEAD}\n${rows.join('\n')}\n`;
  const at = text.indexOf('Site 70');
  return withNulAt(text, at + 2);
}

function exportedPresets(ctx: Ctx): { presets: Record<string, unknown>[] } & Record<string, unknown> {
  const out = join(ctx.dir, 'presets-export.json');
  const run = landfall(['presets', 'export', '--out', out, '--db', ctx.db]);
  if (run.status !== 0) throw new Error(`presets export failed: ${run.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8')) as { presets: Record<string, unknown>[] } & Record<string, unknown>;
}

function exportedTable(ctx: Ctx, kind: string): unknown {
  const out = join(ctx.dir, `${kind}-export.json`);
  const run = landfall(['export', '--kind', kind, '--format', 'json', '--out', out, '--db', ctx.db]);
  if (run.status !== 0) throw new Error(`export ${kind} failed: ${run.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

/** The built-in cost-first preset renamed and reweighted, in the table export's own shape. */
function renameBuiltinInTable(ctx: Ctx): string {
  const data = exportedTable(ctx, 'presets') as Record<string, unknown>;
  const rows = data.rows as Record<string, unknown>[];
  const row = rows.find((r) => r.id === 'cost-first');
  if (!row) throw new Error('no cost-first row in the presets export');
  row.name = 'Hijacked';
  return JSON.stringify(data);
}

function builtinPresetUnchanged(ctx: Ctx): boolean {
  const presets = snapshot(ctx.db).presets;
  const cost = presets.find((p) => p.id === 'cost-first');
  return cost !== undefined && cost.name !== 'Hijacked' && !presets.some((p) => p.name === 'Hijacked' && p.builtin);
}

/** Built-in presets kept as they are: checked as a refusal or as a safe import. */
function builtinCase(name: string, file: string, content: (ctx: Ctx) => string, args: string[]): FaultCase {
  return {
    name,
    run(ctx): Verdict {
      const path = join(ctx.dir, file);
      writeFileSync(path, content(ctx));
      const before = snapshot(ctx.db);
      const run = landfall([...args, path, '--db', ctx.db]);
      const after = snapshot(ctx.db);
      const check = new Check().clean(run, args.join(' '));
      check.handled(
        run.status === 0 || run.stderr.trim().length > 0,
        `refused without a message (exit ${String(run.status)})`,
      );
      const builtins = (s: typeof before) => JSON.stringify(s.presets.filter((p) => p.builtin));
      check.unchanged(builtins(before), builtins(after), 'built-in presets');
      check.handled(builtinPresetUnchanged(ctx), 'a built-in preset was renamed');
      const untrusted = after.presets.filter((p) => p.builtin && !before.presets.some((b) => b.id === p.id));
      check.handled(untrusted.length === 0, `builtin from the file trusted: ${untrusted.map((p) => p.id).join(', ')}`);
      if (run.status !== 0) check.unchanged(before, after);
      check.kept(after.planner, 'the planner’s own preset or site is gone');
      return check.verdict;
    },
  };
}

export const importFiles: FaultKind = {
  kind: 'import: bad files',
  cases: [
    fileCase({
      name: 'truncated CSV (cut inside a quoted cell)',
      file: 't.csv',
      content: () => `${HEAD}\nimp-1,"Imported site,SG,sg,1.3`,
      expect: 'refused',
    }),
    fileCase({
      name: 'semicolon delimiter (documented: imported)',
      file: 'semi.csv',
      content: () => `${HEAD.replaceAll(',', ';')}\n${ROW.replaceAll(',', ';')}\n`,
      expect: 'accepted',
      present: siteImported('imp-1'),
    }),
    fileCase({
      name: 'wrong delimiter (comma header, semicolon rows)',
      file: 'mixed.csv',
      content: () => `${HEAD}\n${ROW.replaceAll(',', ';')}\n`,
      expect: 'refused',
    }),
    fileCase({
      name: 'wrong delimiter (pipes)',
      file: 'pipes.csv',
      content: () => `${HEAD.replaceAll(',', '|')}\n${ROW.replaceAll(',', '|')}\n`,
      expect: 'refused',
    }),
    fileCase({
      name: 'UTF-8 BOM (imported)',
      file: 'bom8.csv',
      content: () => `\ufeff${HEAD}\n${ROW}\n`,
      expect: 'accepted',
      present: siteImported('imp-1'),
    }),
    fileCase({
      name: 'UTF-16 LE with BOM',
      file: 'bom16.csv',
      content: () => utf16le(`${HEAD}\n${ROW}\n`, true),
      expect: 'refused',
      says: /UTF-16/,
    }),
    fileCase({
      name: 'UTF-16 LE without BOM',
      file: 'u16.csv',
      content: () => utf16le(`${HEAD}\n${ROW}\n`, false),
      expect: 'refused',
      says: /UTF-16/,
    }),
    fileCase({
      name: 'NUL byte in the first line',
      file: 'nul0.csv',
      content: () => withNulAt(`${HEAD}\n${ROW}\n`, 3),
      expect: 'refused',
    }),
    fileCase({
      name: 'NUL byte after the first 4 KiB',
      file: 'nul4k.csv',
      content: nulLate,
      expect: 'refused',
      says: /NUL|null byte/i,
    }),
    fileCase({
      name: 'invalid UTF-8 (an encoded lone surrogate)',
      file: 'surrogate.csv',
      content: () =>
        Buffer.concat([
          Buffer.from(`${HEAD}\nimp-1,Bad `),
          Buffer.from([0xed, 0xa0, 0x80]),
          Buffer.from(`,SG,sg,1.3,103.7,${SOURCE}\n`),
        ]),
      expect: 'refused',
    }),
    fileCase({
      name: 'lone surrogate escaped in a JSON preset name',
      file: 'surrogate-presets.json',
      content: (ctx) => {
        const data = exportedPresets(ctx);
        const mine = data.presets.find((p) => p.name === PLANNER_PRESET);
        if (!mine) throw new Error('no planner preset in the export');
        const planted = { ...mine, id: 'lone-surrogate', name: 'Lone SURROGATE' };
        return JSON.stringify({ ...data, presets: [planted] }).replace('SURROGATE', '\\ud800');
      },
      args: ['presets', 'import'],
      expect: 'refused',
      says: /surrogate|Unicode/i,
    }),
    fileCase({
      name: 'huge cell (8 MiB notes): refused, or imported whole',
      file: 'huge.csv',
      content: () => `${HEAD},notes\nimp-1,Huge,SG,sg,1.3,103.7,${SOURCE},${'x'.repeat(8 << 20)}\n`,
      expect: 'either',
      slow: true,
      present: (ctx) => {
        const run = landfall(['sites', '--format', 'json', '--db', ctx.db], 60_000);
        const site = (JSON.parse(run.stdout) as { id: string; notes?: string }[]).find((s) => s.id === 'imp-1');
        return site?.notes?.length === 8 << 20;
      },
    }),
    fileCase({
      name: 'latitude not a number',
      file: 'lat.csv',
      content: () => `${HEAD}\nimp-1,Bad lat,SG,sg,north,103.7,${SOURCE}\n`,
      expect: 'refused',
      says: /lat/,
    }),
    fileCase({
      name: 'latitude out of range (200)',
      file: 'lat200.csv',
      content: () => `${HEAD}\nimp-1,Bad lat,SG,sg,200,103.7,${SOURCE}\n`,
      expect: 'refused',
      says: /lat/,
    }),
    fileCase({
      name: 'numbers as NaN, Infinity, 1e999 and 1,5',
      file: 'nan.csv',
      content: () =>
        `${HEAD},capacity_existing_mw,capacity_planned_mw\n` +
        `imp-1,A,SG,sg,NaN,103.7,${SOURCE},1,1\nimp-2,B,SG,sg,1.3,Infinity,${SOURCE},1e999,"1,5"\n`,
      expect: 'refused',
    }),
    fileCase({
      name: 'unknown column',
      file: 'unknown-col.csv',
      content: () => `${HEAD},colour\n${ROW},blue\n`,
      expect: 'refused',
      says: /colour/,
    }),
    fileCase({
      name: 'duplicate ids in one file',
      file: 'dup.csv',
      content: () => `${HEAD}\n${ROW}\n${ROW.replace('Imported site', 'Other name')}\n`,
      expect: 'refused',
      says: /imp-1/,
    }),
    fileCase({
      name: 'javascript: source URL',
      file: 'js-url.csv',
      content: () => `${HEAD}\nimp-1,Imported site,SG,sg,1.3,103.7,Survey,javascript:alert(1),2025-03-01\n`,
      expect: 'refused',
      says: /http/i,
    }),
    fileCase({
      name: 'empty (0-byte) file',
      file: 'empty.csv',
      content: () => '',
      expect: 'refused',
    }),
    fileCase({
      name: 'random bytes',
      file: 'noise.bin',
      content: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
      expect: 'refused',
    }),
    fileCase({
      name: 'the store itself as the file to import',
      file: 'copy-of-store.sqlite',
      content: (ctx) => readFileSync(ctx.db),
      expect: 'refused',
    }),
    fileCase({
      name: 'JSON of the wrong kind (an array of numbers)',
      file: 'numbers.json',
      content: () => '[1, 2, 3]',
      expect: 'refused',
    }),
    fileCase({
      name: 'JSON whose kind cannot be guessed (an object of nothing known)',
      file: 'unknown.json',
      content: () => JSON.stringify({ format: 'something-else', rows: [{ a: 1 }] }),
      expect: 'refused',
    }),
    fileCase({
      name: 'JSON cut short',
      file: 'cut.json',
      content: (ctx) => JSON.stringify(exportedTable(ctx, 'sites')).slice(0, 300),
      expect: 'refused',
    }),
    fileCase({
      name: 'sites JSON given as --kind presets-json',
      file: 'sites.json',
      content: (ctx) => JSON.stringify(exportedTable(ctx, 'sites')),
      args: ['import', '--kind', 'presets-json'],
      expect: 'refused',
    }),
    {
      name: 'file that does not exist',
      run(ctx): Verdict {
        const before = snapshot(ctx.db);
        const run = landfall(['import', join(ctx.dir, 'nope.csv'), '--db', ctx.db]);
        return new Check().refused(run, 'import').unchanged(before, snapshot(ctx.db)).verdict;
      },
    },
    builtinCase('presets table file renaming a built-in (import)', 'rename.json', renameBuiltinInTable, ['import']),
    builtinCase(
      'presets file renaming a built-in (presets import)',
      'rename-presets.json',
      (ctx) => {
        const data = exportedPresets(ctx);
        const cost = data.presets.find((p) => p.id === 'cost-first');
        return JSON.stringify({ ...data, presets: [{ ...cost, id: 'cost-first', name: 'Hijacked', builtin: true }] });
      },
      ['presets', 'import'],
    ),
    builtinCase(
      'presets file with builtin: true on a new preset',
      'builtin-true.json',
      (ctx) => {
        const data = exportedPresets(ctx);
        const mine = data.presets.find((p) => p.name === PLANNER_PRESET);
        return JSON.stringify({ ...data, presets: [{ ...mine, id: 'sneaky', name: 'Sneaky', builtin: true }] });
      },
      ['presets', 'import'],
    ),
    builtinCase(
      'whole-database JSON renaming a built-in',
      'database.json',
      (ctx) => {
        const data = exportedTable(ctx, 'all') as { tables: { presets: Record<string, unknown>[] } };
        const cost = data.tables.presets.find((p) => p.id === 'cost-first');
        if (!cost) throw new Error('no cost-first in the database export');
        cost.name = 'Hijacked';
        return JSON.stringify(data);
      },
      ['import'],
    ),
  ],
};
