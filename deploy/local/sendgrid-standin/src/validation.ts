import { readFile } from 'node:fs/promises';
import ajvFormats from 'ajv-formats';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import type { ErrorObject } from 'ajv';
import type { SendGridError } from './errors.js';

const MAIL_SEND = 'POST_mail-send';
const HELP = 'http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html';

/** Checks a mail/send body against SendGrid's OpenAPI document; an empty list means valid. */
export interface MailSendValidator {
  validate(body: unknown): SendGridError[];
}

/**
 * Loads SendGrid's own document. It is OpenAPI 3.1 with 3.1-only schema keywords elsewhere (patternProperties),
 * which openapi-backend's 3.0 document check rejects, so the document check is skipped (quick mode) and only
 * request validation is used; the request body schemas are plain JSON Schema that Ajv checks as written.
 */
export async function loadMailSendValidator(specPath: string): Promise<MailSendValidator> {
  const definition = JSON.parse(await readFile(specPath, 'utf8')) as Document;
  const api = new OpenAPIBackend({
    definition,
    quick: true,
    ajvOpts: { allErrors: true, strict: false },
    // ajv-formats is CommonJS; its `default` is the plugin under both module systems.
    customizeAjv: (ajv) => ajvFormats.default(ajv, ['email', 'uri', 'date-time']),
  });
  await api.init();
  if (!api.getOperation(MAIL_SEND)) throw new Error(`${specPath} has no ${MAIL_SEND} operation`);
  return {
    validate(body) {
      const result = api.validateRequest(
        { method: 'post', path: '/mail/send', headers: { 'content-type': 'application/json' }, body },
        MAIL_SEND,
      );
      return result.valid ? [] : (result.errors ?? []).map(toSendGridError);
    },
  };
}

/** Ajv's `/requestBody/personalizations/0/to` → SendGrid's `personalizations.0.to`. */
function toSendGridError(error: ErrorObject): SendGridError {
  const segments = error.instancePath.split('/').slice(2);
  const missing =
    error.keyword === 'required' ? (error.params as { missingProperty: string }).missingProperty : '';
  if (missing) segments.push(missing);
  const field = segments.join('.') || null;
  return {
    message: field
      ? `${field}: ${error.message ?? 'is invalid'}`
      : (error.message ?? 'The request body is invalid.'),
    field,
    help: `${HELP}#message.${segments[0] ?? 'body'}`,
  };
}
