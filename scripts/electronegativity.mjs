// Runs Electronegativity over the Electron sources and the renderer's HTML (offline, without the
// AvailableSecurityFixesGlobalCheck that needs the network) and fails on any finding that is not
// accepted in scripts/electronegativity-accepted.json — the one list of accepted findings, which
// docs/durability-and-security.md ("Accepted Electronegativity findings") links to. An entry accepts exactly one finding:
// its rule, in its file (the full path from the repository root), starting within its line range
// give or take the file's `tolerance` lines of drift. The gate also fails on an entry that no longer
// matches any finding, so an entry never waits for a new finding to land where a reviewed one was.
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
const ACCEPTED = 'scripts/electronegativity-accepted.json';

/** The accepted list, checked entry by entry; throws naming the first bad field. */
export function readAccepted(text) {
  const doc = JSON.parse(text);
  const bad = (where, what) => {
    throw new Error(`${ACCEPTED}: ${where} ${what}`);
  };
  if (!Number.isInteger(doc?.tolerance) || doc.tolerance < 0 || doc.tolerance > 20)
    bad('tolerance', 'must be a whole number of lines from 0 to 20');
  if (!Array.isArray(doc.accepted)) bad('accepted', 'must be a list');
  const entries = doc.accepted.map((a, i) => {
    const at = `accepted[${i}]`;
    if (typeof a?.rule !== 'string' || !/^[A-Z_]+$/.test(a.rule)) bad(`${at}.rule`, 'must be a check name');
    if (typeof a.file !== 'string' || !/^[\w.-]+(\/[\w.-]+)*$/.test(a.file) || a.file.split('/').includes('..'))
      bad(`${at}.file`, 'must be a path from the repository root, e.g. electron/main.ts');
    const [start, end] = Array.isArray(a.lines) ? a.lines : [];
    if (a.lines?.length !== 2 || !Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start)
      bad(`${at}.lines`, 'must be [first, last] line numbers');
    if (typeof a.why !== 'string' || a.why.trim() === '') bad(`${at}.why`, 'must say why the finding is acceptable');
    return { rule: a.rule, file: a.file, start, end, why: a.why };
  });
  return { tolerance: doc.tolerance, entries };
}

/**
 * Pairs findings with accepted entries: each entry takes at most one finding of its rule and file
 * starting within its lines ± tolerance (the nearest, when several could). Returns each finding with
 * the entry that accepts it (or null) and the entries no finding matched (stale).
 */
export function matchFindings(findings, { tolerance, entries }) {
  const taken = new Set();
  const distance = (f, a) => (f.line < a.start ? a.start - f.line : f.line > a.end ? f.line - a.end : 0);
  const pairs = findings.map((f) => {
    const candidates = entries
      .filter((a) => !taken.has(a) && a.rule === f.check && a.file === f.file && distance(f, a) <= tolerance)
      .sort((a, b) => distance(f, a) - distance(f, b));
    const entry = candidates[0] ?? null;
    if (entry !== null) taken.add(entry);
    return { ...f, entry };
  });
  return { pairs, stale: entries.filter((a) => !taken.has(a)) };
}

/** A SARIF artifact URI as a path from the scanned root: forward slashes, no scheme or root prefix. */
function relativePath(uri, scanned) {
  const path = decodeURIComponent(uri.replace(/^file:\/\//, '')).replaceAll('\\', '/');
  const base = scanned.replaceAll('\\', '/').replace(/\/?$/, '/');
  const inside = path.startsWith(base) ? path.slice(base.length) : path;
  return inside.replace(/^\.\//, '');
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
          file: relativePath(location?.artifactLocation?.uri ?? 'N/A', work),
          line: location?.region?.startLine ?? 0,
          column: location?.region?.startColumn ?? 0,
        };
      })
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.check.localeCompare(b.check));
    const accepted = readAccepted(readFileSync(join(root, ACCEPTED), 'utf8'));
    const { pairs, stale } = matchFindings(findings, accepted);
    const open = pairs.filter((p) => p.entry === null);
    console.log(`Electronegativity ${pkg.version} on electron/ and renderer/index.html (Electron ${electronVersion}):`);
    console.log(
      `  ${findings.length} findings, ${findings.length - open.length} accepted, ${open.length} open` +
        ` (${ACCEPTED}: ${accepted.entries.length} entries, lines ± ${accepted.tolerance})`,
    );
    for (const p of pairs)
      console.log(`  ${p.entry === null ? 'OPEN    ' : 'accepted'} ${p.check} ${p.file}:${p.line}:${p.column}`);
    for (const a of stale) console.log(`  no longer found: ${a.rule} ${a.file} lines ${a.start}-${a.end}`);
    if (open.length > 0 || stale.length > 0) {
      console.error(
        `\nFix the open findings, or review each and add it to ${ACCEPTED} (rule, full path, lines, why);` +
          ' update or remove entries no longer found.',
      );
      process.exitCode = 1;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
