// Where a changed number comes from. A new value may not silently keep the old value's source (that
// is how Singapore's power was saved at 5 US¢ under the report that gives 19.19), so the planner
// chooses: a new source (title, URL, date, and how the number was obtained), or their own estimate
// with a note. Keeping each fact's source is offered only when no value changed (a range edit). The
// backend holds the same rule (shared/model/fact-source-decision.ts); this form says it first.
import { useId, useState, type ReactNode } from 'react';
import { DERIVATION_NEEDED, FactMethod, FactReference } from '../../../shared/model/facts';
import { sameSource } from '../../../shared/model/fact-source-decision';
import { Dialog, Fields } from './forms';

export interface SourceValues {
  title: string;
  url: string;
  asOf: string;
}

/** How a changed number was obtained, as typed in the dialog. */
export interface MethodValues {
  method: string;
  derivation: string;
  reference: string;
}

/** How a number was obtained, as stored. */
export interface HowObtained {
  method: FactMethod;
  derivation: string | null;
  reference: string | null;
}

/** The planner's decision for the changed numbers. */
export type FactOrigin =
  | { kind: 'source'; source: SourceValues; how: HowObtained }
  | { kind: 'estimate'; note: string }
  | { kind: 'keep'; how: HowObtained };

type Choice = FactOrigin['kind'];

/** Checks a source the way the store will, so the form says what to fix before anything is sent. */
export function sourceErrors(s: SourceValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!s.title.trim()) errors.title = 'Give the source’s title (the report or page the number comes from).';
  try {
    const u = new URL(s.url.trim());
    if (!/^https?:$/.test(u.protocol)) errors.url = 'The URL must start with http:// or https://.';
  } catch {
    errors.url = 'Give the source’s full URL, e.g. https://example.org/report.';
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.asOf.trim()) || Number.isNaN(Date.parse(s.asOf.trim())))
    errors.asOf = 'Give the date the source is as of, as YYYY-MM-DD.';
  return errors;
}

/** Checks a method the way the store will (a derived value or an estimate needs its derivation). */
export function methodErrors(m: MethodValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const method = FactMethod.safeParse(m.method);
  if (!method.success) errors.method = `Say how the value was obtained: ${FactMethod.options.join(', ')}.`;
  const needed = method.success ? DERIVATION_NEEDED[method.data] : null;
  if (needed !== null && !m.derivation.trim()) errors.derivation = `Required for ${m.method}: give ${needed}.`;
  const reference = FactReference.safeParse(m.reference.trim());
  if (m.reference.trim() && !reference.success) errors.reference = reference.error.issues[0]?.message ?? 'Not a path.';
  return errors;
}

const howOf = (v: MethodValues, method: FactMethod): HowObtained => ({
  method,
  derivation: v.derivation.trim() || null,
  reference: v.reference.trim() || null,
});

const SUBMIT: Record<Choice, string> = {
  source: 'Save with this source',
  estimate: 'Save as my estimate',
  keep: 'Save, keeping each source',
};

type Values = SourceValues & MethodValues & { note: string };

export function SourceForm(props: {
  count: number;
  /** A value (not only a range) changes: keeping the old source is then no choice. */
  valueChanged: boolean;
  /** The first changed fact's source now: shown, and a "new" source equal to it is refused. */
  current: SourceValues | null;
  /** The first fact's method now, the starting point when only a range changes and the source stays. */
  currentHow: MethodValues;
  onDone(origin: FactOrigin | null): void;
}): ReactNode {
  const id = useId();
  const choices: Choice[] = props.valueChanged ? ['source', 'estimate'] : ['source', 'estimate', 'keep'];
  const [choice, setChoice] = useState<Choice>('source');
  // A new source starts blank: the old one's title and URL would be the very trap this form closes.
  const [values, setValues] = useState<Values>({
    title: '',
    url: '',
    asOf: '',
    method: '',
    derivation: '',
    reference: '',
    note: '',
  });
  const [keepHow, setKeepHow] = useState<MethodValues>(props.currentHow);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const finish = (): void => {
    const found: Record<string, string> = {};
    if (choice === 'estimate') {
      if (!values.note.trim()) found.note = 'Say why this number: the reasoning and the inputs behind your estimate.';
    } else if (choice === 'source') {
      Object.assign(found, sourceErrors(values), methodErrors(values));
      if (props.count === 1 && !found.title && sameSource(values, props.current))
        found.title =
          'This is the source of the old value, which does not give the new one: give the new value’s source, or choose your own estimate.';
    } else Object.assign(found, methodErrors(keepHow));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (choice === 'estimate') return props.onDone({ kind: 'estimate', note: values.note.trim() });
    const how = choice === 'source' ? values : keepHow;
    const method = FactMethod.parse(how.method);
    if (choice === 'keep') return props.onDone({ kind: 'keep', how: howOf(how, method) });
    props.onDone({
      kind: 'source',
      source: { title: values.title.trim(), url: values.url.trim(), asOf: values.asOf.trim() },
      how: howOf(how, method),
    });
  };

  const methodFields = (m: MethodValues): Parameters<typeof Fields>[0]['fields'] => {
    const needed = FactMethod.safeParse(m.method).data;
    return [
      { id: 'method', label: 'Method', kind: 'enum', options: FactMethod.options, required: true },
      {
        id: 'derivation',
        label: 'Derivation',
        required: needed !== undefined && DERIVATION_NEEDED[needed] !== null,
        hint: needed !== undefined ? (DERIVATION_NEEDED[needed] ?? undefined) : undefined,
        placeholder: 'e.g. 45.40 sen/kWh × 0.2245 USD/MYR (Fed 2025 average) = 10.19 US¢/kWh',
      },
      { id: 'reference', label: 'Reference', placeholder: 'data/sources/…/figures.csv' },
    ];
  };
  const change = (id: string, v: string): void => {
    if (choice === 'keep') setKeepHow({ ...keepHow, [id]: v });
    else setValues({ ...values, [id]: v });
    setErrors({ ...errors, [id]: '' });
  };
  const current = props.current;
  return (
    <Dialog
      title={
        props.count === 1 ? 'Where does the new value come from?' : `Where do the ${props.count} new values come from?`
      }
      submitLabel={SUBMIT[choice]}
      onCancel={() => props.onDone(null)}
      onSubmit={finish}
      className="source-form"
    >
      {current !== null && (
        <p className="muted" id={`${id}-now`}>
          {props.count === 1 ? 'Its source now' : 'The first one’s source now'}: <cite>{current.title}</cite>, as of{' '}
          {current.asOf}. {props.valueChanged ? 'It gives the old value, not the new one.' : ''}
        </p>
      )}
      <fieldset className="wb-choice" aria-describedby={current !== null ? `${id}-now` : undefined}>
        <legend>{props.count === 1 ? 'The new value is' : 'The new values are'}</legend>
        {choices.map((c, i) => (
          <label key={c}>
            <input
              type="radio"
              name={`${id}-choice`}
              value={c}
              checked={choice === c}
              autoFocus={i === 0}
              onChange={() => {
                setChoice(c);
                setErrors({});
              }}
            />{' '}
            {c === 'source'
              ? 'From a new source'
              : c === 'estimate'
                ? 'My own estimate (planner’s estimate)'
                : 'Unchanged: only the range changed, keep each fact’s source'}
          </label>
        ))}
      </fieldset>
      {choice === 'source' && (
        <Fields
          autoFocus={false}
          fields={[
            { id: 'title', label: 'Source title', required: true },
            { id: 'url', label: 'Source URL', required: true, placeholder: 'https://…' },
            { id: 'asOf', label: 'As of', kind: 'date', required: true },
            ...methodFields(values),
          ]}
          values={values as unknown as Record<string, string>}
          errors={errors}
          onChange={change}
        />
      )}
      {choice === 'estimate' && (
        <>
          <p className="muted">
            Stored as method “estimate” with your note as its derivation, marked as not given by the source
            {current !== null ? ` (the fact keeps “${current.title}” as the source it departs from)` : ''}.
          </p>
          <Fields
            autoFocus={false}
            fields={[
              {
                id: 'note',
                label: 'Why this number',
                required: true,
                placeholder: 'e.g. negotiated PPA offer from the operator, March 2026',
              },
            ]}
            values={values as unknown as Record<string, string>}
            errors={errors}
            onChange={change}
          />
        </>
      )}
      {choice === 'keep' && (
        <Fields
          autoFocus={false}
          fields={methodFields(keepHow)}
          values={keepHow as unknown as Record<string, string>}
          errors={errors}
          onChange={change}
        />
      )}
    </Dialog>
  );
}
