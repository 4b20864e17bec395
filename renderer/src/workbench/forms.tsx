// The workbench's small forms: a source for changed facts, a new row, a policy's scope, and the
// confirmation before a delete. Each is a modal dialog over the grid; Escape cancels.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
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
                {!f.required && <option value="">—</option>}
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

/** Asks where changed numbers come from; "keep" leaves each fact's own source as it is. */
export function SourceForm(props: {
  count: number;
  initial: SourceValues;
  onDone(source: SourceValues | 'keep' | null): void;
}): ReactNode {
  const [values, setValues] = useState<SourceValues>(props.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <Dialog
      title={
        props.count === 1 ? 'Where does the new value come from?' : `Where do the ${props.count} new values come from?`
      }
      submitLabel="Save with this source"
      onCancel={() => props.onDone(null)}
      onSubmit={() => {
        const found = sourceErrors(values);
        setErrors(found);
        if (Object.keys(found).length === 0)
          props.onDone({ title: values.title.trim(), url: values.url.trim(), asOf: values.asOf.trim() });
      }}
      extra={
        <button type="button" onClick={() => props.onDone('keep')}>
          Keep each fact’s source
        </button>
      }
    >
      <p className="muted">A changed number needs its source: the title, URL and the date it is as of.</p>
      <Fields
        fields={[
          { id: 'title', label: 'Source title', required: true },
          { id: 'url', label: 'Source URL', required: true, placeholder: 'https://…' },
          { id: 'asOf', label: 'As of', kind: 'date', required: true },
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
