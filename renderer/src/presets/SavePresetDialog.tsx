// "Save as preset…" and "Update preset": the scenario on screen (method, weights, constraints,
// normalisation) becomes a user preset, or replaces the active user preset's. Built-in presets are
// never overwritten. After saving, the presets are fetched again and the saved one is selected with
// no overrides left.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { HardConstraint, Preset } from '../../../shared/model/presets';
import { useApp, useServices } from '../context';
import { NO_OVERRIDES, type Method, type Normalisation, type ScenarioEdit } from '../store';

export interface ScenarioToSave {
  method: Method;
  /** Criterion id → weight, only those above 0 (they sum to 1). */
  weights: Record<string, number>;
  constraints: HardConstraint[];
  normalisation: Normalisation;
}

interface Props {
  preset: Preset;
  scenario: ScenarioToSave;
}

export function PresetActions({ preset, scenario }: Props): ReactNode {
  const { client, store } = useServices();
  const changed = useApp((s) =>
    (Object.keys(NO_OVERRIDES) as (keyof ScenarioEdit)[]).some((k) => s.scenario[k] !== null),
  );
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const update = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await client.call('presets.update', { id: preset.id, ...scenario });
      await store.getState().reloadPresets(client, saved.id);
      setMessage(`Updated "${saved.name}".`);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="preset-actions">
      {open ? (
        <SavePresetForm
          basedOn={preset}
          scenario={scenario}
          onSaved={(name) => {
            setOpen(false);
            setMessage(`Saved "${name}" and selected it.`);
          }}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <div className="preset-buttons">
          <button type="button" onClick={() => setOpen(true)}>
            Save as preset…
          </button>
          {!preset.builtin && (
            <button type="button" disabled={!changed || busy} onClick={() => void update()}>
              Update “{preset.name}”
            </button>
          )}
        </div>
      )}
      {message !== null && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

interface FormProps {
  basedOn: Preset;
  scenario: ScenarioToSave;
  onSaved(name: string): void;
  onCancel(): void;
}

/** Name and description of the new preset; the name must be new (case-blind). */
function SavePresetForm({ basedOn, scenario, onSaved, onCancel }: FormProps): ReactNode {
  const { client, store } = useServices();
  const id = useId();
  const presets = useApp((s) => s.choices.presets);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError('Give the preset a name.');
      return;
    }
    if (presets.some((p) => p.name.trim().toLowerCase() === trimmed.toLowerCase())) {
      setError(`There is already a preset called "${trimmed}".`);
      return;
    }
    setBusy(true);
    try {
      const saved = await client.call('presets.create', {
        name: trimmed,
        ...(description.trim() ? { description: description.trim() } : {}),
        ...scenario,
        basedOn: basedOn.id,
      });
      await store.getState().reloadPresets(client, saved.id);
      onSaved(saved.name);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <form
      className="save-preset"
      role="dialog"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      noValidate
    >
      <h3 id={`${id}-title`}>Save as a new preset</h3>
      <p className="muted">
        Based on {basedOn.name}: this method, these weights, constraints and normalisation. {basedOn.name} itself is not
        changed.
      </p>
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        type="text"
        value={name}
        maxLength={80}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${id}-error` : undefined}
        // The dialog opened to take a name: focus goes there.
        autoFocus
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
      />
      <label htmlFor={`${id}-description`}>Description (optional)</label>
      <textarea
        id={`${id}-description`}
        rows={2}
        maxLength={500}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      {error !== null && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="bound-buttons">
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
