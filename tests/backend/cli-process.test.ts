import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSites } from '../../db/seed/sites';

const BIN = fileURLToPath(new URL('../../bin/landfall.cjs', import.meta.url));

let dir: string;

function landfall(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 15000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-bin-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('bin/landfall.cjs', () => {
  it('lists sites as JSON from a child process and reports a bad call on stderr', () => {
    const db = join(dir, 'bin.sqlite');
    const ok = landfall('sites', '--format', 'json', '--db', db);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const sites = JSON.parse(ok.stdout) as { id: string }[];
    expect(sites).toHaveLength(seedSites.length);

    const bad = landfall('sites', '--country', 'usa', '--db', db);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('invalid input for sites.list');
    expect(bad.stderr).toContain('country');
  });
});
