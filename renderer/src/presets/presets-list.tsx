// The presets manager's list: built-in presets (read-only: use or duplicate) and the planner's own
// (use, rename and describe inline, duplicate, delete). Every refusal is shown on its row.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Preset } from '../../../shared/model/presets';
import { useApp, useServices } from '../context';
import { refreshPresets, toProblem, type Problem } from './presets-actions';
import { ProblemNote } from './presets-problem';
import { METHOD_TEXT, NORMALISATION_TEXT } from '../weights/ScoringChoices';

interface ListProps {
  /** Says what happened in the panel's status line. */
  announce(message: string): void;
  /** A user preset was deleted: the panel offers Undo with the token. */
  onDeleted(preset: Preset, undoToken: string, wasActive: boolean): void;
}

export function PresetsList({ announce, onDeleted }: ListProps): ReactNode {
  const presets = useApp((s) => s.choices.presets);
  const [editing, setEditing] = useState<string | null>(null);
  const builtins = presets.filter((p) => p.builtin);
  const own = presets.filter((p) => !p.builtin);
  const row = (p: Preset): ReactNode => (
    <PresetRow
      key={p.id}
      preset={p}
      editing={editing === p.id}
      onEdit={(on) => setEditing(on ? p.id : null)}
      onDuplicated={(copy) => {
        announce(`Duplicated as “${copy.name}”: rename it or change its weights.`);
        // Duplicating is how a preset gets edited: its name is ready to change at once.
        setEditing(copy.id);
      }}
      announce={announce}
      onDeleted={onDeleted}
    />
  );
  return (
    <div className="presets-list">
      <h3 id="presets-own-heading">Your presets</h3>
      {own.length === 0 ? (
        <p className="presets-empty muted">
          No presets of your own yet. Save the current weights as a preset from the Weights drawer, or duplicate a
          built-in.
        </p>
      ) : (
        <ul aria-labelledby="presets-own-heading">{own.map(row)}</ul>
      )}
      <h3 id="presets-builtin-heading">Built-in</h3>
      <ul aria-labelledby="presets-builtin-heading">{builtins.map(row)}</ul>
    </div>
  );
}

interface RowProps {
  preset: Preset;
  editing: boolean;
  onEdit(on: boolean): void;
  onDuplicated(copy: Preset): void;
  announce(message: string): void;
  onDeleted(preset: Preset, undoToken: string, wasActive: boolean): void;
}

function PresetRow({ preset, editing, onEdit, onDuplicated, announce, onDeleted }: RowProps): ReactNode {
  const { client, store } = useServices();
  const active = useApp((s) => s.scenario.presetId === preset.id);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const quoted = `“${preset.name}”`;

  const act = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(toProblem(e));
      // The list may be out of date (a preset deleted elsewhere): fetch it again.
      await refreshPresets(client, store).catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };
  const use = (): Promise<void> =>
    act(async () => {
      await store.getState().reloadPresets(client, preset.id);
      announce(`Using ${quoted} in the workspace.`);
    });
  const duplicate = (): Promise<void> =>
    act(async () => {
      const copy = await client.call('presets.duplicate', { id: preset.id });
      await refreshPresets(client, store);
      onDuplicated(copy);
    });
  const remove = (): Promise<void> =>
    act(async () => {
      const { deleted, undoToken } = await client.call('presets.delete', { id: preset.id });
      await refreshPresets(client, store);
      onDeleted(deleted, undoToken, active);
    });

  const weighed = Object.values(preset.weights).filter((w) => w > 0).length;
  const constraints = preset.constraints.length;
  return (
    <li className={active ? 'preset-row active' : 'preset-row'} aria-labelledby={headingId}>
      {editing ? (
        <EditPresetForm
          preset={preset}
          onDone={(message) => {
            onEdit(false);
            if (message) announce(message);
            // Back to the button that opened the form (the next render puts it back).
            setTimeout(() => editButton.current?.focus(), 0);
          }}
        />
      ) : (
        <>
          <div className="preset-row-head">
            <span className="preset-name" id={headingId}>
              {preset.name}
            </span>
            {preset.builtin && <span className="preset-badge">Built-in</span>}
            {active && <span className="preset-badge active">In use</span>}
          </div>
          {preset.description !== '' && <p className="preset-description">{preset.description}</p>}
          <p className="preset-meta">
            {METHOD_TEXT[preset.method].label} · {NORMALISATION_TEXT[preset.normalisation].label} normalisation ·{' '}
            {weighed} criteria weighed · {constraints === 0 ? 'no' : constraints} constraint
            {constraints === 1 ? '' : 's'}
          </p>
          <div className="preset-row-actions">
            <button
              type="button"
              disabled={busy || active}
              onClick={() => void use()}
              aria-label={active ? `In use: ${quoted}` : `Use ${quoted}`}
            >
              {active ? 'In use' : 'Use'}
            </button>
            <button type="button" disabled={busy} onClick={() => void duplicate()} aria-label={`Duplicate ${quoted}`}>
              Duplicate
            </button>
            {!preset.builtin && (
              <>
                <button
                  ref={editButton}
                  type="button"
                  disabled={busy}
                  onClick={() => onEdit(true)}
                  aria-label={`Rename ${quoted}`}
                >
                  Rename…
                </button>
                <button
                  type="button"
                  className="danger"
                  disabled={busy}
                  onClick={() => void remove()}
                  aria-label={`Delete ${quoted}`}
                >
                  Delete
                </button>
              </>
            )}
          </div>
        </>
      )}
      {problem !== null && <ProblemNote problem={problem} />}
    </li>
  );
}

/** Name and description of a user preset, edited in its row: Enter saves, Escape cancels. */
function EditPresetForm({ preset, onDone }: { preset: Preset; onDone(message: string | null): void }): ReactNode {
  const { client, store } = useServices();
  const presets = useApp((s) => s.choices.presets);
  const id = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(preset.name);
  const [description, setDescription] = useState(preset.description);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    nameInput.current?.focus();
    nameInput.current?.select();
  }, []);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setProblem({ message: 'Give the preset a name.', issues: [], hint: 'Names are 1–80 characters.' });
      return;
    }
    const clash = presets.find((p) => p.id !== preset.id && p.name.trim().toLowerCase() === trimmed.toLowerCase());
    if (clash) {
      setProblem({
        message: `There is already a preset called “${clash.name}”.`,
        issues: [],
        hint: 'Choose another name.',
      });
      return;
    }
    const change = {
      ...(trimmed !== preset.name ? { name: trimmed } : {}),
      ...(description.trim() !== preset.description ? { description: description.trim() } : {}),
    };
    if (Object.keys(change).length === 0) {
      onDone(null);
      return;
    }
    setBusy(true);
    try {
      const saved = await client.call('presets.update', { id: preset.id, ...change });
      await refreshPresets(client, store);
      onDone(saved.name !== preset.name ? `Renamed to “${saved.name}”.` : `Saved the description of “${saved.name}”.`);
    } catch (err) {
      setProblem(toProblem(err));
      setBusy(false);
    }
  };

  return (
    <form
      className="preset-edit"
      aria-label={`Rename “${preset.name}”`}
      noValidate
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Cancels this edit only; the panel stays open.
          e.stopPropagation();
          onDone(null);
        }
      }}
    >
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        ref={nameInput}
        id={`${id}-name`}
        type="text"
        value={name}
        maxLength={80}
        aria-invalid={problem !== null}
        onChange={(e) => {
          setName(e.target.value);
          setProblem(null);
        }}
      />
      <label htmlFor={`${id}-description`}>Description</label>
      <textarea
        id={`${id}-description`}
        rows={2}
        maxLength={2000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      {problem !== null && <ProblemNote problem={problem} />}
      <div className="preset-row-actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
