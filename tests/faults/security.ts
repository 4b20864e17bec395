// The Electronegativity gate (`npm run security`) on a copy of the tree with a finding planted in a
// new file: it must fail and name the file, rule and line (accepted findings match by full path).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Check, crashText, ROOT, type FaultKind, type Verdict } from './harness';

const UNGUARDED_OPEN = `import { shell } from 'electron';

export function openAnything(url: string): Promise<void> {
  return shell.openExternal(url);
}
`;

function tree(dir: string): string {
  const root = join(dir, 'gate-tree');
  mkdirSync(root);
  for (const path of [
    'package.json',
    'electron',
    'renderer/index.html',
    'scripts/electronegativity.mjs',
    'scripts/electronegativity-accepted.json',
  ]) {
    if (existsSync(join(ROOT, path))) cpSync(join(ROOT, path), join(root, path), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

function planted(name: string, file: string, line: number): FaultKind['cases'][number] {
  return {
    name,
    slow: true,
    run(ctx): Verdict {
      const root = tree(ctx.dir);
      mkdirSync(join(root, 'electron', ...file.split('/').slice(0, -1)), { recursive: true });
      writeFileSync(join(root, 'electron', file), UNGUARDED_OPEN);
      const run = spawnSync(process.execPath, [join(root, 'scripts', 'electronegativity.mjs')], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      const output = `${run.stdout}${run.stderr}`;
      const check = new Check();
      check.handled(run.status === 1, `the gate exited ${String(run.status)} with a planted finding`);
      check.handled(crashText(output) === null, 'the gate crashed');
      check.handled(
        new RegExp(`OPEN +OPEN_EXTERNAL_JS_CHECK electron/${file.replace('.', '\\.')}:${line}`).test(output),
        `the planted finding in electron/${file} is not named: ${output.slice(-300)}`,
      );
      return check.verdict;
    },
  };
}

export const security: FaultKind = {
  kind: 'security gate',
  cases: [planted('planted shell.openExternal in a new file whose name ends in main.ts', 'extra/main.ts', 4)],
};
