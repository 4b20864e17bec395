// `landfall data-refresh [--accept [--keys K1,K2] | --dismiss]`: the data refresh a newer seed
// version brought — what it would change in the facts nobody edited, and the facts kept because
// the planner edited them — and accepting or dismissing it.
import type {
  DataRefreshAccepted,
  DataRefreshDismissed,
  DataRefreshPreview,
  RefreshFact,
} from '../../../shared/calls/data-refresh-calls';
import { command, json, type Command, type CommandRun } from '../command';
import { UsageError } from '../io';

/** "19.19 (202–322) measured, Source title, 2025-01-15" or "missing: reason". */
export function factText(f: RefreshFact | null): string {
  if (f === null) return '∅';
  if (f.value === null) return `missing: ${f.missingReason ?? 'no reason given'}`;
  const range = f.low !== null || f.high !== null ? ` (${f.low ?? '…'}–${f.high ?? '…'})` : '';
  const source =
    f.source === null ? 'no source' : [f.source.title ?? f.source.url, f.source.asOf].filter(Boolean).join(', ');
  return `${f.value}${range} ${f.method ?? 'no method'}, ${source}`;
}

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function previewText(p: DataRefreshPreview): string {
  if (p.seedVersion === null) {
    return `no data refresh pending (this store has seed v${p.storeSeedVersion ?? '?'})\n`;
  }
  const c = p.counts;
  const lines = [
    `data refresh from seed v${p.seedVersion} (this store's facts came from v${p.fromVersion ?? '?'}; worked out ${p.computedAt ?? ''})`,
    `${count(c.new + c.changed + c.retired, 'pending change')}: ${c.new} new, ${c.changed} changed, ${c.retired} retired`,
  ];
  for (const x of p.changes) {
    const where = `${x.criterionName} · ${x.placeName} (${x.key})`;
    if (x.kind === 'new') lines.push(`  + ${where}: ${factText(x.after)}`);
    else if (x.kind === 'retired') lines.push(`  - ${where}: ${factText(x.before)} → retired`);
    else lines.push(`  ~ ${where}: ${factText(x.before)} → ${factText(x.after)} [${x.fields.join(', ')}]`);
  }
  lines.push(`kept, you edited these (${c.kept}):`);
  for (const k of p.kept) {
    const yours = k.kind === 'deleted' ? 'you deleted it' : `yours ${factText(k.yours)}`;
    lines.push(`  = ${k.criterionName} · ${k.placeName} (${k.key}): ${yours}; the seed's ${factText(k.seed)}`);
  }
  if (p.changes.length > 0) {
    lines.push('apply: landfall data-refresh --accept [--keys KEY,KEY]   drop: landfall data-refresh --dismiss');
  }
  return `${lines.join('\n')}\n`;
}

export function acceptedText(a: DataRefreshAccepted): string {
  const lines =
    a.applied === 0
      ? ['nothing applied']
      : [
          `applied ${count(a.applied, 'fact')} from seed v${a.seedVersion ?? '?'}: ${a.counts.new} new, ${a.counts.changed} changed, ${a.counts.retired} retired (batch ${a.batchId ?? ''}; landfall undo takes it back)`,
        ];
  for (const s of a.skipped) lines.push(`  skipped ${s.key}: ${s.reason}`);
  if (a.remaining > 0) lines.push(`${count(a.remaining, 'change')} still pending`);
  return `${lines.join('\n')}\n`;
}

export const dismissedText = (d: DataRefreshDismissed): string =>
  d.seedVersion === null
    ? 'no data refresh pending\n'
    : `dismissed ${count(d.dismissed, 'pending change')} of seed v${d.seedVersion}; the facts stay as they are\n`;

async function run({ call, values, format, io, name }: CommandRun): Promise<number> {
  const fail = (message: string): number => {
    io.err(`landfall ${name}: ${message}\n`);
    return 1;
  };
  if (values.accept === true) {
    const keys =
      typeof values.keys === 'string'
        ? values.keys
            .split(',')
            .map((k) => k.trim())
            .filter((k) => k !== '')
        : undefined;
    const result = await call('data.refreshAccept', keys === undefined ? {} : { keys });
    if (!result.ok)
      return fail(`${result.error.message}${result.error.issues.map((i) => `\n  ${i.message}`).join('')}`);
    io.out(format === 'json' ? json(result.value) : acceptedText(result.value));
    return 0;
  }
  if (values.dismiss === true) {
    const result = await call('data.refreshDismiss', {});
    if (!result.ok) return fail(result.error.message);
    io.out(format === 'json' ? json(result.value) : dismissedText(result.value));
    return 0;
  }
  const result = await call('data.refreshPreview', {});
  if (!result.ok) return fail(result.error.message);
  io.out(format === 'json' ? json(result.value) : previewText(result.value));
  return 0;
}

export const dataRefreshCommands: Record<string, Command> = {
  'data-refresh': command({
    summary:
      'The data refresh a newer seed brought: new, changed and retired facts nobody edited (and the ones kept because you edited them); --accept applies them as one undoable batch, --dismiss drops them',
    formats: ['text', 'json'],
    options: {
      accept: { type: 'boolean', help: 'apply the pending changes (all, or --keys) as one change-log batch' },
      keys: { type: 'string', help: 'with --accept: only these, comma-separated (e.g. power_price_usc_kwh@market:sg)' },
      dismiss: { type: 'boolean', help: 'drop the pending changes without applying any' },
    },
    call: 'data.refreshPreview',
    input: (values) => {
      if (values.accept === true && values.dismiss === true)
        throw new UsageError('give --accept or --dismiss, not both');
      if (values.keys !== undefined && values.accept !== true) throw new UsageError('--keys goes with --accept');
      return {};
    },
    run,
  }),
};
