import { negotiateLocale } from '../src/shared/format.js';
import { messagesFor } from '../src/shared/i18n/messages.js';

/** The visitor's locale (first of the browser's languages Intl supports) and its strings. */
export const locale = negotiateLocale(navigator.languages);
export const { m, plurals } = messagesFor(locale);
