// The bottom bar: which database is open, the date the numbers are as of, and the version.
import type { ReactNode } from 'react';
import { useApp } from '../context';

export function StatusBar(): ReactNode {
  const info = useApp((s) => s.info);
  const count = useApp((s) => s.sites.length);
  const asOf = useApp((s) => s.scenario.asOf);
  return (
    <footer className="status-bar">
      <div role="status" aria-label="Status bar" className="status-items">
        <span>Database: {info?.dbPath ?? '…'}</span>
        <span>As of {asOf}</span>
        <span>
          {count} sites · schema v{info?.schemaVersion ?? '…'} · Landfall {info?.version ?? ''}
        </span>
      </div>
    </footer>
  );
}
