export { buildStandin, type StandinOptions } from './app.js';
export { errorBody, type SendGridError, type SendGridErrorBody } from './errors.js';
export { toMailpitMessages, type MailSendBody, type MailpitMessage } from './mail.js';
export { loadMailSendValidator, type MailSendValidator } from './validation.js';
