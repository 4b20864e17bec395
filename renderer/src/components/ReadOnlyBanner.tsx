// When the store failed its integrity check (or is from a newer Landfall), the backend refuses
// writes; this banner says why and offers to restore the latest backup.
import { useState, type ReactNode } from 'react';
import { useApp, useServices } from '../context';

export function ReadOnlyBanner(): ReactNode {
  const { client, store } = useServices();
  const info = useApp((s) => s.info);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  if (!info?.readOnly) return null;

  const restore = async (): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await client.call('backups.restore', { file: 'latest' });
      setOutcome(
        result.readOnly
          ? `Restored ${result.restored.name}, but the store is still read-only: ${result.readOnlyReason ?? ''}`
          : `Restored ${result.restored.name}. The damaged file was kept at ${result.previousCopy ?? 'its old place'}.`,
      );
      await store.getState().load(client);
    } catch (error) {
      setOutcome(`Could not restore: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="read-only-banner" role="alert">
      <strong>Read-only:</strong> {info.readOnlyReason ?? 'the database cannot be written.'}{' '}
      <button type="button" onClick={() => void restore()} disabled={busy}>
        {busy ? 'Restoring…' : 'Restore latest backup'}
      </button>
      {outcome && <div className="read-only-outcome">{outcome}</div>}
    </div>
  );
}
