// The form for one hypothetical policy event: every field checked by scenarios.validateEvents as it
// is typed (the same rules as a real event), the errors under the field they are about, and nothing
// written until the whole event is valid.
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { EditChange, EditIssue } from '../../../../shared/calls/edit-calls';
import { useServices } from '../../context';
import { PolicyRegime, REGIMES } from '../../../../shared/model/policy';
import { CHIP_CLASSES, EFFECTS, draftFieldOf, eventValues, type EventDraft, type Tristate } from './event-draft';

const CHECK_DELAY_MS = 250;

export function EventForm({
  scenarioId,
  initial,
  editingId,
  onDone,
}: {
  scenarioId: string;
  initial: EventDraft;
  /** The stored event's id when editing one; null for a new event. */
  editingId: string | null;
  onDone: (saved: boolean) => void;
}): ReactNode {
  const { client } = useServices();
  const [draft, setDraft] = useState(initial);
  const [issues, setIssues] = useState<EditIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const [checked, setChecked] = useState(false);
  const formId = useId();
  const change = (): EditChange => {
    const values = eventValues(draft);
    if (editingId === null) return { op: 'insert', values };
    const { id: _id, ...rest } = values;
    return { op: 'update', key: editingId, values: rest };
  };
  // Check as the planner types (debounced); the answer for an older draft is dropped.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void client
        .call('scenarios.validateEvents', { scenarioId, changes: [change()] })
        .then((v) => live && (setIssues(v.issues), setChecked(true)))
        .catch((e: unknown) => live && setIssues([anIssue(e)]));
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- change() reads only draft
  }, [client, scenarioId, draft]);

  const save = async (): Promise<void> => {
    setSaving(true);
    try {
      await client.call('scenarios.applyEvents', { scenarioId, changes: [change()], label: `What-if: ${draft.title}` });
      onDone(true);
    } catch (e) {
      setIssues(issuesOf(e));
    } finally {
      setSaving(false);
    }
  };
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const i of issues) {
    const f = draftFieldOf(i.field);
    if (f === null) general.push(i.message);
    else byField.set(f, [...(byField.get(f) ?? []), i.message]);
  }
  const set = <K extends keyof EventDraft>(k: K, v: EventDraft[K]): void => setDraft((d) => ({ ...d, [k]: v }));
  const errorOf = (k: keyof EventDraft): ReactNode => {
    const m = byField.get(k);
    return m ? (
      <span className="field-error" id={`${formId}-${k}-err`} role="alert">
        {m.join('; ')}
      </span>
    ) : null;
  };
  const text = (k: keyof EventDraft, label: string, props: { type?: string; placeholder?: string } = {}): ReactNode => (
    <label className="field">
      <span>{label}</span>
      <input
        type={props.type ?? 'text'}
        value={String(draft[k])}
        placeholder={props.placeholder}
        aria-invalid={byField.has(k)}
        aria-describedby={byField.has(k) ? `${formId}-${k}-err` : undefined}
        onChange={(e) => set(k, e.target.value as never)}
      />
      {errorOf(k)}
    </label>
  );
  const tristate = (k: 'stateFunded' | 'entityListed', label: string): ReactNode => (
    <label className="field">
      <span>{label}</span>
      <select value={draft[k]} onChange={(e) => set(k, e.target.value as Tristate)}>
        <option value="any">any</option>
        <option value="yes">yes</option>
        <option value="no">no</option>
      </select>
    </label>
  );
  return (
    <form
      className="event-form"
      aria-label={editingId ? `Edit event ${editingId}` : 'New hypothetical event'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="event-grid">
        {text('title', 'Title')}
        {editingId === null && text('id', 'Id (from the title if empty)')}
        {text('issuer', 'Issuer (country or subdivision)', { placeholder: 'US' })}
        <label className="field">
          <span>Effect</span>
          <select value={draft.effect} onChange={(e) => set('effect', e.target.value as EventDraft['effect'])}>
            {EFFECTS.map((x) => (
              <option key={x} value={x}>
                {x.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Regime</span>
          <select value={draft.regime} onChange={(e) => set('regime', e.target.value as EventDraft['regime'])}>
            {PolicyRegime.options.map((r) => (
              <option key={r} value={r}>
                {REGIMES[r].name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Confidence</span>
          <select
            value={draft.confidence}
            onChange={(e) => set('confidence', e.target.value as EventDraft['confidence'])}
          >
            <option value="rule">rule text</option>
            <option value="announced">announced</option>
            <option value="reported">press report</option>
          </select>
        </label>
        {text('effectiveDate', 'Effective date', { type: 'date' })}
        {text('endDate', 'End date (empty: open-ended)', { type: 'date' })}
        {text('chips', 'Chips (ids, comma-separated; empty: any)')}
        <fieldset className="field chip-classes">
          <legend>Chip classes (none ticked: any)</legend>
          {CHIP_CLASSES.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={draft.chipClasses.includes(c)}
                onChange={(e) =>
                  set(
                    'chipClasses',
                    e.target.checked ? [...draft.chipClasses, c] : draft.chipClasses.filter((x) => x !== c),
                  )
                }
              />
              {c.replaceAll('_', ' ')}
            </label>
          ))}
          {errorOf('chipClasses')}
        </fieldset>
        {text('destinations', 'Destinations (MY, CN, MY-01…; empty: anywhere)')}
        {text('companyHq', 'Company HQ countries (empty: any)')}
        {text('companies', 'Named companies (empty: any)')}
        {tristate('stateFunded', 'State-funded')}
        {tristate('entityListed', 'Entity-listed')}
        <label className="field">
          <span>Hardware</span>
          <select
            value={draft.deployment}
            onChange={(e) => set('deployment', e.target.value as EventDraft['deployment'])}
          >
            <option value="any">owned or rented</option>
            <option value="owned">owned</option>
            <option value="rented">rented</option>
          </select>
        </label>
        {text('condition', 'Condition')}
        {text('sourceTitle', 'Source title')}
        {text('sourceUrl', 'Source URL', { type: 'url' })}
        {text('note', 'Note')}
      </div>
      {general.length > 0 && (
        <ul className="field-error" role="alert">
          {general.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="submit" disabled={saving || !checked || issues.length > 0}>
          {editingId ? 'Save event' : 'Add event'}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function anIssue(e: unknown): EditIssue {
  return { index: 0, key: null, field: null, path: '', message: e instanceof Error ? e.message : String(e) };
}

/** A refusal's issues in the grid's shape (the field read back from the path "changes.0.values.x"). */
export function issuesOf(e: unknown): EditIssue[] {
  const issues = (e as { issues?: { path: string; message: string }[] }).issues ?? [];
  if (issues.length === 0) return [anIssue(e)];
  return issues.map((i) => ({
    index: 0,
    key: null,
    field: /^changes\.\d+\.values\.(.+)$/.exec(i.path)?.[1] ?? null,
    path: i.path,
    message: i.message,
  }));
}
