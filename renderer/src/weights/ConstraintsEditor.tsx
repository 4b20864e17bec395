// The hard constraints in force (the preset's, or the planner's replacement list) in words, with
// add, edit and remove for minimum/maximum bounds and the chip statuses a chips_legal rule accepts.
// Every change is one scenario edit (undoable) and re-ranks; bad values are refused at the field.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { HardConstraint } from '../../../shared/model/presets';
import {
  ACCEPTABLE_STATUSES,
  checkBound,
  checkValue,
  describeConstraint,
  STATUS_WORDS,
  type AcceptableStatus,
} from './constraint-rules';
import { useApp, useServices } from '../context';

type Bound = Extract<HardConstraint, { kind: 'min' | 'max' }>;

export function ConstraintsEditor(): ReactNode {
  const { client, store } = useServices();
  const criteria = useApp((s) => s.choices.criteria);
  const preset = useApp((s) => s.choices.presets.find((p) => p.id === s.scenario.presetId));
  const override = useApp((s) => s.scenario.constraints);
  // Which row is open in the form: an index into the list, 'new', or none.
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const active = override ?? preset?.constraints ?? [];
  const sorted = [...criteria].sort((a, b) => a.sortOrder - b.sortOrder);

  const commit = (next: HardConstraint[]): void => {
    setEditing(null);
    void store.getState().setScenario(client, { constraints: next });
  };
  const replace = (index: number, c: HardConstraint): HardConstraint[] => active.map((x, i) => (i === index ? c : x));
  const chipRule = active.findIndex((c) => c.kind === 'chips_legal');

  return (
    <section className="constraints" aria-labelledby="constraints-title">
      <div className="weights-subhead">
        <h3 id="constraints-title">Hard constraints</h3>
        {override === null ? (
          <span className="muted">as in the preset</span>
        ) : (
          <>
            <span className="muted">changed</span>
            <button
              type="button"
              className="link-button"
              onClick={() => void store.getState().setScenario(client, { constraints: null })}
            >
              Use the preset&apos;s
            </button>
          </>
        )}
      </div>
      {active.length === 0 && <p className="muted">None: no site is excluded outright.</p>}
      <ul className="constraint-list">
        {active.map((c, index) => {
          const text = describeConstraint(c, criteria);
          if (c.kind === 'chips_legal') {
            return (
              <li key={`chips-${index}`} className="constraint">
                <div className="constraint-line">
                  <span className="constraint-text">{text}</span>
                  <button
                    type="button"
                    aria-label={`Remove: ${text}`}
                    onClick={() => commit(active.filter((_, i) => i !== index))}
                  >
                    Remove
                  </button>
                </div>
                <fieldset className="chip-statuses">
                  <legend>Accept chips that are</legend>
                  {ACCEPTABLE_STATUSES.map((status) => (
                    <label key={status}>
                      <input
                        type="checkbox"
                        // A legal chip is always acceptable; the rule only decides how far to go.
                        disabled={status === 'allowed'}
                        checked={c.allow.includes(status)}
                        onChange={(e) => {
                          const allow = ACCEPTABLE_STATUSES.filter((s): s is AcceptableStatus =>
                            s === status ? e.target.checked : c.allow.includes(s),
                          );
                          commit(replace(index, { kind: 'chips_legal', allow }));
                        }}
                      />
                      {STATUS_WORDS[status]}
                    </label>
                  ))}
                </fieldset>
              </li>
            );
          }
          if (editing === index) {
            return (
              <li key={`${c.kind}-${c.criterionId}`} className="constraint">
                <BoundForm
                  initial={c}
                  others={active.filter((_, i) => i !== index)}
                  criteria={sorted}
                  submitLabel="Save"
                  onSubmit={(b) => commit(replace(index, b))}
                  onCancel={() => setEditing(null)}
                />
              </li>
            );
          }
          return (
            <li key={`${c.kind}-${c.criterionId}`} className="constraint">
              <div className="constraint-line">
                <span className="constraint-text">{text}</span>
                <button type="button" aria-label={`Edit: ${text}`} onClick={() => setEditing(index)}>
                  Edit
                </button>
                <button
                  type="button"
                  aria-label={`Remove: ${text}`}
                  onClick={() => commit(active.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {editing === 'new' ? (
        <BoundForm
          initial={null}
          others={active}
          criteria={sorted}
          submitLabel="Add"
          onSubmit={(b) => commit([...active, b])}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div className="constraint-actions">
          <button type="button" onClick={() => setEditing('new')}>
            Add a limit…
          </button>
          {chipRule < 0 && (
            <button
              type="button"
              onClick={() => commit([{ kind: 'chips_legal', allow: ['allowed', 'conditional'] }, ...active])}
            >
              Require legal chips
            </button>
          )}
        </div>
      )}
    </section>
  );
}

interface BoundFormProps {
  initial: Bound | null;
  /** The other constraints, to refuse a duplicate or a contradiction. */
  others: readonly HardConstraint[];
  criteria: readonly { id: string; name: string; unit: string }[];
  submitLabel: string;
  onSubmit(bound: Bound): void;
  onCancel(): void;
}

/** Criterion, bound and value of one limit; refuses a value that cannot be used, with the reason. */
function BoundForm({ initial, others, criteria, submitLabel, onSubmit, onCancel }: BoundFormProps): ReactNode {
  const id = useId();
  const [criterionId, setCriterionId] = useState(initial?.criterionId ?? criteria[0]?.id ?? '');
  const [kind, setKind] = useState<Bound['kind']>(initial?.kind ?? 'max');
  const [text, setText] = useState(initial === null ? '' : String(initial.value));
  const [error, setError] = useState<string | null>(null);
  const criterion = criteria.find((c) => c.id === criterionId);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!criterion) return;
    const checked = checkValue(text, criterion);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    const bound: Bound = { kind, criterionId, value: checked.value };
    const clash = checkBound(bound, others, criteria);
    if (clash !== null) {
      setError(clash);
      return;
    }
    onSubmit(bound);
  };

  return (
    <form
      className="bound-form"
      aria-label={initial === null ? 'New limit' : 'Edit limit'}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      noValidate
    >
      <label htmlFor={`${id}-criterion`}>Criterion</label>
      <select
        id={`${id}-criterion`}
        value={criterionId}
        onChange={(e) => {
          setCriterionId(e.target.value);
          setError(null);
        }}
      >
        {criteria.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-kind`}>Bound</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Bound['kind'])}>
        <option value="min">at least (≥)</option>
        <option value="max">at most (≤)</option>
      </select>
      <label htmlFor={`${id}-value`}>Value</label>
      <span className="bound-value">
        <input
          id={`${id}-value`}
          type="text"
          inputMode="decimal"
          value={text}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? `${id}-error` : undefined}
          // Focus lands here when the form opens: the value is what the planner came to type.
          autoFocus
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
        />
        <span className="muted">{criterion?.unit}</span>
      </span>
      {error !== null && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="bound-buttons">
        <button type="submit">{submitLabel}</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
