// The Electronegativity gate (`npm run security`) accepts a finding only by its full path, rule and
// line range (issue 14): the gate runs on a copy of the tree with findings planted in it — an
// unguarded shell.openExternal in a new file whose name ends in main.ts, a new preload in a file
// whose name ends in window.ts, a second call in main.ts itself — and each of them fails it (the
// gate before issue 14 accepted all of them: it matched a finding by file-name suffix and rule).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const SLOW = 90_000;
const trees: string[] = [];

afterEach(() => {
  for (const t of trees.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A copy of what the gate reads (its script, its accepted list, electron/, renderer/index.html). */
function copyTree(): string {
  const tree = mkdtempSync(join(tmpdir(), 'landfall-gate-'));
  trees.push(tree);
  for (const path of [
    'package.json',
    'electron',
    'renderer/index.html',
    'scripts/electronegativity.mjs',
    'scripts/electronegativity-accepted.json',
  ]) {
    if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(tree, path), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  return tree;
}

function runGate(root: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'electronegativity.mjs')], {
    encoding: 'utf8',
    timeout: SLOW,
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

const UNGUARDED_OPEN = `import { shell } from 'electron';

export function openAnything(url: string): Promise<void> {
  return shell.openExternal(url);
}
`;

describe('Electronegativity gate', () => {
  it(
    'passes on today’s tree, every finding accepted by path, rule and line',
    () => {
      const { status, output } = runGate(ROOT);
      expect(output).toMatch(/3 findings, 3 accepted, 0 open/);
      expect(output).toMatch(/accepted OPEN_EXTERNAL_JS_CHECK electron\/main\.ts:\d+/);
      expect(output).toMatch(/accepted PRELOAD_JS_CHECK electron\/window\.ts:\d+/);
      expect(status).toBe(0);
    },
    SLOW,
  );

  it(
    'fails on planted findings in new files and in main.ts, and still accepts a reviewed one moved a line or two',
    () => {
      const tree = copyTree();
      writeFileSync(join(tree, 'electron', 'remain.ts'), UNGUARDED_OPEN);
      mkdirSync(join(tree, 'electron', 'extra'));
      writeFileSync(join(tree, 'electron', 'extra', 'main.ts'), UNGUARDED_OPEN);
      // A second window as hardened as the first: its preload is the one finding, and a new one.
      cpSync(join(tree, 'electron', 'window.ts'), join(tree, 'electron', 'popup-window.ts'));
      const main = join(tree, 'electron', 'main.ts');
      const drifted = `// one line of drift\n// and another\n${readFileSync(main, 'utf8')}`;
      writeFileSync(main, `${drifted}\nexport const sneak = (u: string): Promise<void> => shell.openExternal(u);\n`);

      const { status, output } = runGate(tree);
      expect(status).toBe(1);
      expect(output).toMatch(/OPEN +OPEN_EXTERNAL_JS_CHECK electron\/remain\.ts:4/);
      expect(output).toMatch(/OPEN +OPEN_EXTERNAL_JS_CHECK electron\/extra\/main\.ts:4/);
      expect(output).toMatch(/OPEN +PRELOAD_JS_CHECK electron\/popup-window\.ts:17:/);
      expect(output).toMatch(/OPEN +OPEN_EXTERNAL_JS_CHECK electron\/main\.ts:\d+/);
      // The reviewed call, two lines further down, is still the accepted one.
      expect(output).toMatch(/accepted OPEN_EXTERNAL_JS_CHECK electron\/main\.ts:2[0-3]:/);
      expect(output).toMatch(/accepted PRELOAD_JS_CHECK electron\/window\.ts:/);
      expect(output).toMatch(/4 open/);
    },
    SLOW,
  );

  it(
    'fails when an accepted entry no longer matches its finding (moved too far, or gone)',
    () => {
      const tree = copyTree();
      const main = join(tree, 'electron', 'main.ts');
      writeFileSync(main, `${'// moved\n'.repeat(30)}${readFileSync(main, 'utf8')}`);

      const { status, output } = runGate(tree);
      expect(status).toBe(1);
      expect(output).toMatch(/OPEN +OPEN_EXTERNAL_JS_CHECK electron\/main\.ts:5\d:/);
      expect(output).toMatch(/no longer found: OPEN_EXTERNAL_JS_CHECK electron\/main\.ts lines 18-21/);
    },
    SLOW,
  );
});
