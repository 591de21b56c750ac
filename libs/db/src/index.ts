export {
  createDatabase,
  type CreateDatabaseOptions,
  type Database,
  type DatabaseHandle,
  type Transaction,
} from './create-database.js';
export { runMigrations } from './run-migrations.js';
export { withOrgTransaction, withTransaction } from './transactions.js';
export {
  currentOrgIdSql,
  forceRowLevelSecuritySql,
  orgIsolationPolicy,
  type OrgIsolationPolicyOptions,
} from './row-level-security.js';
export { findUnforcedPolicyTables } from './rls-audit.js';
export { sqlStateOf } from './sql-state.js';
export { afterPosition } from './creation-order.js';
