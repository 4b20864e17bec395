// The fault-injection suite in CI: the cases issue 14 names (`npm run faults` runs all of them), on
// real `landfall` and browser-mode processes and real store files. Each must be handled cleanly, and
// no case may change or lose the planner's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseContext, cleanup, killAll, makeBase, type Base } from './harness';
import { catalogue, tally, type CaseResult } from './suite';

/** A sample of every kind, under a minute on two cores: the faults issue 14 was filed for. */
const CI_CASES = new Set([
  'NUL byte after the first 4 KiB',
  'lone surrogate escaped in a JSON preset name',
  'javascript: source URL',
  'JSON whose kind cannot be guessed (an object of nothing known)',
  'presets table file renaming a built-in (import)',
  'presets file with builtin: true on a new preset',
  'export --out onto the store',
  'export --out onto the store’s -wal',
  'export --out into the backups folder',
  'score --as-of 2025-13-45',
  '0-byte store beside backups',
  'deleted store beside backups',
  'flipped byte inside a record (a preset’s name)',
  'read-only store file',
  'future-dated backup (2099)',
  '11 seed-only (.blank) backups after the good one, then rotation',
  'browser mode and a CLI write at once',
  'restore latest while browser mode runs',
  'write with a wrong token',
  'oversized body (2 MiB)',
  'output pipe closed early (`landfall export | head -c 100`)',
  'import while another program holds SQLite’s write lock',
]);

let base: Base;
const results: CaseResult[] = [];

beforeAll(() => {
  base = makeBase();
}, 60_000);

afterAll(() => {
  killAll();
  cleanup(base);
});

// The security gate's planted findings are tested in tests/scripts/electronegativity-gate.test.ts.
const sampled = catalogue
  .map((k) => ({ kind: k.kind, cases: k.cases.filter((c) => CI_CASES.has(c.name)) }))
  .filter((k) => k.cases.length > 0);

describe.each(sampled.map((k) => [k.kind, k] as const))('faults: %s', (_name, kind) => {
  const cases = kind.cases;
  it.each(cases.map((c) => [c.name, c] as const))(
    '%s',
    async (_caseName, c) => {
      try {
        const verdict = await c.run(caseContext(base));
        results.push({ kind: kind.kind, name: c.name, ms: 0, ...verdict });
        expect({ ...verdict, notes: verdict.notes.join('; ') }).toEqual({
          handled: true,
          changed: false,
          lost: false,
          notes: '',
        });
      } finally {
        killAll();
      }
    },
    60_000,
  );
});

describe('faults: the table', () => {
  it('samples every case CI_CASES names, and has 0 in data changed and data lost', () => {
    expect(results.map((r) => r.name).sort()).toEqual([...CI_CASES].sort());
    const total = tally(results).at(-1);
    expect(total?.changed).toBe(0);
    expect(total?.lost).toBe(0);
  });
});
