// The workbench's small forms' parts: the modal dialog (Escape cancels), labelled fields with their
// messages, and the confirmation before a delete or a discard. The forms themselves are in
// source-form.tsx (where a changed number comes from) and row-forms.tsx (a new row, a policy's scope).
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { Column } from './columns';

interface DialogProps {
  title: string;
  onCancel(): void;
  onSubmit(): void;
  children: ReactNode;
  submitLabel: string;
  /** The label of the button that cancels (default "Cancel"). */
  cancelLabel?: string;
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
            {props.cancelLabel ?? 'Cancel'}
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
  /** The first field takes the focus (default); false when something before it has it. */
  autoFocus?: boolean;
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
          autoFocus: i === 0 && props.autoFocus !== false,
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

export function ConfirmDialog(props: {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
  error?: string | null;
  onDone(ok: boolean): void;
}): ReactNode {
  return (
    <Dialog
      title={props.title}
      submitLabel={props.confirmLabel}
      cancelLabel={props.cancelLabel}
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
