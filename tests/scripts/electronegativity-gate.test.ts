// The Electronegativity gate fails CI on a finding the README does not explain, and passes when
// every finding is explained.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function runGate(readme?: string): { status: number | null; output: string } {
  const env = { ...process.env };
  if (readme !== undefined) {
    const file = join(mkdtempSync(join(tmpdir(), 'landfall-readme-')), 'README.md');
    writeFileSync(file, readme);
    env.LANDFALL_README = file;
  }
  const run = spawnSync(process.execPath, ['scripts/electronegativity.mjs'], { encoding: 'utf8', env });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('Electronegativity gate', () => {
  it('passes with the findings the README explains', () => {
    const { status, output } = runGate();
    expect(output).toMatch(/0 open/);
    expect(status).toBe(0);
  });

  it('fails and names the finding when the README does not explain it', () => {
    const readme = readFileSync('README.md', 'utf8').replace(/^\| `PRELOAD_JS_CHECK`.*$/m, '');
    const { status, output } = runGate(readme);
    expect(status).toBe(1);
    expect(output).toMatch(/OPEN +PRELOAD_JS_CHECK/);
  });
});
