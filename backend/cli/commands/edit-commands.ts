// `landfall history|undo|redo|revert BATCH`, `landfall scenarios|scenario-export ID|scenario-import
// FILE` and `landfall data-health`: the workbench's history, what-if scenarios and data health.
// (`landfall health` is the store's integrity check; data health has its own name.)
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../db/transfer/atomic-file';
import type {
  CoverageCount,
  DataCoverage,
  DataHealth,
  HistoryList,
  HistoryOutcome,
  MethodCounts,
} from '../../../shared/calls/edit-calls';
import { FactMethod } from '../../../shared/model/facts';
import type { ScenarioDetail, ScenarioSummary } from '../../../shared/calls/scenario-calls';
import { command, json, type Command } from '../command';
import { UsageError } from '../io';
import { dataRefreshCommands } from './data-refresh-commands';

function positiveInt(value: string | boolean | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(n) || n < 0) {
    throw new UsageError(`--${option} must be a whole number, not "${String(value)}"`);
  }
  return n;
}

const cell = (v: unknown): string =>
  v === null || v === undefined ? '∅' : typeof v === 'string' ? v : JSON.stringify(v);

function historyText(list: HistoryList): string {
  if (list.entries.length === 0) return 'no changes yet\n';
  const lines: string[] = [];
  for (const e of list.entries) {
    const state = e.state === 'done' ? '' : ` [${e.state}]`;
    lines.push(
      `${e.at}  ${e.actor}  ${e.kind}${state}  ${e.label}  (${e.changeCount} row${e.changeCount === 1 ? '' : 's'}, batch ${e.batchId})`,
    );
    for (const c of e.changes) {
      if (c.action === 'update') {
        const diffs = c.fields.map((f) => `${f} ${cell(c.before?.[f])} → ${cell(c.after?.[f])}`);
        lines.push(`    ~ ${c.table} ${c.label}: ${diffs.join('; ')}`);
      } else lines.push(`    ${c.action === 'insert' ? '+' : '-'} ${c.table} ${c.label}`);
    }
    if (e.truncated)
      lines.push(`    … ${e.changeCount - e.changes.length} more (landfall history --batch ${e.batchId})`);
  }
  lines.push(`undo would take back: ${list.nextUndo?.label ?? 'nothing'}`);
  lines.push(`redo would apply again: ${list.nextRedo?.label ?? 'nothing'}`);
  return `${lines.join('\n')}\n`;
}

const outcomeText = (o: HistoryOutcome): string =>
  o.done ? `${o.message}; tables: ${o.tables.join(', ')} (batch ${o.batchId ?? ''})\n` : `${o.message}\n`;

function scenariosText(list: ScenarioSummary[]): string {
  if (list.length === 0) return 'no what-if scenarios yet\n';
  return list
    .map(
      (s) =>
        `${s.id.padEnd(30)}  ${String(s.eventCount).padStart(3)} event${s.eventCount === 1 ? ' ' : 's'}  ${s.name}\n`,
    )
    .join('');
}

function healthText(h: DataHealth): string {
  const s = h.summary;
  const lines = [
    `data health on ${h.asOf} (stale after ${h.staleAfterDays} days)`,
    ...coverageLines(h.coverage),
    `missing: ${s.missing} site × criterion gaps in ${s.sitesWithMissing} of ${s.sites} sites (${s.criteria} stored criteria)`,
    ...h.missingBySite.map(
      (m) => `  ${m.siteId}: ${m.missing.length} (${m.missing.map((x) => x.criterionId).join(', ')})`,
    ),
    `stale: ${s.stale} facts`,
    ...h.stale.map(
      (x) =>
        `  ${x.fix.key.siteId ? `site ${x.fix.key.siteId}` : `market ${x.fix.key.marketId ?? ''}`} ${x.criterionId}: as of ${x.sourceAsOf} (${x.ageDays} days)`,
    ),
    `without a source: ${s.unsourced} facts`,
    `policy events without a publication date: ${h.undatedEvents.length}`,
    ...h.undatedEvents.map((e) => `  ${e.id}: ${e.title} (${e.sourceTitle})`),
    `methods of ${methodsText(s.methods.values, 'known values')}`,
    `methods of ${methodsText(s.methods.cells, 'site × criterion cells with a value')}`,
  ];
  return `${lines.join('\n')}\n`;
}

const pct = (x: number | null): string => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)} %`);

/** "1 234 of 1 400 (88.1 %), 120 estimates (9.7 %), 3 stale". */
function countText(c: CoverageCount): string {
  return `${c.known} of ${c.cells} cells known (${pct(c.share)}), ${c.estimates} estimates (${pct(c.estimateShare)} of known), ${c.stale} stale`;
}

/** Coverage overall, of the built-in presets' criteria, then per criterion, market and site, worst first. */
function coverageLines(c: DataCoverage): string[] {
  const row = (label: string, x: CoverageCount): string => `  ${label.padEnd(34)} ${countText(x)}`;
  return [
    `coverage, all stored criteria: ${countText(c.all)}`,
    `coverage, criteria the built-in presets weigh (${c.presets.criteria.length}): ${countText(c.presets)}`,
    'coverage per criterion:',
    ...c.byCriterion.map((x) => row(`${x.criterionId}${x.weighedByBuiltin ? '' : ' (no preset)'}`, x)),
    'coverage per market:',
    ...c.byMarket.map((x) => row(x.marketId, x)),
    'coverage per site:',
    ...c.bySite.map((x) => row(x.siteId, x)),
  ];
}

/** "120 known values: official 40, measured 30, derived 20, estimate 30 (25 % estimates, 10 never recorded)". */
function methodsText(m: MethodCounts, what: string): string {
  const counts = FactMethod.options.map((k) => `${k} ${m.byMethod[k]}`).join(', ');
  const share = m.estimateShare === null ? 'no estimates' : `${Math.round(m.estimateShare * 1000) / 10} % estimates`;
  const unrecorded = m.notRecorded > 0 ? `, ${m.notRecorded} with no recorded method` : '';
  return `${m.known} ${what}: ${counts} (${share}${unrecorded})`;
}

function importedText(s: ScenarioDetail, format: string): string {
  if (format === 'json') return json(s);
  return `imported "${s.name}" as ${s.id} (${s.eventCount} event${s.eventCount === 1 ? '' : 's'})\n`;
}

export const editCommands: Record<string, Command> = {
  history: command({
    summary: 'List change batches (edits, imports, undos) newest first, with each row before and after',
    formats: ['text', 'json'],
    options: {
      limit: { type: 'string', help: 'how many batches (default 50)' },
      table: { type: 'string', help: 'only batches that changed this table, e.g. sites' },
      batch: { type: 'string', help: 'only this batch, with all its rows' },
    },
    call: 'history.list',
    input: (values) => ({
      limit: positiveInt(values.limit, 'limit'),
      table: values.table,
      batchId: values.batch,
      changesPerBatch: values.batch === undefined ? 20 : 100_000,
    }),
    render: (value, format) => (format === 'json' ? json(value) : historyText(value)),
  }),
  undo: command({
    summary: 'Take back the latest edit, import or revert (kept across restarts; redo applies it again)',
    formats: ['text', 'json'],
    options: {},
    call: 'history.undo',
    input: () => ({}),
    render: (value, format) => (format === 'json' ? json(value) : outcomeText(value)),
  }),
  redo: command({
    summary: 'Apply again the change undone last (until a new edit is made)',
    formats: ['text', 'json'],
    options: {},
    call: 'history.redo',
    input: () => ({}),
    render: (value, format) => (format === 'json' ? json(value) : outcomeText(value)),
  }),
  revert: command({
    summary: 'Revert one change batch (an id from `landfall history`) if its rows have not changed since',
    formats: ['text', 'json'],
    options: {},
    call: 'history.revert',
    args: ['BATCH'],
    input: (_values, args) => ({ batchId: args[0] }),
    render: (value, format) => (format === 'json' ? json(value) : outcomeText(value)),
  }),
  scenarios: command({
    summary: 'List what-if scenarios (hypothetical policy events kept apart from the real timeline)',
    formats: ['text', 'json'],
    options: {},
    call: 'scenarios.list',
    input: () => ({}),
    render: (value, format) => (format === 'json' ? json(value) : scenariosText(value)),
  }),
  'scenario-export': command({
    summary: 'Export a what-if scenario as a versioned JSON file (stdout, or --out FILE)',
    formats: ['json'],
    options: { out: { type: 'string', help: 'write to this file, atomically' } },
    call: 'scenarios.export',
    args: ['ID'],
    input: (_values, args) => ({ id: args[0] }),
    run: async ({ call, input, values, io, name, dbPath }) => {
      const result = await call('scenarios.export', input);
      if (!result.ok) {
        io.err(`landfall ${name}: ${result.error.message}\n`);
        return 1;
      }
      if (typeof values.out !== 'string') io.out(result.value.content);
      else {
        writeFileAtomic(values.out, result.value.content, { store: dbPath });
        io.out(`wrote ${values.out}\n`);
      }
      return 0;
    },
  }),
  'scenario-import': command({
    summary: 'Create a what-if scenario from an exported file: all of it, or nothing with every problem named',
    formats: ['text', 'json'],
    options: { name: { type: 'string', help: 'name the new scenario (default: the name in the file)' } },
    call: 'scenarios.import',
    args: ['FILE'],
    input: (values, args) => {
      const file = args[0] ?? '';
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return { content, name: values.name };
    },
    // Every problem on its own line: a refused file may have many.
    run: async ({ call, input, format, io, name }) => {
      const result = await call('scenarios.import', input);
      if (!result.ok) {
        const lines = result.error.issues.map((i) => `  ${i.path}: ${i.message}\n`).join('');
        io.err(`landfall ${name}: ${result.error.message}\n${lines}`);
        return 1;
      }
      io.out(importedText(result.value, format));
      return 0;
    },
  }),
  'data-health': command({
    summary:
      'What needs fixing in the facts: missing values per site, stale facts, facts without a source, and known values by method (share of estimates)',
    formats: ['text', 'json'],
    options: {
      'stale-after': { type: 'string', help: 'days after which a fact is stale (default 365)' },
      'as-of': { type: 'string', help: 'the date to measure age from, YYYY-MM-DD (default today)' },
    },
    call: 'data.health',
    input: (values) => ({ staleAfterDays: positiveInt(values['stale-after'], 'stale-after'), asOf: values['as-of'] }),
    render: (value, format) => (format === 'json' ? json(value) : healthText(value)),
  }),
  // Beside data-health: a newer seed's facts, offered rather than written.
  ...dataRefreshCommands,
};
