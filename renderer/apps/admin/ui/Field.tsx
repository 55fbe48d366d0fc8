// A labelled form field with its hint and the error that belongs to it (ours or the hub's), wired for
// screen readers: the input is described by the error, and marked invalid while it shows.
import {
  cloneElement,
  isValidElement,
  useEffect,
  useId,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';

export function Field(props: {
  label: string;
  error?: string;
  hint?: string;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
  wide?: boolean;
  extra?: ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  // Once the person changes the field, its error goes: it described the old value, not this one.
  const [editedError, setEditedError] = useState<string>();
  useEffect(() => {
    if (!props.error) setEditedError(undefined);
  }, [props.error]);
  const error = props.error !== editedError ? props.error : undefined;
  const described = [error ? errorId : null, props.hint ? hintId : null].filter(Boolean).join(' ');
  const input = isValidElement(props.children)
    ? cloneElement(props.children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': described || undefined,
      })
    : props.children;
  return (
    <div
      className={props.wide ? 'field field-wide' : 'field'}
      onChange={() => {
        if (props.error) setEditedError(props.error);
      }}
    >
      <label htmlFor={id}>{props.label}</label>
      {input}
      {props.extra}
      {props.hint && !error ? (
        <span id={hintId} className="field-hint">
          {props.hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A refusal that belongs to no single field, at the top of the form. */
export function FormAlert(props: { message?: string; tone?: 'danger' | 'warn' | 'info' }) {
  if (!props.message) return null;
  return (
    <div className={`alert alert-${props.tone ?? 'danger'}`} role="alert">
      {props.message}
    </div>
  );
}

/** A yes/no with what it means underneath ("Active": "off hides it from the menu"). */
export function CheckField(props: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  wide?: boolean;
}) {
  return (
    <label className={props.wide ? 'check field-wide' : 'check'}>
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span>
        <strong>{props.label}</strong>
        <small className="muted">{props.hint}</small>
      </span>
    </label>
  );
}

/** A number typed as text (the form checks it), with the keypad a tablet should show for it. */
export function NumberField(props: {
  label: string;
  error?: string;
  hint?: string;
  decimal?: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      <input
        className="input"
        inputMode={props.decimal ? 'decimal' : 'numeric'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Field>
  );
}
