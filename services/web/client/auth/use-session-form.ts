import { useState, type FormEvent } from 'react';
import { ProblemResponse } from '../api/problem.js';
import { postSession, type AccessGrant } from '../session/access-token.js';
import { useSession } from '../session/session-provider.js';
import { problemMessage } from './form-parts.js';

/**
 * A sign-in form (login, sign-up, accept-invitation): posts the body `toBody` makes of its fields to
 * /session/`path`, takes the grant, then `onDone`; keeps the API's message and field errors for the form.
 */
export function useSessionForm(
  path: 'login' | 'signup' | 'accept-invitation',
  toBody: (form: FormData) => unknown,
  onDone: () => void,
) {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      const response = await postSession(path, toBody(new FormData(event.currentTarget)));
      await session.signedIn((await response.json()) as AccessGrant);
      onDone();
    } catch (error) {
      setFieldErrors(error instanceof ProblemResponse ? error.fieldErrors : {});
      setMessage(problemMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, message, fieldErrors, onSubmit };
}
