// The data workbench: one table at a time in the data grid, with add and delete, a source decision
// asked for changed numbers (a new source, or the planner's estimate), and the history beside it.
// Replaces the map while open; the ranking stays in view and re-scores after every write (App
// reloads on data.changed). Escape closes it, but never over an unsaved cell edit without asking.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { EditChange } from '../../../shared/calls/edit-calls';
import { ApiCallError } from '../../../shared/errors';
import { methodNotRecorded } from '../../../shared/model/facts';
import { plannersEstimate } from '../../../shared/model/fact-source-decision';
import { useApp, useServices } from '../context';
import { isTypingTarget } from '../shortcuts';
import { showsWorkbench, type Panel, type WorkbenchTable, type WorkbenchTarget } from '../store';
import { TABLES, TABLE_ORDER, factKey, rowsOf, type GridRow, type TableData } from './columns';
import { DataGrid, type FocusRequest } from './DataGrid';
import { issuesToCells, updatesFor, type CellEdit, type CellIssue } from './edits';
import { ConfirmDialog } from './forms';
import { SourceForm, type FactOrigin, type MethodValues, type SourceValues } from './source-form';
import { HistoryPanel, type HistoryAction } from './HistoryPanel';
import { AddRowForm, ScopeForm } from './row-forms';
import './workbench.css';

/** Browser mode caps a request at 1 MiB: a big paste goes in parts of this many rows. */
const CHUNK = 4000;
const FACT_NUMBERS = ['value', 'low', 'high'];
const METHOD_COLUMNS = ['method', 'derivation', 'reference'];
/** Up to this many edited facts are re-read one by one after a write; more reload the table. */
const PATCH_LIMIT = 20;

async function loadTable(
  client: ReturnType<typeof useServices>['client'],
  table: WorkbenchTable,
): Promise<Partial<TableData>> {
  switch (table) {
    case 'sites':
      return { sites: await client.call('sites.list', {}) };
    case 'metric_values':
      return { metrics: await client.call('metrics.list', {}) };
    case 'chips':
      return { chips: await client.call('chips.list', {}) };
    case 'policy_events':
      return { policies: await client.call('policies.list', {}) };
    case 'profiles':
      return { profiles: await client.call('profiles.list', {}) };
    case 'criteria':
      return { criteria: await client.call('criteria.list', {}) };
  }
}

/**
 * The fields a source decision adds to a changed fact: a new source with its method; the planner's
 * estimate (method estimate, the note as its derivation, no reference: no table gives the number);
 * or, for a range edit, the method alone. `withSource`: the edit did not give the source itself.
 */
function originValues(origin: FactOrigin, withSource: boolean): Record<string, unknown> {
  switch (origin.kind) {
    case 'source':
      return withSource ? { source: origin.source, ...origin.how } : { ...origin.how };
    case 'estimate':
      return { ...plannersEstimate(origin.note), reference: null };
    case 'keep':
      return { ...origin.how };
  }
}

/** What the asked-for leave does, for the question before it discards an edit. */
function leavingWords(leave: { panel: Panel; workbench: WorkbenchTarget | null }, table: WorkbenchTable): string {
  if (!showsWorkbench(leave.panel)) return 'Closing the data workbench';
  const to = leave.workbench?.table ?? table;
  return to === table ? 'Going to the linked cell' : `Opening ${TABLES[to].title}`;
}

type Ask =
  | {
      kind: 'source';
      count: number;
      valueChanged: boolean;
      current: SourceValues | null;
      currentHow: MethodValues;
      resolve(v: FactOrigin | null): void;
    }
  | { kind: 'add'; initial?: Record<string, string> }
  | { kind: 'delete'; key: string; error: string | null }
  | { kind: 'scope'; key: string };

export function Workbench(): ReactNode {
  const { client, store } = useServices();
  const target = useApp((s) => s.workbench);
  const panel = useApp((s) => s.panel);
  const criteria = useApp((s) => s.choices.criteria);
  const readOnly = useApp((s) => s.info?.readOnly ?? false);
  const table = target?.table ?? 'sites';
  const spec = TABLES[table];
  const [data, setData] = useState<{ table: WorkbenchTable; data: Partial<TableData> } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [overrides, setOverrides] = useState<Map<string, Record<string, string>>>(new Map());
  const [ask, setAsk] = useState<Ask | null>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const showHistory = panel === 'history';
  const unsaved = useApp((s) => s.workbenchUnsaved);
  const leave = useApp((s) => s.workbenchLeave);
  /** Bumped to give the focus back to the cell editor after "keep editing". */
  const [editorFocus, setEditorFocus] = useState(0);
  const onPendingEdit = useCallback((what: string | null) => store.setState({ workbenchUnsaved: what }), [store]);
  /** Own fact updates whose data.changed is still to come (their rows are re-read one by one instead). */
  const ownFactWrites = useRef(0);

  useEffect(() => {
    let live = true;
    const load = (): void => {
      loadTable(client, table)
        .then((d) => {
          if (!live) return;
          setData({ table, data: d });
          setOverrides(new Map());
          setLoadError(null);
        })
        .catch((e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)));
    };
    load();
    const off = client.subscribe('data.changed', ({ tables }) => {
      // Our own small fact edit was patched in place already: reloading 50 000 facts is not needed.
      if (ownFactWrites.current > 0 && tables.every((t) => t === 'metric_values')) {
        ownFactWrites.current--;
        return;
      }
      load();
    });
    return () => {
      live = false;
      off();
    };
  }, [client, table]);

  // A link from elsewhere (data health) or a row just added names a row and field to go to.
  const focusRequest: FocusRequest | null =
    target?.focus && data?.table === table
      ? { key: target.focus.key, columnId: target.focus.field, seq: target.seq }
      : null;

  const units = useMemo(() => new Map(criteria.map((c) => [c.id, c.unit])), [criteria]);
  const rows: GridRow[] = useMemo(() => {
    if (!data || data.table !== table) return [];
    const base = rowsOf(table, data.data, units);
    if (overrides.size === 0) return base;
    return base.map((r) => {
      const o = overrides.get(r.key);
      return o ? { key: r.key, cells: { ...r.cells, ...o } } : r;
    });
  }, [data, table, units, overrides]);

  // A link to a fact that does not exist yet (data health: "no fact") opens the add form for it.
  const [linkedMissing, setLinkedMissing] = useState<number | null>(null);
  if (
    focusRequest &&
    table === 'metric_values' &&
    linkedMissing !== focusRequest.seq &&
    rows.length > 0 &&
    !rows.some((r) => r.key === focusRequest.key)
  ) {
    setLinkedMissing(focusRequest.seq);
    const m = /^(.+)@((?:site|market):.+)$/.exec(focusRequest.key);
    if (m) setAsk({ kind: 'add', initial: { criterionId: m[1] as string, owner: m[2] as string } });
  }

  const askSource = (count: number, key: string, valueChanged: boolean): Promise<FactOrigin | null> =>
    new Promise((resolve) => {
      const fact = data?.data.metrics?.find((m) => factKey(m) === key);
      // The stand-in for an unrecorded method is never offered for a new number: the planner says it.
      const how = fact?.kind === 'known' && !methodNotRecorded(fact) ? fact : null;
      setAsk({
        kind: 'source',
        count,
        valueChanged,
        current: fact?.source ?? null,
        currentHow: { method: how?.method ?? '', derivation: how?.derivation ?? '', reference: how?.reference ?? '' },
        resolve: (v) => (setAsk(null), resolve(v)),
      });
    });

  /** Re-reads a few facts after an edit and patches them into the loaded 50 000 (no full reload). */
  const refetchFacts = async (keys: string[]): Promise<void> => {
    const fresh = await Promise.all(
      keys.map((key) => {
        const m = /^(.+)@(site|market):(.+)$/.exec(key);
        if (!m) return Promise.resolve([]);
        const [, criterionId = '', kind, id = ''] = m;
        return client.call(
          'metrics.list',
          kind === 'site' ? { criterionId, siteId: id } : { criterionId, marketId: id },
        );
      }),
    );
    const byKey = new Map(fresh.flat().map((f) => [factKey(f), f]));
    setData((old) => {
      if (!old || old.table !== 'metric_values' || !old.data.metrics) return old;
      const metrics = old.data.metrics.map((f) => byKey.get(factKey(f)) ?? f);
      return { table: old.table, data: { ...old.data, metrics } };
    });
    setOverrides((old) => {
      const next = new Map(old);
      for (const key of keys) next.delete(key);
      return next;
    });
  };

  const validateAll = async (changes: EditChange[]): Promise<CellIssue[]> => {
    for (let i = 0; i < changes.length; i += CHUNK) {
      const checked = await client.call('data.validate', { table, changes: changes.slice(i, i + CHUNK) });
      if (!checked.ok)
        return issuesToCells(
          checked.issues.map((x) => ({ ...x, index: x.index + i })),
          changes,
          spec.columns,
        );
    }
    return [];
  };

  const onCommit = useCallback(
    async (edits: CellEdit[], how: 'edit' | 'paste'): Promise<CellIssue[]> => {
      if (readOnly) return [{ key: null, columnId: null, message: 'The store is read-only: nothing can be written.' }];
      const { changes } = updatesFor(edits, spec.columns);
      if (changes.length === 0) return [];
      const label =
        how === 'paste'
          ? `Paste ${edits.length} cells into ${spec.title}`
          : `${spec.columns.find((c) => c.id === edits[0]?.columnId)?.header ?? 'Edit'} of ${edits[0]?.key ?? ''}`;
      try {
        // A changed number needs to say where it comes from and how it was obtained (unless the paste
        // gave the source, or the method, too).
        const gave = (k: string, test: (column: string) => boolean): boolean =>
          edits.some((e) => e.key === k && test(e.columnId));
        const numbers =
          table === 'metric_values'
            ? [...new Set(edits.filter((e) => FACT_NUMBERS.includes(e.columnId)).map((e) => e.key))]
            : [];
        const needSource = numbers.filter((k) => !gave(k, (c) => c.startsWith('source.')));
        const needMethod = numbers.filter((k) => !gave(k, (c) => METHOD_COLUMNS.includes(c)));
        const needing = [...new Set([...needSource, ...needMethod])];
        // Check first (a missing source or method on those rows is what the form is about to ask for).
        const asked = (i: CellIssue): boolean =>
          i.key !== null &&
          ((needSource.includes(i.key) && (i.columnId?.startsWith('source.') ?? false)) ||
            (needMethod.includes(i.key) && METHOD_COLUMNS.includes(i.columnId ?? '')));
        let found = (await validateAll(changes)).filter((i) => !asked(i));
        if (found.length > 0) return found;
        if (needing.length > 0) {
          // A changed value may not keep the old value's source: only a range edit may.
          const valueChanged = needing.some((k) => gave(k, (c) => c === 'value'));
          const origin = await askSource(needing.length, needing[0] as string, valueChanged);
          if (origin === null)
            return [
              {
                key: edits[0]?.key ?? null,
                columnId: edits[0]?.columnId ?? null,
                message:
                  'Not saved: say where the new value comes from (a new source, or your own estimate), or press Escape to drop the edit.',
              },
            ];
          for (const change of changes as EditChange[]) {
            if (typeof change.key !== 'string' || !needing.includes(change.key)) continue;
            change.values = { ...change.values, ...originValues(origin, needSource.includes(change.key)) };
          }
          found = await validateAll(changes);
          if (found.length > 0) return found;
        }
        const parts = Math.ceil(changes.length / CHUNK);
        const patchFacts = table === 'metric_values' && changes.length <= PATCH_LIMIT;
        for (let i = 0; i < changes.length; i += CHUNK) {
          if (patchFacts) ownFactWrites.current++;
          const result = await client
            .call('data.apply', {
              table,
              changes: changes.slice(i, i + CHUNK),
              label: parts > 1 ? `${label} (part ${i / CHUNK + 1} of ${parts})` : label,
            })
            .catch((e: unknown) => {
              if (patchFacts) ownFactWrites.current--;
              throw e;
            });
          if (patchFacts && result.tables.length === 0) ownFactWrites.current--;
        }
        if (patchFacts) void refetchFacts(changes.map((c) => String(c.key)));
      } catch (err) {
        if (err instanceof ApiCallError && err.issues.length > 0) {
          return err.issues.map((issue) => {
            const m = /^changes\.(\d+)(?:\.values\.(.+))?$/.exec(issue.path);
            const change = m ? changes[Number(m[1])] : undefined;
            const cells = issuesToCells(
              [
                {
                  index: Number(m?.[1] ?? 0),
                  key: null,
                  field: m?.[2] ?? null,
                  path: issue.path,
                  message: issue.message,
                },
              ],
              changes,
              spec.columns,
            );
            return (
              cells[0] ?? {
                key: typeof change?.key === 'string' ? change.key : null,
                columnId: null,
                message: issue.message,
              }
            );
          });
        }
        return [
          {
            key: edits[0]?.key ?? null,
            columnId: edits[0]?.columnId ?? null,
            message: err instanceof Error ? err.message : String(err),
          },
        ];
      }
      // Show the written values at once; the reload after data.changed brings the store's own.
      setOverrides((old) => {
        const next = new Map(old);
        for (const e of edits) next.set(e.key, { ...next.get(e.key), [e.columnId]: e.text });
        return next;
      });
      return [];
    },
    // askSource reads the loaded facts for a default source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, table, spec, readOnly, data],
  );

  const runHistory = useCallback(
    async (action: HistoryAction): Promise<void> => {
      setBusy(true);
      try {
        const out =
          action.kind === 'revert'
            ? await client.call('history.revert', { batchId: action.batchId })
            : await client.call(action.kind === 'undo' ? 'history.undo' : 'history.redo', {});
        setOutcome({ ok: true, text: out.message });
      } catch (err) {
        setOutcome({ ok: false, text: err instanceof Error ? err.message : String(err) });
      } finally {
        setBusy(false);
      }
    },
    [client],
  );

  // Ctrl+Z / Ctrl+Shift+Z here undo the store's edits; the workspace's handler leaves them to us.
  // Escape that nothing inside took (a cell editor, a form and the filters take their own) closes the
  // workbench, which asks first when an edit is unsaved (store: setPanel).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape' && !event.defaultPrevented && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      store.getState().setPanel('none');
      return;
    }
    if (!(event.ctrlKey || event.metaKey) || event.altKey || isTypingTarget(event.target)) return;
    const key = event.key.toLowerCase();
    if (key !== 'z' && key !== 'y') return;
    event.preventDefault();
    void runHistory({ kind: key === 'y' || event.shiftKey ? 'redo' : 'undo' });
  };

  const deleteRow = async (key: string): Promise<void> => {
    try {
      await client.call('data.apply', {
        table,
        changes: [{ op: 'delete', key }],
        label: `Delete ${key} from ${spec.title}`,
      });
      setAsk(null);
    } catch (err) {
      setAsk({ kind: 'delete', key, error: err instanceof Error ? err.message : String(err) });
    }
  };

  const policy = ask?.kind === 'scope' ? data?.data.policies?.find((p) => p.id === ask.key) : undefined;

  return (
    <section className="workbench" aria-label="Data workbench" data-shortcut-scope="workbench" onKeyDown={onKeyDown}>
      <div className="workbench-bar">
        <div role="tablist" aria-label="Tables" className="workbench-tabs">
          {TABLE_ORDER.map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={t === table}
              className={t === table ? 'active' : undefined}
              onClick={() => t !== table && store.getState().openWorkbench(t)}
            >
              {TABLES[t].title}
            </button>
          ))}
        </div>
        <div className="workbench-actions">
          <button type="button" disabled={readOnly} onClick={() => setAsk({ kind: 'add' })}>
            Add row…
          </button>
          <button
            type="button"
            disabled={readOnly || activeKey === null}
            onClick={() => activeKey && setAsk({ kind: 'delete', key: activeKey, error: null })}
          >
            Delete row…
          </button>
          <button
            type="button"
            aria-pressed={showHistory}
            onClick={() => store.getState().setPanel(showHistory ? 'workbench' : 'history')}
          >
            History
          </button>
          <button type="button" aria-label="Close the data workbench" onClick={() => store.getState().setPanel('none')}>
            Close
          </button>
        </div>
      </div>
      <div className="workbench-body">
        {loadError ? (
          <p className="field-error" role="alert">
            {loadError}
          </p>
        ) : !data || data.table !== table ? (
          <p className="muted workbench-loading">Loading {spec.title.toLowerCase()}…</p>
        ) : (
          <DataGrid
            key={table}
            label={spec.title}
            columns={spec.columns}
            rows={rows}
            onCommit={onCommit}
            onActiveRow={setActiveKey}
            onOpenForm={(key) => setAsk({ kind: 'scope', key })}
            focusRequest={focusRequest}
            onPendingEdit={onPendingEdit}
            editorFocusRequest={editorFocus}
          />
        )}
        {showHistory && <HistoryPanel busy={busy} outcome={outcome} onAction={(a) => void runHistory(a)} />}
      </div>
      {ask?.kind === 'source' && (
        <SourceForm
          count={ask.count}
          valueChanged={ask.valueChanged}
          current={ask.current}
          currentHow={ask.currentHow}
          onDone={ask.resolve}
        />
      )}
      {leave !== null && (
        <ConfirmDialog
          title="Discard the unsaved edit?"
          message={`${unsaved ?? 'A cell edit'} is not saved. ${leavingWords(leave, table)} discards it.`}
          confirmLabel="Discard the edit"
          cancelLabel="Keep editing"
          onDone={(discard) => {
            store.getState().answerWorkbenchLeave(discard);
            if (!discard) setEditorFocus((n) => n + 1);
          }}
        />
      )}
      {ask?.kind === 'add' && (
        <AddRowForm
          table={table}
          initial={ask.initial}
          onDone={(key) => {
            setAsk(null);
            if (key) {
              // The new row may not be loaded yet: go to it when it is, without offering to add it again.
              setLinkedMissing((target?.seq ?? 0) + 1);
              store.getState().openWorkbench(table, { key });
            }
          }}
        />
      )}
      {ask?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${ask.key}?`}
          message={
            table === 'sites' || table === 'criteria'
              ? `This deletes the row and its own facts from ${spec.title}. Undo brings them back.`
              : `This deletes the row from ${spec.title}. Undo brings it back.`
          }
          confirmLabel="Delete"
          error={ask.error}
          onDone={(ok) => (ok ? void deleteRow(ask.key) : setAsk(null))}
        />
      )}
      {ask?.kind === 'scope' && policy && <ScopeForm policy={policy} onDone={() => setAsk(null)} />}
    </section>
  );
}
