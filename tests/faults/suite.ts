// The fault-injection suite: every case of every kind on its own copy of the base store, then a table
// of kinds — cases tried, handled cleanly, data changed, data lost — and a line per failing case.
import { cliArgs } from './cli-args';
import { concurrency } from './concurrency';
import { caseContext, cleanup, killAll, makeBase, type FaultKind, type Verdict } from './harness';
import { http } from './http';
import { importFiles } from './import-files';
import { security } from './security';
import { storeFaults } from './store-faults';

export const catalogue: FaultKind[] = [importFiles, cliArgs, storeFaults, concurrency, http, security];

export interface CaseResult extends Verdict {
  kind: string;
  name: string;
  ms: number;
}

export interface SuiteOptions {
  /** Leave out cases marked slow. */
  fast?: boolean;
  /** Only kinds whose name contains this. */
  only?: string;
  onCase?: (result: CaseResult) => void;
}

export async function runFaults(options: SuiteOptions = {}): Promise<CaseResult[]> {
  const base = makeBase();
  const results: CaseResult[] = [];
  try {
    for (const kind of catalogue) {
      if (options.only && !kind.kind.includes(options.only)) continue;
      for (const c of kind.cases) {
        if (options.fast && c.slow) continue;
        const started = Date.now();
        let verdict: Verdict;
        try {
          verdict = await c.run(caseContext(base));
        } catch (error) {
          const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
          verdict = { handled: false, changed: false, lost: false, notes: [`the case itself failed: ${message}`] };
        } finally {
          killAll();
        }
        const result = { kind: kind.kind, name: c.name, ms: Date.now() - started, ...verdict };
        results.push(result);
        options.onCase?.(result);
      }
    }
  } finally {
    cleanup(base);
  }
  return results;
}

export interface Row {
  kind: string;
  tried: number;
  handled: number;
  changed: number;
  lost: number;
}

export function tally(results: CaseResult[]): Row[] {
  const rows = new Map<string, Row>();
  for (const r of results) {
    const row = rows.get(r.kind) ?? { kind: r.kind, tried: 0, handled: 0, changed: 0, lost: 0 };
    row.tried++;
    if (r.handled) row.handled++;
    if (r.changed) row.changed++;
    if (r.lost) row.lost++;
    rows.set(r.kind, row);
  }
  const all = [...rows.values()];
  const total = all.reduce(
    (t, r) => ({
      kind: 'total',
      tried: t.tried + r.tried,
      handled: t.handled + r.handled,
      changed: t.changed + r.changed,
      lost: t.lost + r.lost,
    }),
    { kind: 'total', tried: 0, handled: 0, changed: 0, lost: 0 },
  );
  return [...all, total];
}

export function formatTable(rows: Row[]): string {
  const head = ['kind', 'cases tried', 'handled cleanly', 'data changed', 'data lost'];
  const cells = rows.map((r) => [r.kind, String(r.tried), String(r.handled), String(r.changed), String(r.lost)]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]): string =>
    `| ${c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(head), rule, ...cells.map(line)].join('\n');
}

export function failures(results: CaseResult[]): CaseResult[] {
  return results.filter((r) => !r.handled || r.changed || r.lost);
}
