// The data history: each change batch (who, when, what, rows before → after), Undo and Redo of the
// store's edits (not the scenario's weights), and Revert of any one batch.
import { useEffect, useState, type ReactNode } from 'react';
import type { HistoryList } from '../../../shared/calls/edit-calls';
import { useServices } from '../context';
import { diffLines } from './history-diff';

export type HistoryAction = { kind: 'undo' } | { kind: 'redo' } | { kind: 'revert'; batchId: string };

const SHOWN_ROWS = 6;

export function HistoryPanel(props: {
  onAction(action: HistoryAction): void;
  busy: boolean;
  /** What the last undo, redo or revert said (a conflict names the rows and batches). */
  outcome: { ok: boolean; text: string } | null;
}): ReactNode {
  const { client } = useServices();
  const [history, setHistory] = useState<HistoryList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      client
        .call('history.list', { limit: 50, changesPerBatch: 20 })
        .then((h) => live && (setHistory(h), setError(null)))
        .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    };
    load();
    const off = client.subscribe('data.changed', load);
    return () => {
      live = false;
      off();
    };
  }, [client]);

  return (
    <section className="history-panel" aria-labelledby="history-title">
      <header>
        <h3 id="history-title">History</h3>
        <button
          type="button"
          disabled={props.busy || !history?.nextUndo}
          title={history?.nextUndo ? `Undo “${history.nextUndo.label}” (Ctrl+Z)` : 'Nothing to undo'}
          onClick={() => props.onAction({ kind: 'undo' })}
        >
          Undo
        </button>
        <button
          type="button"
          disabled={props.busy || !history?.nextRedo}
          title={history?.nextRedo ? `Redo “${history.nextRedo.label}” (Ctrl+Shift+Z)` : 'Nothing to redo'}
          onClick={() => props.onAction({ kind: 'redo' })}
        >
          Redo
        </button>
      </header>
      {props.outcome && (
        <p className={props.outcome.ok ? 'history-outcome' : 'history-outcome failed'} role="alert">
          {props.outcome.text}
        </p>
      )}
      {error && (
        <p className="history-outcome error" role="alert">
          {error}
        </p>
      )}
      {history && history.entries.length === 0 && <p className="muted">No changes yet.</p>}
      <ol className="history-list" aria-label="Change batches, newest first">
        {history?.entries.map((entry) => {
          const lines = diffLines(entry.changes);
          return (
            <li key={entry.batchId} className={`history-entry state-${entry.state}`} data-batch={entry.batchId}>
              <div className="history-head">
                <strong>{entry.label}</strong>
                <span className={`badge kind-${entry.kind}`}>{entry.kind}</span>
                {entry.state !== 'done' && <span className="badge">{entry.state}</span>}
              </div>
              <div className="muted history-meta">
                {entry.actor} · <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> ·{' '}
                {entry.changeCount} row{entry.changeCount === 1 ? '' : 's'} in {entry.tables.join(', ')}
              </div>
              <ul className="history-diff">
                {lines.slice(0, SHOWN_ROWS).map((line, i) => (
                  <li key={`${line.label}-${i}`}>
                    <span className={`action action-${line.action}`}>{line.action}</span> {line.label}
                    {line.fields.slice(0, 4).map((f) => (
                      <span key={f.field} className="history-field">
                        {' '}
                        · {f.field}: <del>{f.before}</del> → <ins>{f.after}</ins>
                      </span>
                    ))}
                    {line.fields.length > 4 ? ` · +${line.fields.length - 4} fields` : ''}
                  </li>
                ))}
                {entry.changeCount > SHOWN_ROWS && (
                  <li className="muted">… and {entry.changeCount - SHOWN_ROWS} more rows</li>
                )}
              </ul>
              {entry.state === 'done' && entry.kind !== 'undo' && (
                <button
                  type="button"
                  className="small"
                  disabled={props.busy}
                  onClick={() => props.onAction({ kind: 'revert', batchId: entry.batchId })}
                >
                  Revert
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
