// `landfall presets list|show ID|diff A B|duplicate ID|delete ID|restore TOKEN|import FILE|export`:
// weight presets from the command line. Two-word commands (main.ts reads `presets show` as one).
// Refusals from the backend exit 1 with every problem on its own line; usage mistakes exit 2.
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../db/transfer/atomic-file';
import type { PresetImportResult } from '../../../shared/calls/preset-calls';
import type { ApiError } from '../../../shared/errors';
import type { HardConstraint, Preset } from '../../../shared/model/presets';
import type { PresetDiff } from '../../../shared/preset-diff';
import { describeCounts } from '../../services/presets/preset-import';
import { command, json, type Command } from '../command';
import { UsageError, type CliIo } from '../io';
import { dataCommands } from './data-commands';

function refusal(io: CliIo, name: string, error: ApiError): number {
  const lines = error.issues.map((i) => `  ${i.path}: ${i.message}\n`).join('');
  io.err(`landfall ${name}: ${error.message}\n${lines}`);
  return 1;
}

const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;

function constraintText(c: HardConstraint): string {
  if (c.kind === 'chips_legal') return `chips legal: ${c.allow.join(', ')}`;
  return `${c.criterionId} ${c.kind === 'min' ? '≥' : '≤'} ${c.value}`;
}

const NORMALISATION_TEXT: Record<Preset['normalisation'], string> = {
  criterion: "criterion (each criterion's own)",
  minmax: 'minmax',
  vector: 'vector',
  max: 'max',
};

export function presetText(p: Preset): string {
  const total = Object.values(p.weights).reduce((s, w) => s + w, 0);
  const weights = Object.entries(p.weights).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  const width = Math.max(...weights.map(([id]) => id.length));
  const lines = [
    `${p.name} (${p.id})${p.builtin ? ' — built-in, read-only (duplicate it to edit)' : ''}`,
    ...(p.description === '' ? [] : [p.description]),
    `method: ${p.method} · normalisation: ${NORMALISATION_TEXT[p.normalisation]} · updated ${p.updatedAt}`,
    'weights (as stored, and share of 1):',
    ...weights.map(([id, w]) => `  ${id.padEnd(width)}  ${String(w).padStart(6)}  ${pct(w / total).padStart(6)}`),
    p.constraints.length === 0 ? 'hard constraints: none' : 'hard constraints:',
    ...p.constraints.map((c) => `  ${constraintText(c)}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function diffText(d: PresetDiff): string {
  const raw = (x: number | null): string => (x === null ? '—' : String(x));
  const width = Math.max('criterion'.length, ...d.criteria.map((c) => c.criterionId.length));
  const row = (cells: string[]): string =>
    `  ${(cells[0] ?? '').padEnd(width)}  ${cells
      .slice(1)
      .map((c) => c.padStart(8))
      .join('  ')}`;
  const points = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)} pt`;
  const constraintLines = (title: string, list: HardConstraint[]): string[] =>
    list.length === 0 ? [] : [`constraints ${title}:`, ...list.map((c) => `  ${constraintText(c)}`)];
  const same = (s: { a: string; b: string; same: boolean }): string =>
    s.same ? `${s.a} (same)` : `${s.a} → ${s.b} (differs)`;
  const lines = [
    `A: ${d.a.name} (${d.a.id})    B: ${d.b.name} (${d.b.id})`,
    row(['criterion', 'A raw', 'A share', 'B raw', 'B share', 'B − A']),
    ...d.criteria.map((c) =>
      row([c.criterionId, raw(c.a.raw), pct(c.a.share), raw(c.b.raw), pct(c.b.share), points(c.difference)]),
    ),
    `method: ${same(d.method)}`,
    `normalisation: ${same(d.normalisation)}`,
    ...constraintLines('only in A', d.constraints.onlyA),
    ...constraintLines('only in B', d.constraints.onlyB),
    ...constraintLines('in both', d.constraints.both),
    `scores every site alike: ${d.sameScoring ? 'yes' : 'no'}`,
  ];
  return `${lines.join('\n')}\n`;
}

const OUTCOME_MARK: Record<PresetImportResult['items'][number]['outcome'], string> = {
  added: '+',
  changed: '~',
  unchanged: '=',
  renamed: '→',
};

export function importText(r: PresetImportResult): string {
  const heading =
    r.mode === 'preview'
      ? 'presets import (dry run, nothing written)'
      : r.committed
        ? `imported presets (change batch ${r.batchId ?? ''})`
        : 'imported presets (nothing to change)';
  const lines = [
    `${heading}: ${describeCounts(r.counts)}`,
    ...r.items.map((i) => {
      const as = i.storedAs === i.id ? '' : ` as ${i.storedAs}`;
      const fields = i.fields.length > 0 ? `: ${i.fields.join(', ')}` : '';
      const note = i.note === '' ? '' : ` — ${i.note}`;
      return `  ${OUTCOME_MARK[i.outcome]} ${i.id}${as} "${i.name}"${fields}${note}`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function idList(value: string | boolean | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = typeof value === 'string' ? value.split(',').map((s) => s.trim()) : [];
  if (ids.length === 0 || ids.some((id) => id === '')) {
    throw new UsageError(`--ids takes preset ids separated by commas, e.g. cost-first,my-preset`);
  }
  return ids;
}

const textOrJson =
  <T>(text: (value: T) => string) =>
  (value: T, format: string): string =>
    format === 'json' ? json(value) : text(value);

const list = dataCommands.presets;
if (list === undefined) throw new Error('data-commands no longer declares `presets`');

export const presetsCommands: Record<string, Command> = {
  'presets list': { ...list, summary: 'List weight presets, built-in first (same as `landfall presets`)' },
  'presets show': command({
    summary: 'Show one preset: weights with their shares, method, normalisation, hard constraints',
    formats: ['text', 'json'],
    options: {},
    call: 'presets.list',
    args: ['ID'],
    input: () => ({}),
    run: async ({ call, args, format, io, name }) => {
      const result = await call('presets.list', {});
      if (!result.ok) return refusal(io, name, result.error);
      const preset = result.value.find((p) => p.id === args[0]);
      if (preset === undefined) {
        io.err(`landfall ${name}: no preset "${args[0] ?? ''}" (landfall presets list shows them)\n`);
        return 1;
      }
      io.out(format === 'json' ? json(preset) : presetText(preset));
      return 0;
    },
  }),
  'presets diff': command({
    summary: 'Compare two presets: weights side by side (raw and share), method, normalisation, constraints',
    formats: ['text', 'json'],
    options: {},
    call: 'presets.diff',
    args: ['A', 'B'],
    input: (_values, args) => ({ a: args[0], b: args[1] }),
    render: textOrJson(diffText),
  }),
  'presets duplicate': command({
    summary: 'Copy a preset (built-ins too) into a new preset of your own',
    formats: ['text', 'json'],
    options: { name: { type: 'string', help: 'the copy’s name (default "<name> (copy)")' } },
    call: 'presets.duplicate',
    args: ['ID'],
    input: (values, args) => ({ id: args[0], name: values.name }),
    render: textOrJson<Preset>((p) => `created "${p.name}" (${p.id})\n`),
  }),
  'presets delete': command({
    summary: 'Delete one of your presets; prints the token that brings it back (`landfall presets restore`)',
    formats: ['text', 'json'],
    options: {},
    call: 'presets.delete',
    args: ['ID'],
    input: (_values, args) => ({ id: args[0] }),
    render: textOrJson<{ deleted: Preset; undoToken: string }>(
      ({ deleted, undoToken }) =>
        `deleted "${deleted.name}" (${deleted.id})\nundo token: ${undoToken}\n` +
        `to undo: landfall presets restore ${undoToken}\n`,
    ),
  }),
  'presets restore': command({
    summary: 'Bring back a deleted preset exactly, from the undo token `landfall presets delete` printed',
    formats: ['text', 'json'],
    options: {},
    call: 'presets.undoDelete',
    args: ['TOKEN'],
    input: (_values, args) => ({ undoToken: args[0] }),
    render: textOrJson<Preset>((p) => `restored "${p.name}" (${p.id})\n`),
  }),
  'presets import': command({
    summary: 'Import presets from a presets file: all of them or, for a bad file, none with every problem named',
    formats: ['text', 'json'],
    options: { 'dry-run': { type: 'boolean', help: 'only show what would be added, changed, renamed or left alone' } },
    call: 'presets.import',
    args: ['FILE'],
    // The text goes as it is: the backend says "not valid JSON" the same way to every caller.
    input: (values, args) => ({ document: readFile(args[0] ?? ''), mode: values['dry-run'] ? 'preview' : 'commit' }),
    run: async ({ call, input, format, io, name }) => {
      const result = await call('presets.import', input);
      if (!result.ok) return refusal(io, name, result.error);
      io.out(format === 'json' ? json(result.value) : importText(result.value));
      return 0;
    },
  }),
  'presets export': command({
    summary: 'Export presets as a versioned JSON file (all, or --ids), to stdout or --out FILE',
    formats: ['json'],
    options: {
      ids: { type: 'string', help: 'only these preset ids, comma-separated' },
      out: { type: 'string', help: 'write to this file, atomically' },
    },
    call: 'presets.export',
    input: (values) => ({ ids: idList(values.ids) }),
    run: async ({ call, input, values, io, name, dbPath }) => {
      const result = await call('presets.export', input);
      if (!result.ok) return refusal(io, name, result.error);
      const text = json(result.value);
      if (typeof values.out !== 'string') io.out(text);
      else {
        writeFileAtomic(values.out, text, { store: dbPath });
        io.out(`wrote ${result.value.presets.length} presets to ${values.out}\n`);
      }
      return 0;
    },
  }),
};
