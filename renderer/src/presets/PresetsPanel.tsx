// The presets manager over the map: the presets (built-in read-only, the planner's own editable),
// delete with undo, two presets compared side by side, and presets files in and out. Escape closes
// it and focus goes back to whatever opened it.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Preset } from '../../../shared/model/presets';
import { useApp, useServices } from '../context';
import { refreshPresets, toProblem, type Problem } from './presets-actions';
import { PresetsCompare } from './presets-compare';
import { PresetsList } from './presets-list';
import { ProblemNote } from './presets-problem';
import { PresetsTransfer } from './presets-transfer';
import './presets-panel.css';

type View = 'list' | 'compare' | 'transfer';
const VIEWS: { view: View; label: string }[] = [
  { view: 'list', label: 'Presets' },
  { view: 'compare', label: 'Compare' },
  { view: 'transfer', label: 'Import / export' },
];

interface Deleted {
  preset: Preset;
  undoToken: string;
  wasActive: boolean;
}

export function PresetsPanel({ onClose }: { onClose: () => void }): ReactNode {
  const { client, store } = useServices();
  const [view, setView] = useState<View>('list');
  const activeName = useApp((s) => s.choices.presets.find((p) => p.id === s.scenario.presetId)?.name);
  const [status, setStatus] = useState('');
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const [undoProblem, setUndoProblem] = useState<Problem | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  // What had focus when the panel opened (its button, or the page for the shortcut) gets it back.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    heading.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [opener]);
  // The Delete button went with its row: focus moves to Undo, so the keyboard can take it back at once.
  useEffect(() => {
    if (deleted !== null) undoButton.current?.focus();
  }, [deleted]);

  const undo = async (): Promise<void> => {
    if (deleted === null) return;
    setUndoProblem(null);
    try {
      const restored = await client.call('presets.undoDelete', { undoToken: deleted.undoToken });
      // It was in use when deleted: it comes back in use.
      if (deleted.wasActive) await store.getState().reloadPresets(client, restored.id);
      else await refreshPresets(client, store);
      setDeleted(null);
      setStatus(`Restored “${restored.name}”.`);
      heading.current?.focus();
    } catch (e) {
      setUndoProblem(toProblem(e, 'A preset with that id exists again: rename or delete it, then undo.'));
    }
  };

  return (
    <section
      className="presets-panel overlay-panel"
      aria-labelledby="presets-panel-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header>
        <h2 id="presets-panel-title" ref={heading} tabIndex={-1}>
          Weight presets
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <div className="presets-views" role="group" aria-label="Show">
        {VIEWS.map((v) => (
          <button key={v.view} type="button" aria-pressed={view === v.view} onClick={() => setView(v.view)}>
            {v.label}
          </button>
        ))}
      </div>
      {deleted !== null && (
        <div className="presets-undo" role="status">
          <span>
            Deleted “{deleted.preset.name}”
            {deleted.wasActive && activeName !== undefined ? `; the workspace now uses “${activeName}”` : ''}.
          </span>
          <button ref={undoButton} type="button" onClick={() => void undo()}>
            Undo
          </button>
          <button type="button" aria-label="Dismiss" onClick={() => setDeleted(null)}>
            ×
          </button>
          {undoProblem !== null && <ProblemNote problem={undoProblem} />}
        </div>
      )}
      <p className="presets-status" role="status">
        {status}
      </p>
      {view === 'list' && (
        <PresetsList
          announce={setStatus}
          onDeleted={(preset, undoToken, wasActive) => {
            setUndoProblem(null);
            setStatus('');
            setDeleted({ preset, undoToken, wasActive });
          }}
        />
      )}
      {view === 'compare' && <PresetsCompare initial={null} />}
      {view === 'transfer' && <PresetsTransfer announce={setStatus} />}
    </section>
  );
}
