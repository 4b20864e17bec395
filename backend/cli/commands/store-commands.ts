// `landfall backup`, `landfall restore FILE`, `landfall backups`, `landfall health` and
// `landfall new-store`.
import { resolve } from 'node:path';
import type { BackupInfo, RestoreOutcome, StartNewOutcome, StoreHealth } from '../../../shared/calls/store-calls';
import { command, json, type Command } from '../command';

function size(bytes: number | null): string {
  if (bytes === null) return '-';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function backupsText(backups: BackupInfo[]): string {
  if (backups.length === 0) return 'no backups yet (take one with `landfall backup`)\n';
  return backups
    .map((b) => `${b.createdAt}  ${size(b.sizeBytes).padStart(10)}  ${b.reason.padEnd(18)}  ${b.name}${note(b)}\n`)
    .join('');
}

/** Why a listed backup is never what `restore latest` picks. */
function note(b: BackupInfo): string {
  if (b.futureDated) return '  (stamped in the future: never latest)';
  if (b.blank) return '  (seed only: never latest)';
  return '';
}

function startNewText(r: StartNewOutcome): string {
  const kept = r.backupsKept === 1 ? '1 backup of the old one stays' : `${r.backupsKept} backups of the old one stay`;
  return `started a new store at ${r.dbPath}; ${kept} in ${r.backupsDir} (\`landfall backups\` lists them)\n`;
}

function healthText(h: StoreHealth): string {
  const p = h.pragmas;
  const lines = [
    `database: ${h.dbPath}${h.inMemory ? ' (in memory)' : ''}`,
    `integrity: ${h.integrity.ok ? 'ok' : `${h.integrity.problem ?? 'problem'}: ${h.integrity.detail ?? ''}`}`,
    `writable: ${h.readOnly ? 'no (read-only)' : 'yes'}`,
    ...(h.readOnlyReason ? [`  ${h.readOnlyReason}`] : []),
    `schema version: ${h.schemaVersion ?? 'unknown'} (this Landfall: ${h.latestSchemaVersion})`,
    `journal: ${p.journalMode ?? '-'}, synchronous: ${p.synchronous ?? '-'}, foreign keys: ${
      p.foreignKeys === null ? '-' : p.foreignKeys ? 'on' : 'off'
    }, busy timeout: ${p.busyTimeoutMs ?? '-'} ms`,
    `size: ${size(h.sizeBytes)} (+ WAL ${size(h.walSizeBytes)})`,
    `backups: ${h.backupCount} in ${h.backupsDir ?? '-'}`,
    `latest backup: ${h.latestBackup ? `${h.latestBackup.createdAt} ${h.latestBackup.name}` : 'none'}`,
    `latest good backup (restore latest): ${
      h.latestGoodBackup ? `${h.latestGoodBackup.createdAt} ${h.latestGoodBackup.name}` : 'none'
    }`,
  ];
  return `${lines.join('\n')}\n`;
}

function restoreText(r: RestoreOutcome): string {
  const lines = [`restored ${r.restored.name} (taken ${r.restored.createdAt})`];
  if (r.previousCopy) lines.push(`the replaced database was kept at ${r.previousCopy}`);
  if (r.readOnly) lines.push(`but the store is still read-only: ${r.readOnlyReason ?? ''}`);
  return `${lines.join('\n')}\n`;
}

export const storeCommands: Record<string, Command> = {
  backup: command({
    summary: 'Take a verified backup of the database now and print its path',
    formats: ['text', 'json'],
    options: { reason: { type: 'string', help: 'word for the file name, e.g. before-import (default manual)' } },
    call: 'backups.create',
    input: (values) => ({ reason: values.reason }),
    render: (value, format) => (format === 'json' ? json(value) : `${value.path}\n`),
  }),
  restore: command({
    summary:
      'Replace the database with a backup (a name from `landfall backups`, its path, or "latest": the latest good one)',
    formats: ['text', 'json'],
    options: {},
    call: 'backups.restore',
    args: ['FILE'],
    // A path is made absolute here, where the user's working folder is known; a bare name stays a name.
    input: (_values, args) => {
      const file = args[0] ?? '';
      return { file: /[/\\]/.test(file) ? resolve(file) : file };
    },
    render: (value, format) => (format === 'json' ? json(value) : restoreText(value)),
  }),
  backups: command({
    summary: 'List backups of the database, newest first',
    formats: ['text', 'json'],
    options: {},
    call: 'backups.list',
    input: () => ({}),
    render: (value, format) => (format === 'json' ? json(value) : backupsText(value)),
  }),
  'new-store': command({
    summary: 'When the database vanished (missing or empty beside backups), start a new one instead of restoring',
    formats: ['text', 'json'],
    options: {},
    call: 'store.startNew',
    input: () => ({}),
    render: (value, format) => (format === 'json' ? json(value) : startNewText(value)),
  }),
  health: command({
    summary: 'Check the database (quick_check, pragmas, schema version, size, latest backup)',
    formats: ['text', 'json'],
    options: {},
    call: 'store.health',
    input: () => ({}),
    render: (value, format) => (format === 'json' ? json(value) : healthText(value)),
  }),
};
