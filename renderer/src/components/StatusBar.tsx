// The bottom bar: which database is open, the date the numbers are as of (a fixed date, remembered
// with the scenario, so it says when that is not today), what restoring the remembered scenario had
// to replace, and the version.
import type { ReactNode } from 'react';
import { useApp } from '../context';
import { todayIso } from '../store';

export function StatusBar(): ReactNode {
  const info = useApp((s) => s.info);
  const count = useApp((s) => s.sites.length);
  const asOf = useApp((s) => s.scenario.asOf);
  const notice = useApp((s) => s.scenarioNotice);
  const today = todayIso();
  return (
    <footer className="status-bar">
      <div role="status" aria-label="Status bar" className="status-items">
        <span>Database: {info?.dbPath ?? '…'}</span>
        <span>
          As of {asOf}
          {asOf !== today && <span className="muted"> (a fixed date; today is {today})</span>}
        </span>
        {notice && <span className="status-notice">{notice}</span>}
        <span>
          {count} sites · schema v{info?.schemaVersion ?? '…'} · Landfall {info?.version ?? ''}
        </span>
      </div>
    </footer>
  );
}
