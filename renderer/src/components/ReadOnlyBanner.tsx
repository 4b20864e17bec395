// When the backend refuses writes, this banner says why and offers what fits the cause: restoring the
// latest good backup for damage (or a store that vanished beside its backups, where starting a new
// store is the other way out); nothing to restore when another Landfall process is writing (quit it
// and reopen) or the file or folder is not writable (fix the permissions) — there the data is fine.
import { useState, type ReactNode } from 'react';
import type { StoreProblemKind } from '../../../shared/schemas';
import { useApp, useServices } from '../context';

/** Causes where a backup is the way back; for the others the store itself is intact. */
const RESTORABLE: ReadonlySet<StoreProblemKind> = new Set([
  'not_a_database',
  'truncated',
  'damaged',
  'unreadable',
  'vanished',
]);

export function ReadOnlyBanner(): ReactNode {
  const { client, store } = useServices();
  const info = useApp((s) => s.info);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  if (!info?.readOnly) return null;
  const cause = info.readOnlyCause;

  const act = async (what: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await what());
      await store.getState().load(client);
    } catch (error) {
      setOutcome(`Could not do it: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  const restore = (): Promise<void> =>
    act(async () => {
      const result = await client.call('backups.restore', { file: 'latest' });
      return result.readOnly
        ? `Restored ${result.restored.name}, but the store is still read-only: ${result.readOnlyReason ?? ''}`
        : `Restored ${result.restored.name}. The replaced file was kept at ${result.previousCopy ?? 'its old place'}.`;
    });
  const startNew = (): Promise<void> =>
    act(async () => {
      const result = await client.call('store.startNew', {});
      return `Started a new store at ${result.dbPath}; the backups stay where they were.`;
    });

  return (
    <div className="read-only-banner" role="alert">
      <strong>Read-only:</strong> {info.readOnlyReason ?? 'the database cannot be written.'}{' '}
      {(cause === null || RESTORABLE.has(cause)) && (
        <button type="button" onClick={() => void restore()} disabled={busy}>
          {busy ? 'Working…' : 'Restore latest good backup'}
        </button>
      )}{' '}
      {cause === 'vanished' && (
        <button type="button" onClick={() => void startNew()} disabled={busy}>
          Start a new store
        </button>
      )}
      {outcome && <div className="read-only-outcome">{outcome}</div>}
    </div>
  );
}
