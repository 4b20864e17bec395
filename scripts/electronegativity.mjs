// Runs Electronegativity over the Electron sources and the renderer's HTML (offline, without the
// AvailableSecurityFixesGlobalCheck that needs the network) and fails on any finding that is neither
// fixed nor explained in README.md's "Accepted Electronegativity findings" table.
// Electronegativity itself exits 0 whatever it finds, so this script reads its SARIF report (its CSV
// writer races with itself and sometimes overwrites the first row).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Rows of the README table between the accepted-findings markers: `| CHECK | file | why |`. */
export function acceptedFindings(readme) {
  const block = /<!-- electronegativity-accepted:start -->([\s\S]*?)<!-- electronegativity-accepted:end -->/.exec(
    readme,
  );
  if (!block) return [];
  return block[1]
    .split('\n')
    .map((line) => line.split('|').map((x) => x.trim().replaceAll('`', '')))
    .filter((cells) => cells.length >= 4 && /^[A-Z_]+$/.test(cells[1] ?? ''))
    .map((cells) => ({ check: cells[1], file: cells[2], why: cells[3] }));
}

function main() {
  const work = mkdtempSync(join(tmpdir(), 'landfall-electronegativity-'));
  try {
    cpSync(join(root, 'electron'), join(work, 'electron'), { recursive: true });
    cpSync(join(root, 'renderer', 'index.html'), join(work, 'renderer', 'index.html'));
    const pkg = require('@doyensec/electronegativity/package.json');
    const bin = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), pkg.bin.electronegativity);
    const electronVersion = require('electron/package.json').version;
    const out = join(work, 'findings.sarif');
    const run = spawnSync(
      process.execPath,
      [
        bin,
        '-i',
        work,
        '-x',
        'AvailableSecurityFixesGlobalCheck',
        '-o',
        out,
        '-r',
        '-e',
        electronVersion,
        '-v',
        'false',
      ],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`electronegativity failed: ${run.stderr || run.stdout}`);
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    const findings = sarif.runs
      .flatMap((r) => r.results)
      .map((result) => {
        const location = result.locations?.[0]?.physicalLocation;
        return {
          check: result.ruleId,
          file: location?.artifactLocation?.uri ?? 'N/A',
          location: `${location?.region?.startLine ?? 0}:${location?.region?.startColumn ?? 0}`,
        };
      });
    // LANDFALL_README lets the test of this gate point it at a README without the table.
    const accepted = acceptedFindings(readFileSync(process.env.LANDFALL_README ?? join(root, 'README.md'), 'utf8'));
    const isAccepted = (f) => accepted.some((a) => a.check === f.check && f.file.endsWith(a.file));
    const open = findings.filter((f) => !isAccepted(f));
    console.log(`Electronegativity ${pkg.version} on electron/ and renderer/index.html (Electron ${electronVersion}):`);
    console.log(
      `  ${findings.length} findings, ${findings.length - open.length} accepted in README.md, ${open.length} open`,
    );
    for (const f of findings)
      console.log(`  ${isAccepted(f) ? 'accepted' : 'OPEN    '} ${f.check} ${f.file}:${f.location}`);
    if (open.length > 0) {
      console.error('\nFix these, or explain them in README.md under "Accepted Electronegativity findings".');
      process.exitCode = 1;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
