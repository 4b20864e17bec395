// The bottom bar: which database is open and which version is running.
import type { ReactNode } from 'react';
import { useApp } from '../context';

export function StatusBar(): ReactNode {
  const info = useApp((s) => s.info);
  const count = useApp((s) => s.sites.length);
  return (
    <footer className="status-bar" role="status">
      <span>Database: {info?.dbPath ?? '…'}</span>
      <span>
        {count} sites · schema v{info?.schemaVersion ?? '…'} · Landfall {info?.version ?? ''}
      </span>
    </footer>
  );
}
