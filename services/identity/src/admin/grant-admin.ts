// Operator CLI: `npm run admin:grant -w @portfolioos/identity -- --email someone@example.com [--revoke]`.
// Platform admin is granted here only (with shell access to identity's config), never self-service.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { createDatabase } from '@portfolioos/db';
import { normalizeEmail } from '../http-schemas.js';
import { readConfig } from '../config.js';
import { setPlatformAdmin } from './service.js';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    revoke: { type: 'boolean', default: false },
    operator: { type: 'string' },
  },
});
if (!values.email) {
  process.stderr.write('usage: admin:grant -- --email <email> [--revoke] [--operator <name>]\n');
  process.exit(2);
}
const email = normalizeEmail(values.email);
const config = readConfig();
const database = createDatabase({ url: config.DATABASE_URL, applicationName: 'identity-admin-cli' });
try {
  const done = await setPlatformAdmin(
    database.db,
    email,
    values.operator ?? userInfo().username,
    values.revoke,
  );
  if (!done) {
    process.stderr.write(`no account with email ${email}\n`);
    process.exitCode = 1;
  } else process.stdout.write(`${values.revoke ? 'revoked' : 'granted'} platform admin: ${email}\n`);
} finally {
  await database.close();
}
