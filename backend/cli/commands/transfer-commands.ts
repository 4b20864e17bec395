// `landfall import FILE` (preview, then commit; all rows or none) and `landfall export` (stdout, or
// an atomic write with --out).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../../db/transfer/atomic-file';
import { refuseStoreTarget } from '../../../db/transfer/store-targets';
import type { ApiError } from '../../../shared/errors';
import {
  DataTable,
  ExportTable,
  guessImportKind,
  ImportKind,
  type ImportPreview,
} from '../../../shared/model/transfer';
import { explainUnguessable } from '../../../shared/import-guess';
import { errorPath } from '../../services/transfer/transfer-service';
import { command, json, type Command, type CommandRun } from '../command';
import { UsageError, type CliIo } from '../io';

function readImportFile(values: Record<string, string | boolean | undefined>, file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const given = values.kind;
  let kind: ImportKind | null;
  if (typeof given === 'string') {
    const parsed = ImportKind.safeParse(given);
    if (!parsed.success) throw new UsageError(`--kind must be one of ${ImportKind.options.join(', ')}, not "${given}"`);
    kind = parsed.data;
  } else {
    const text = bytes.toString('utf8');
    kind = guessImportKind(file, text);
    if (kind === null) {
      throw new UsageError(
        `cannot tell what ${file} holds: ${explainUnguessable(file, text)}; pass --kind (${ImportKind.options.join(', ')})`,
      );
    }
  }
  // Bytes, not text: the backend checks the encoding and names a UTF-16 or Latin-1 file.
  return { kind, contentBase64: bytes.toString('base64') };
}

function previewText(p: ImportPreview, heading: string): string {
  const lines = [
    `${heading}: ${p.added.length} added, ${p.changed.length} changed, ${p.unchanged.length} unchanged`,
    ...p.added.map((e) => `  + ${e.table} ${e.id}${e.row === null ? '' : ` (row ${e.row})`}`),
    ...p.changed.map((e) => `  ~ ${e.table} ${e.id}${e.row === null ? '' : ` (row ${e.row})`}: ${e.fields.join(', ')}`),
    ...p.notes.map((n) => `  ! ${n.table} ${n.id}${n.row === null ? '' : ` (row ${n.row})`}: ${n.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Every bad row and column, one per line, so a long list stays readable. */
function reportErrors(io: CliIo, name: string, message: string, lines: string[]): void {
  io.err(`landfall ${name}: ${message}\n${lines.map((l) => `  ${l}\n`).join('')}`);
}

function reportFailure(io: CliIo, name: string, error: ApiError): void {
  reportErrors(
    io,
    name,
    error.message,
    error.issues.map((i) => `${i.path}: ${i.message}`),
  );
}

async function runImport(step: CommandRun): Promise<number> {
  const { call, input, values, format, io, name } = step;
  const preview = await call('import.preview', input);
  if (!preview.ok) {
    reportFailure(io, name, preview.error);
    return 1;
  }
  const p = preview.value;
  const dryRun = values['dry-run'] === true;
  if (dryRun) io.out(format === 'json' ? json(p) : previewText(p, `${p.kind} (dry run, nothing written)`));
  if (p.errors.length > 0) {
    reportErrors(
      io,
      name,
      `import refused: ${p.errors.length} problem(s); nothing was changed`,
      p.errors.map((e) => `${errorPath(e)}: ${e.message}`),
    );
    return 1;
  }
  if (dryRun) return 0;
  const committed = await call('import.commit', input);
  if (!committed.ok) {
    reportFailure(io, name, committed.error);
    return 1;
  }
  const r = committed.value;
  io.out(format === 'json' ? json(r) : previewText(r, `imported ${r.kind} (change batch ${r.batchId})`));
  return 0;
}

function exportTarget(values: Record<string, string | boolean | undefined>): ExportTable | 'all' {
  const kind = values.kind ?? 'all';
  const parsed = ExportTable.safeParse(kind);
  if (kind === 'all') return 'all';
  if (!parsed.success)
    throw new UsageError(`--kind must be all or one of ${ExportTable.options.join(', ')}, not "${String(kind)}"`);
  return parsed.data;
}

async function runExport(step: CommandRun): Promise<number> {
  const { call, values, format, io, name, dbPath } = step;
  const table = exportTarget(values);
  const out = typeof values.out === 'string' ? values.out : undefined;
  // CSV has no way to hold several tables in one file: --kind all --format csv writes a directory.
  if (table === 'all' && format === 'csv') {
    if (out === undefined) {
      throw new UsageError('CSV holds one table per file: give --kind TABLE, or --out DIR to write every table');
    }
    refuseStoreTarget(out, dbPath); // before the folder is made
    mkdirSync(out, { recursive: true });
    for (const t of DataTable.options) {
      const result = await call('export.table', { table: t, format });
      if (!result.ok) {
        reportFailure(io, name, result.error);
        return 1;
      }
      const path = join(out, result.value.filename);
      writeFileAtomic(path, result.value.content, { store: dbPath });
      io.out(`wrote ${path}\n`);
    }
    return 0;
  }
  const result = await call('export.table', { table, format });
  if (!result.ok) {
    reportFailure(io, name, result.error);
    return 1;
  }
  if (out === undefined) io.out(result.value.content);
  else {
    writeFileAtomic(out, result.value.content, { store: dbPath });
    io.out(`wrote ${out}\n`);
  }
  return 0;
}

export const transferCommands: Record<string, Command> = {
  import: command({
    summary: 'Import a sites CSV or a JSON export: every row or none',
    formats: ['text', 'json'],
    options: {
      kind: { type: 'string', help: `what the file holds (default: guessed): ${ImportKind.options.join(', ')}` },
      'dry-run': { type: 'boolean', help: 'only show what would be added, changed or left unchanged' },
    },
    args: ['FILE'],
    call: 'import.commit',
    input: (values, args) => readImportFile(values, args[0] ?? ''),
    run: runImport,
  }),
  export: command({
    summary: 'Export a table, or the whole store, as JSON or CSV',
    formats: ['json', 'csv'],
    options: {
      kind: { type: 'string', help: `all (default) or a table: ${ExportTable.options.join(', ')}` },
      out: { type: 'string', help: 'write to this file (a directory for --kind all --format csv), atomically' },
    },
    call: 'export.table',
    input: (values) => ({ table: values.kind ?? 'all', format: values.format ?? 'json' }),
    run: runExport,
  }),
};
