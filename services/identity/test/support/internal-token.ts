import { randomBytes } from 'node:crypto';

/** The internal token apps built by the harness accept; tests stand in for the mail service with it. */
export const TEST_INTERNAL_TOKEN = randomBytes(32).toString('base64');
