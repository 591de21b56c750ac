// npm run migrate -w @portfolioos/notifications: applies the committed migrations and exits.
import { createDatabase, runMigrations } from '@portfolioos/db';
import { readConfig } from '../config.js';
import { migrationsFolder } from './database.js';

const config = readConfig();
const database = createDatabase({ url: config.DATABASE_URL, applicationName: 'notifications-migrate' });
try {
  await runMigrations(database.db, migrationsFolder);
} finally {
  await database.close();
}
