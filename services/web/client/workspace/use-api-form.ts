import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { problemMessage } from '../auth/form-parts.js';
import { apiProblem, ProblemResponse } from '../api/problem.js';

/** What openapi-fetch answers: the data on success, the raw response either way. */
interface ApiAnswer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * A form that writes through the API: `send` turns its fields into a call; on a problem+json answer the
 * form gets the API's message and each field's error by its dotted path (`address.city`); on success the
 * queries under `invalidates` are refetched and `onSaved` runs.
 */
export function useApiForm<T>(
  send: (form: FormData) => Promise<ApiAnswer<T>>,
  invalidates: QueryKey[],
  onSaved: (saved: T) => void,
) {
  const queryClient = useQueryClient();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: async (form: FormData) => {
      const { data, error, response } = await send(form);
      if (data === undefined) throw apiProblem(response, error);
      return data;
    },
    onSuccess: async (saved) => {
      setFieldErrors({});
      await Promise.all(invalidates.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      onSaved(saved);
    },
    onError: (error) => setFieldErrors(error instanceof ProblemResponse ? error.fieldErrors : {}),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(new FormData(event.currentTarget));
  };
  return {
    onSubmit,
    busy: mutation.isPending,
    message: mutation.error ? problemMessage(mutation.error) : undefined,
    fieldErrors,
  };
}

/** A form field as text, or a number (NaN when empty, so the API names the field). */
export const field = {
  text: (form: FormData, name: string) => String(form.get(name) ?? '').trim(),
  number: (form: FormData, name: string) => {
    const value = String(form.get(name) ?? '').trim();
    return value === '' ? Number.NaN : Number(value);
  },
};
