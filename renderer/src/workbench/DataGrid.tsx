// A spreadsheet-like grid over one table: virtualised rows, sort by header, a filter per column,
// resizable columns, keyboard editing, range selection, copy and paste as TSV, ARIA grid semantics.
// The grid never writes: it hands cell edits to `onCommit`, which answers with the issues (none:
// written); refused cells keep their outline and message until fixed. A refused edit keeps the focus
// in its cell's editor, with the message announced and tied to it; Escape there cancels the edit only.
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import type { Column, GridRow } from './columns';
import type { CellEdit, CellIssue } from './edits';
import { viewRows, type SortState } from './grid-view';
import { NAV_KEYS, inRect, moveCell, pasteTargets, rectOf, tabCell, type Cell, type NavKey, type Range } from './range';
import { parseTsv, serialiseTsv } from './tsv';
import { virtualWindow } from './virtual-window';

export const ROW_HEIGHT = 28;
/** The sticky header and filter rows above the body. */
const HEAD_HEIGHT = ROW_HEIGHT * 2 + 2;

export interface FocusRequest {
  key: string;
  columnId?: string;
  seq: number;
}

export interface DataGridProps {
  label: string;
  columns: readonly Column[];
  rows: readonly GridRow[];
  /** Writes the edits; resolves to the issues (empty when written). */
  onCommit(edits: CellEdit[], how: 'edit' | 'paste'): Promise<CellIssue[]>;
  /** Enter on a cell edited in a form (a policy's scope). */
  onOpenForm?(key: string, columnId: string): void;
  onActiveRow?(key: string | null): void;
  focusRequest?: FocusRequest | null;
  /** What the open cell edit is ("Latitude of sg-tuas: 123") while its text differs from the cell's; null: none. */
  onPendingEdit?(what: string | null): void;
  /** Bumped to give the focus back to the open cell editor (after "keep editing"). */
  editorFocusRequest?: number;
}

interface Editing {
  text: string;
  busy: boolean;
}

const issueId = (key: string | null, columnId: string | null): string => `${key ?? ''}\u0000${columnId ?? ''}`;

export function DataGrid(props: DataGridProps): ReactNode {
  const { label, columns, rows, onCommit, onOpenForm, onActiveRow, focusRequest, onPendingEdit } = props;
  const gridId = useId().replace(/:/g, '');
  const scroller = useRef<HTMLDivElement>(null);
  const editor = useRef<HTMLInputElement>(null);
  const [sort, setSort] = useState<SortState | null>(null);
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [widths, setWidths] = useState<number[]>(() => columns.map((c) => c.width));
  const [range, setRange] = useState<Range>({ anchor: { row: 0, col: 0 }, focus: { row: 0, col: 0 } });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [issues, setIssues] = useState<CellIssue[]>([]);
  const [status, setStatus] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  const view = useMemo(() => viewRows(rows, columns, sort, filters), [rows, columns, sort, filters]);
  const dims = { rows: view.length, cols: columns.length };
  const active = range.focus;
  const activeRow = view[active.row];
  const activeColumn = columns[active.col];
  const rect = rectOf(range);
  const issueMap = useMemo(() => new Map(issues.map((i) => [issueId(i.key, i.columnId), i.message])), [issues]);
  const rowIssue = useMemo(() => new Set(issues.filter((i) => i.columnId === null).map((i) => i.key)), [issues]);

  useEffect(() => onActiveRow?.(activeRow?.key ?? null), [activeRow?.key, onActiveRow]);

  // The open edit, while it would change the cell: the workbench asks before anything discards it.
  const original = activeRow && activeColumn ? (activeRow.cells[activeColumn.id] ?? '') : '';
  const pending =
    editing && activeRow && activeColumn && editing.text !== original
      ? `${activeColumn.header} of ${activeRow.key}: “${editing.text}”`
      : null;
  useEffect(() => onPendingEdit?.(pending), [pending, onPendingEdit]);
  useEffect(() => () => onPendingEdit?.(null), [onPendingEdit]);
  useEffect(() => {
    if (props.editorFocusRequest !== undefined) editor.current?.focus();
  }, [props.editorFocusRequest]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = (): void => setViewport(el.clientHeight > 0 ? el.clientHeight - HEAD_HEIGHT : 600);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keep the active cell in view (it may not be rendered yet: scroll by arithmetic, not by element).
  const reveal = useCallback(
    (cell: Cell) => {
      const el = scroller.current;
      if (!el) return;
      const top = cell.row * ROW_HEIGHT;
      const visible = el.clientHeight > 0 ? el.clientHeight - HEAD_HEIGHT : viewport;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + visible) el.scrollTop = top + ROW_HEIGHT - visible;
      const left = widths.slice(0, cell.col).reduce((a, b) => a + b, 0);
      const right = left + (widths[cell.col] ?? 0);
      if (left < el.scrollLeft) el.scrollLeft = left;
      else if (right > el.scrollLeft + el.clientWidth) el.scrollLeft = right - el.clientWidth;
      setScrollTop(el.scrollTop);
    },
    [widths, viewport],
  );

  const goTo = useCallback(
    (cell: Cell, extend = false) => {
      setRange((r) => (extend ? { anchor: r.anchor, focus: cell } : { anchor: cell, focus: cell }));
      reveal(cell);
    },
    [reveal],
  );

  // Another panel asked for a row (and field): clear the filters that hide it, go there (state set
  // while rendering, React's way to follow a prop), then scroll to it and take the focus.
  const [handled, setHandled] = useState<number | null>(null);
  if (focusRequest && focusRequest.seq !== handled && rows.length > 0) {
    const index = view.findIndex((r) => r.key === focusRequest.key);
    if (index < 0 && rows.some((r) => r.key === focusRequest.key)) setFilters({});
    // A row not loaded yet (just added, the reload still on its way) is gone to when it arrives.
    else if (index >= 0) {
      const col = Math.max(
        0,
        columns.findIndex((c) => c.id === focusRequest.columnId || c.field === focusRequest.columnId),
      );
      const cell = { row: index, col };
      setHandled(focusRequest.seq);
      setRange({ anchor: cell, focus: cell });
    }
  }
  useLayoutEffect(() => {
    if (handled === null) return;
    // Scrolling is the DOM catching up with the state just set.
    reveal(range.focus);
    scroller.current?.focus();
    // Only a newly handled request scrolls and focuses; later moves do their own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [handled]);

  const startEdit = (text: string | null): void => {
    if (!activeRow || !activeColumn) return;
    if (activeColumn.kind === 'scope') {
      onOpenForm?.(activeRow.key, activeColumn.id);
      return;
    }
    if (activeColumn.field === null || activeColumn.keyPart) {
      setStatus(`${activeColumn.header} cannot be edited here${activeColumn.keyPart ? ' (it names the row)' : ''}.`);
      return;
    }
    setEditing({ text: text ?? activeRow.cells[activeColumn.id] ?? '', busy: false });
  };

  const commit = async (edits: CellEdit[], how: 'edit' | 'paste'): Promise<boolean> => {
    const found = await onCommit(edits, how);
    const touched = new Set(edits.map((e) => issueId(e.key, e.columnId)));
    setIssues((old) => [...old.filter((i) => !touched.has(issueId(i.key, i.columnId))), ...found]);
    if (found.length === 0) {
      setStatus(how === 'paste' ? `Pasted ${edits.length} cells.` : 'Saved.');
      return true;
    }
    const first = found[0] as CellIssue;
    setStatus(
      how === 'paste'
        ? `Nothing was written: ${found.length} pasted cell${found.length === 1 ? '' : 's'} to fix. ${found
            .slice(0, 5)
            .map((i) => i.message)
            .join(' · ')}`
        : `Not saved: ${first.message}`,
    );
    return false;
  };

  const finishEdit = async (after: Cell | null): Promise<void> => {
    if (!editing || !activeRow || !activeColumn) return;
    const original = activeRow.cells[activeColumn.id] ?? '';
    if (editing.text === original) {
      setEditing(null);
      setIssues((old) => old.filter((i) => issueId(i.key, i.columnId) !== issueId(activeRow.key, activeColumn.id)));
      if (after) goTo(after);
      scroller.current?.focus();
      return;
    }
    setEditing({ ...editing, busy: true });
    const ok = await commit([{ key: activeRow.key, columnId: activeColumn.id, text: editing.text }], 'edit');
    if (ok) {
      setEditing(null);
      if (after) goTo(after);
      scroller.current?.focus();
    } else {
      // Refused: the edit stays open in its cell, and so does the focus (a form that asked, or a
      // click elsewhere, may have taken it), so Backspace edits and Escape cancels the edit only.
      setEditing({ ...editing, busy: false });
      editor.current?.focus();
    }
  };

  const onEditorKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    event.stopPropagation();
    // While the edit is being written, a second Enter or Tab would send it twice.
    if (editing?.busy && ['Enter', 'Tab', 'Escape'].includes(event.key)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      setEditing(null);
      setIssues((old) =>
        old.filter((i) => issueId(i.key, i.columnId) !== issueId(activeRow?.key ?? null, activeColumn?.id ?? null)),
      );
      setStatus('Edit cancelled.');
      scroller.current?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      performance.mark('grid-edit-commit');
      void finishEdit(moveCell(active, event.shiftKey ? 'ArrowUp' : 'ArrowDown', dims));
    } else if (event.key === 'Tab') {
      event.preventDefault();
      void finishEdit(tabCell(active, dims, event.shiftKey) ?? active);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (editing || event.target !== event.currentTarget) return;
    const ctrl = event.ctrlKey || event.metaKey;
    if (NAV_KEYS.includes(event.key)) {
      event.preventDefault();
      const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
      goTo(moveCell(active, event.key as NavKey, dims, { ctrl, page }), event.shiftKey);
    } else if (event.key === 'Tab' && dims.cols > 0) {
      const next = tabCell(active, dims, event.shiftKey);
      if (next) {
        event.preventDefault();
        goTo(next);
      }
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(null);
    } else if (ctrl && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setRange({ anchor: { row: 0, col: 0 }, focus: { row: dims.rows - 1, col: dims.cols - 1 } });
    } else if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      startEdit('');
    } else if (event.key.length === 1 && !ctrl && !event.altKey) {
      event.preventDefault();
      startEdit(event.key);
    }
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>): void => {
    if (editing || view.length === 0) return;
    const lines: string[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = view[r];
      lines.push(columns.slice(rect.left, rect.right + 1).map((c) => row?.cells[c.id] ?? ''));
    }
    event.clipboardData.setData('text/plain', serialiseTsv(lines));
    event.preventDefault();
    setStatus(`Copied ${lines.length} × ${rect.right - rect.left + 1} cells.`);
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>): void => {
    if (editing) return;
    event.preventDefault();
    const block = parseTsv(event.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    const { targets, clipped } = pasteTargets(block, rect, dims);
    const readOnly = targets.filter((t) => {
      const col = columns[t.col];
      return !col || col.field === null || col.keyPart || col.kind === 'scope';
    });
    if (readOnly.length > 0 || clipped > 0) {
      const names = [...new Set(readOnly.map((t) => columns[t.col]?.header ?? ''))].join(', ');
      setStatus(
        `Nothing was written: ${clipped > 0 ? `${clipped} cells fall outside the table` : ''}${
          clipped > 0 && names ? '; ' : ''
        }${names ? `${names} cannot be pasted into` : ''}.`,
      );
      return;
    }
    const edits = targets.map((t) => ({
      key: view[t.row]?.key ?? '',
      columnId: columns[t.col]?.id ?? '',
      text: t.text,
    }));
    const last = targets.at(-1) as (typeof targets)[number];
    setRange({ anchor: { row: rect.top, col: rect.left }, focus: { row: last.row, col: last.col } });
    void commit(edits, 'paste');
  };

  const resizeBy = (col: number, delta: number): void =>
    setWidths((w) => w.map((x, i) => (i === col ? Math.max(40, x + delta) : x)));

  const onResizeStart = (col: number, event: PointerEvent<HTMLSpanElement>): void => {
    event.preventDefault();
    event.stopPropagation();
    const startX = event.clientX;
    const start = widths[col] ?? 100;
    const move = (e: globalThis.PointerEvent): void =>
      setWidths((w) => w.map((x, i) => (i === col ? Math.max(40, start + e.clientX - startX) : x)));
    const up = (): void => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const toggleSort = (columnId: string): void =>
    setSort((s) =>
      s?.columnId !== columnId ? { columnId, dir: 'asc' } : s.dir === 'asc' ? { columnId, dir: 'desc' } : null,
    );

  const win = virtualWindow(scrollTop, viewport, ROW_HEIGHT, view.length);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const cellId = (row: number, col: number): string => `${gridId}-r${row}-c${col}`;
  const activeIssue = activeRow ? issueMap.get(issueId(activeRow.key, activeColumn?.id ?? null)) : undefined;
  const template = widths.map((w) => `${w}px`).join(' ');
  const messageId = `${gridId}-message`;

  return (
    <div className="data-grid">
      <div
        ref={scroller}
        className="grid-scroll"
        role="grid"
        aria-label={label}
        aria-rowcount={view.length + 2}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        aria-activedescendant={view.length > 0 && !editing ? cellId(active.row, active.col) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onCopy={onCopy}
        onPaste={onPaste}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div className="grid-head" style={{ width: totalWidth }}>
          <div className="grid-row" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
            {columns.map((column, c) => (
              <div
                key={column.id}
                role="columnheader"
                aria-colindex={c + 1}
                aria-sort={sort?.columnId === column.id ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                className="grid-header"
              >
                <button type="button" tabIndex={-1} onClick={() => toggleSort(column.id)} title="Sort by this column">
                  {column.header}
                  {sort?.columnId === column.id ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
                <span
                  className="grid-resize"
                  role="separator"
                  aria-orientation="vertical"
                  aria-label={`Resize ${column.header}`}
                  aria-valuenow={widths[c]}
                  aria-valuemin={40}
                  tabIndex={0}
                  onPointerDown={(e) => onResizeStart(c, e)}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
                      e.preventDefault();
                      e.stopPropagation();
                      resizeBy(c, e.key === 'ArrowLeft' ? -10 : 10);
                    }
                  }}
                />
              </div>
            ))}
          </div>
          <div className="grid-row grid-filters" role="row" aria-rowindex={2} style={{ gridTemplateColumns: template }}>
            {columns.map((column, c) => (
              <div key={column.id} role="columnheader" aria-colindex={c + 1}>
                <input
                  type="search"
                  aria-label={`Filter ${column.header}`}
                  placeholder={column.kind === 'number' ? '>10, <5…' : 'Filter'}
                  value={filters[column.id] ?? ''}
                  onKeyDown={(e) => e.stopPropagation()}
                  onChange={(e) => {
                    setFilters({ ...filters, [column.id]: e.target.value });
                    setRange({ anchor: { row: 0, col: active.col }, focus: { row: 0, col: active.col } });
                  }}
                />
              </div>
            ))}
          </div>
        </div>
        <div className="grid-body" role="rowgroup" style={{ height: win.total, width: totalWidth }}>
          {view.slice(win.first, win.last).map((row, i) => {
            const r = win.first + i;
            return (
              <div
                key={row.key}
                className={`grid-row${rowIssue.has(row.key) ? ' row-invalid' : ''}`}
                role="row"
                aria-rowindex={r + 3}
                data-key={row.key}
                style={{ top: r * ROW_HEIGHT, gridTemplateColumns: template }}
              >
                {columns.map((column, c) => {
                  const isActive = r === active.row && c === active.col;
                  const message = issueMap.get(issueId(row.key, column.id));
                  const selected = inRect(rect, r, c);
                  const classes = ['grid-cell'];
                  if (isActive) classes.push('active');
                  if (selected) classes.push('selected');
                  if (message) classes.push('invalid');
                  if (column.kind === 'number') classes.push('numeric');
                  if (column.field === null || column.keyPart) classes.push('readonly');
                  return (
                    <div
                      key={column.id}
                      id={cellId(r, c)}
                      role="gridcell"
                      aria-colindex={c + 1}
                      aria-selected={selected}
                      aria-readonly={column.field === null || column.keyPart ? true : undefined}
                      aria-invalid={message ? true : undefined}
                      data-column={column.id}
                      className={classes.join(' ')}
                      title={message ?? row.cells[column.id]}
                      onMouseDown={(e) => {
                        if (editing && isActive) return;
                        // A click elsewhere saves the edit first, and moves there only if it was saved.
                        if (editing) {
                          e.preventDefault();
                          void finishEdit({ row: r, col: c });
                          return;
                        }
                        goTo({ row: r, col: c }, e.shiftKey);
                      }}
                      onMouseEnter={(e) => {
                        if (e.buttons === 1 && !editing)
                          setRange((old) => ({ anchor: old.anchor, focus: { row: r, col: c } }));
                      }}
                      onDoubleClick={() => startEdit(null)}
                    >
                      {isActive && editing ? (
                        <input
                          ref={editor}
                          className="grid-editor"
                          aria-label={`${column.header} of ${row.key}`}
                          aria-invalid={message ? true : undefined}
                          // The refusal, in the live status line below, is this field's description.
                          aria-describedby={message ? messageId : undefined}
                          aria-busy={editing.busy || undefined}
                          autoFocus
                          // Read-only, not disabled, while saving: a disabled field loses the focus to the page.
                          readOnly={editing.busy}
                          value={editing.text}
                          onChange={(e) => setEditing({ text: e.target.value, busy: false })}
                          onKeyDown={onEditorKey}
                        />
                      ) : (
                        row.cells[column.id]
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      <p className={`grid-status${activeIssue ? ' has-issue' : ''}`} role="status" aria-live="polite">
        <span className="grid-position">
          {view.length === 0
            ? 'No rows'
            : `Row ${active.row + 1} of ${view.length}${view.length !== rows.length ? ` (${rows.length} in all)` : ''} · ${
                activeColumn?.header ?? ''
              }`}
        </span>
        <span id={messageId} className="grid-message">
          {activeIssue ? `Fix: ${activeIssue}` : status}
        </span>
      </p>
    </div>
  );
}
