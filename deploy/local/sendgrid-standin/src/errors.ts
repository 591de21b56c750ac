/** SendGrid's error body: `{ errors: [{ message, field, help }] }` (field and help are null when not about one field). */
export interface SendGridError {
  message: string;
  field: string | null;
  help: string | null;
}

export interface SendGridErrorBody {
  errors: SendGridError[];
}

export const errorBody = (...errors: SendGridError[]): SendGridErrorBody => ({ errors });

// What SendGrid itself answers without a usable Authorization header.
export const authorizationRequired = errorBody({
  message: 'authorization required',
  field: null,
  help: null,
});
