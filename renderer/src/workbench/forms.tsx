// The workbench's small forms: a source and method for changed facts, a new row, a policy's scope, and the
// confirmation before a delete. Each is a modal dialog over the grid; Escape cancels.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { DERIVATION_NEEDED, FactMethod, FactReference } from '../../../shared/model/facts';
import type { Column } from './columns';

interface DialogProps {
  title: string;
  onCancel(): void;
  onSubmit(): void;
  children: ReactNode;
  submitLabel: string;
  busy?: boolean;
  extra?: ReactNode;
  className?: string;
}

export function Dialog(props: DialogProps): ReactNode {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  // A modal takes the focus (its first field does it itself; a confirmation focuses its button),
  // and gives it back to where it was when it closes.
  useEffect(() => {
    const before = document.activeElement;
    const el = form.current;
    if (el && !el.contains(document.activeElement)) el.querySelector<HTMLElement>('button[type=submit]')?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  return (
    <div className="wb-dialog-backdrop">
      <form
        ref={form}
        className={`wb-dialog ${props.className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-t`}
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          props.onSubmit();
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') props.onCancel();
        }}
      >
        <h3 id={`${id}-t`}>{props.title}</h3>
        {props.children}
        <div className="wb-dialog-buttons">
          {props.extra}
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={props.busy}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}

export interface FieldSpec {
  id: string;
  label: string;
  kind?: Column['kind'];
  options?: readonly string[];
  required?: boolean;
  placeholder?: string;
  hint?: string;
}

/** Labelled inputs with a message under each field that has one. */
export function Fields(props: {
  fields: readonly FieldSpec[];
  values: Record<string, string>;
  errors: Record<string, string>;
  onChange(id: string, value: string): void;
  onBlur?(id: string): void;
}): ReactNode {
  const base = useId();
  return (
    <div className="wb-fields">
      {props.fields.map((f, i) => {
        const id = `${base}-${f.id}`;
        const error = props.errors[f.id];
        const common = {
          id,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-e` : undefined,
          value: props.values[f.id] ?? '',
          autoFocus: i === 0,
          onBlur: () => props.onBlur?.(f.id),
        };
        return (
          <div key={f.id} className={`wb-field${error ? ' invalid' : ''}`}>
            <label htmlFor={id}>
              {f.label}
              {f.required ? ' *' : ''}
            </label>
            {f.options ? (
              <select {...common} onChange={(e) => props.onChange(f.id, e.target.value)}>
                {/* A required choice not made yet reads as one, not as the first option. */}
                {(!f.required || (props.values[f.id] ?? '') === '') && <option value="">—</option>}
                {f.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={f.kind === 'date' ? 'text' : 'text'}
                inputMode={f.kind === 'number' ? 'decimal' : undefined}
                placeholder={f.placeholder ?? (f.kind === 'date' ? 'YYYY-MM-DD' : undefined)}
                onChange={(e) => props.onChange(f.id, e.target.value)}
              />
            )}
            {error ? (
              <span id={`${id}-e`} className="field-error">
                {error}
              </span>
            ) : f.hint ? (
              <span className="muted">{f.hint}</span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

export interface SourceValues {
  title: string;
  url: string;
  asOf: string;
}

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

/** How a changed number was obtained, as typed in the dialog. */
export interface MethodValues {
  method: string;
  derivation: string;
  reference: string;
}

/** What the dialog gives for changed numbers: their source ("keep": each fact's own) and method. */
export interface FactOrigin {
  source: SourceValues | 'keep';
  method: FactMethod;
  derivation: string | null;
  reference: string | null;
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

/**
 * Asks where changed numbers come from and how they were obtained; "keep" leaves each fact's own
 * source as it is, but the method is always said with the new number.
 */
export function SourceForm(props: {
  count: number;
  initial: SourceValues & MethodValues;
  onDone(origin: FactOrigin | null): void;
}): ReactNode {
  const [values, setValues] = useState<SourceValues & MethodValues>(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const finish = (keepSource: boolean): void => {
    const found = { ...(keepSource ? {} : sourceErrors(values)), ...methodErrors(values) };
    setErrors(found);
    const method = FactMethod.safeParse(values.method);
    if (Object.keys(found).length > 0 || !method.success) return;
    props.onDone({
      source: keepSource ? 'keep' : { title: values.title.trim(), url: values.url.trim(), asOf: values.asOf.trim() },
      method: method.data,
      derivation: values.derivation.trim() || null,
      reference: values.reference.trim() || null,
    });
  };
  const needed = FactMethod.safeParse(values.method).data;
  return (
    <Dialog
      title={
        props.count === 1 ? 'Where does the new value come from?' : `Where do the ${props.count} new values come from?`
      }
      submitLabel="Save with this source"
      onCancel={() => props.onDone(null)}
      onSubmit={() => finish(false)}
      extra={
        <button type="button" onClick={() => finish(true)}>
          Keep each fact’s source
        </button>
      }
    >
      <p className="muted">
        A changed number needs its source (the title, URL and the date it is as of) and how it was obtained: official,
        measured, derived (with its formula) or an estimate (with its reasoning).
      </p>
      <Fields
        fields={[
          { id: 'title', label: 'Source title', required: true },
          { id: 'url', label: 'Source URL', required: true, placeholder: 'https://…' },
          { id: 'asOf', label: 'As of', kind: 'date', required: true },
          { id: 'method', label: 'Method', kind: 'enum', options: FactMethod.options, required: true },
          {
            id: 'derivation',
            label: 'Derivation',
            required: needed !== undefined && DERIVATION_NEEDED[needed] !== null,
            hint: needed !== undefined ? (DERIVATION_NEEDED[needed] ?? undefined) : undefined,
            placeholder: 'e.g. 45.40 sen/kWh × 0.2245 USD/MYR (Fed 2025 average) = 10.19 US¢/kWh',
          },
          { id: 'reference', label: 'Reference', placeholder: 'data/sources/…/figures.csv' },
        ]}
        values={values as unknown as Record<string, string>}
        errors={errors}
        onChange={(id, v) => {
          setValues({ ...values, [id]: v });
          setErrors({ ...errors, [id]: '' });
        }}
      />
    </Dialog>
  );
}

export function ConfirmDialog(props: {
  title: string;
  message: string;
  confirmLabel: string;
  error?: string | null;
  onDone(ok: boolean): void;
}): ReactNode {
  return (
    <Dialog
      title={props.title}
      submitLabel={props.confirmLabel}
      onCancel={() => props.onDone(false)}
      onSubmit={() => props.onDone(true)}
      className="confirm"
    >
      <p>{props.message}</p>
      {props.error ? (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      ) : null}
    </Dialog>
  );
}
