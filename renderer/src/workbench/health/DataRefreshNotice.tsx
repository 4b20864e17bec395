// The data refresh in the data health panel: when a newer seed version brought facts the store does
// not take silently (data.refreshPreview), "A data refresh (seed vN) is available: N new, M changed
// facts" with Preview (the list: old → new value with source and method, and the facts kept because
// the planner edited them), Accept all (one undoable "Data refresh vN" batch) and Dismiss.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { DataRefreshPreview, RefreshChange, RefreshFact } from '../../../../shared/calls/data-refresh-calls';
import { useApp, useServices } from '../../context';

/** "19.19 (202–322)" or "missing". */
const valueText = (f: RefreshFact | null): string =>
  f === null
    ? '—'
    : f.value === null
      ? 'missing'
      : `${f.value}${f.low !== null || f.high !== null ? ` (${f.low ?? '…'}–${f.high ?? '…'})` : ''}`;

/** "measured · C&W cost guide, 2025-01-15". */
const originText = (f: RefreshFact | null): string =>
  f === null
    ? ''
    : [f.method ?? (f.value === null ? f.missingReason : null), f.source?.title ?? f.source?.url, f.source?.asOf]
        .filter((x): x is string => typeof x === 'string' && x !== '')
        .join(' · ');

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function ChangeLine({
  change,
  onAccept,
  busy,
}: {
  change: RefreshChange;
  onAccept: () => void;
  busy: boolean;
}): ReactNode {
  const { before, after, kind } = change;
  return (
    <li data-key={change.key}>
      <strong>{change.criterionName}</strong> · {change.placeName} <span className="muted">({kind})</span>
      <br />
      {kind === 'new' ? (
        <>new: {valueText(after)}</>
      ) : kind === 'retired' ? (
        <>{valueText(before)} → retired</>
      ) : (
        <>
          {valueText(before)} → {valueText(after)}
        </>
      )}{' '}
      <span className="muted">{originText(after ?? before)}</span>{' '}
      <button type="button" className="link-button" disabled={busy} onClick={onAccept}>
        Accept
      </button>
    </li>
  );
}

export function DataRefreshNotice(): ReactNode {
  const { client } = useServices();
  const readOnly = useApp((s) => s.info?.readOnly ?? false);
  const [preview, setPreview] = useState<DataRefreshPreview | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = useRef(true);
  const read = useCallback(
    (): Promise<void> =>
      client.call('data.refreshPreview', {}).then(
        (p) => {
          if (live.current) setPreview(p);
        },
        (e: unknown) => {
          if (live.current) setError(e instanceof Error ? e.message : String(e));
        },
      ),
    [client],
  );
  useEffect(() => {
    live.current = true;
    void read();
    const off = client.subscribe('data.changed', () => void read());
    return () => {
      live.current = false;
      off();
    };
  }, [client, read]);

  const act = (run: () => Promise<string>): void => {
    setBusy(true);
    setError(null);
    run()
      .then(
        (message) => live.current && setStatus(message),
        (e: unknown) => live.current && setError(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => {
        if (!live.current) return;
        setBusy(false);
        void read();
      });
  };
  const accept = (keys?: string[]): void =>
    act(async () => {
      const r = await client.call('data.refreshAccept', keys === undefined ? {} : { keys });
      const skipped = r.skipped.length > 0 ? `; ${plural(r.skipped.length, 'fact')} skipped (edited since)` : '';
      return r.applied === 0
        ? `Nothing applied${skipped}.`
        : `Applied ${plural(r.applied, 'fact')} from seed v${r.seedVersion ?? '?'} (undo it from the history)${skipped}.`;
    });
  const dismiss = (): void =>
    act(async () => {
      const r = await client.call('data.refreshDismiss', {});
      return `Dismissed ${plural(r.dismissed, 'pending change')}; the facts stay as they are.`;
    });

  const notes = (
    <>
      {status && (
        <p role="status" className="muted">
          {status}
        </p>
      )}
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </>
  );
  if (preview === null || preview.seedVersion === null) return notes;
  const { counts } = preview;
  const retired = counts.retired > 0 ? `, ${counts.retired} retired` : '';
  return (
    <section className="health-refresh" aria-label="Data refresh">
      {preview.changes.length > 0 ? (
        <p>
          A data refresh (seed v{preview.seedVersion}) is available: {counts.new} new, {counts.changed} changed
          {retired} facts{' '}
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            Preview
          </button>{' '}
          <button type="button" disabled={busy || readOnly} onClick={() => accept()}>
            Accept all
          </button>{' '}
          <button type="button" disabled={busy || readOnly} onClick={dismiss}>
            Dismiss
          </button>
        </p>
      ) : (
        <p>
          Data refresh (seed v{preview.seedVersion}): nothing left to apply.{' '}
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            Preview
          </button>{' '}
          <button type="button" disabled={busy || readOnly} onClick={dismiss}>
            Dismiss
          </button>
        </p>
      )}
      {notes}
      {open && (
        <>
          <ul className="health-list" aria-label="Data refresh changes">
            {preview.changes.map((c) => (
              <ChangeLine key={c.key} change={c} busy={busy || readOnly} onAccept={() => accept([c.key])} />
            ))}
          </ul>
          {preview.kept.length > 0 && (
            <>
              <p className="muted">Kept: you edited these ({preview.kept.length}), the refresh leaves them alone</p>
              <ul className="health-list" aria-label="Kept: you edited these">
                {preview.kept.map((k) => (
                  <li key={k.key} data-key={k.key}>
                    <strong>{k.criterionName}</strong> · {k.placeName}{' '}
                    {k.kind === 'deleted' ? 'you deleted it' : <>yours {valueText(k.yours)}</>}
                    <span className="muted">; the seed's {valueText(k.seed)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
