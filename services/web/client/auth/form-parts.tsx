import type { InputHTMLAttributes } from 'react';
import { m } from '../i18n.js';
import { ProblemResponse } from '../api/problem.js';

/** What to tell the person about a failed call: the API's own words, with when to retry after a 429. */
export function problemMessage(error: unknown): string {
  if (!(error instanceof ProblemResponse)) return m.networkFailed;
  const detail = error.problem?.detail ?? error.problem?.title ?? m.networkFailed;
  const retry = error.retryAfterSeconds;
  if (error.status === 429 && retry !== undefined)
    return m.tooManyAttempts(Math.max(1, Math.ceil(retry / 60)));
  if (Object.keys(error.fieldErrors).length > 0) return m.formHasErrors;
  return detail;
}

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  /** The API's message for this field, shown under it and announced with it. */
  error?: string | undefined;
  hint?: string;
}

/** A labelled input whose hint and error are tied to it (aria-describedby), invalid while it has an error. */
export function TextField({ name, label, error, hint, id: givenId, ...input }: TextFieldProps) {
  const id = givenId ?? `field-${name.replace(/\W/g, '-')}`;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        {...input}
      />
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The form's message (role=alert: read out as soon as it appears). */
export function FormAlert({ message }: { message: string | undefined }) {
  return (
    <p role="alert" className={message ? 'form-alert' : 'form-alert is-empty'}>
      {message}
    </p>
  );
}
