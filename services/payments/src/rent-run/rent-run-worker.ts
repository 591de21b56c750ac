import { withOrgTransaction, withTransaction } from '@portfolioos/db';
import type { EventsLogger } from '@portfolioos/events';
import type { BackgroundWorker } from '@portfolioos/service-kit';
import type { PaymentsDb } from '../db/database.js';
import { billedOrganizations } from '../db/schema.js';
import { runRent } from './rent-run.js';

/** One automatic pass: every billed organization's rent due by its leases' local date now. */
export async function runRentForAll(db: PaymentsDb, now: Date): Promise<number> {
  const orgs = await withTransaction(db, (tx) => tx.select().from(billedOrganizations));
  let posted = 0;
  for (const { orgId } of orgs)
    posted += (await withOrgTransaction(db, orgId, (tx) => runRent(tx, orgId, { now }))).charges_posted;
  return posted;
}

/**
 * The automatic rent run. It runs every `intervalMs` (hourly by default), not once a day, because a
 * lease's due date begins at midnight in its property's zone and zones reach midnight at different hours.
 * Every replica runs it: the per-lease lock and the skip of posted periods make a second pass add nothing.
 */
export function rentRunWorker(
  db: PaymentsDb,
  options: { intervalMs: number; logger?: EventsLogger },
): BackgroundWorker {
  let timer: NodeJS.Timeout | undefined;
  const pass = () =>
    runRentForAll(db, new Date()).then(
      (posted) => posted > 0 && options.logger?.info({ posted }, 'rent run posted charges'),
      (error: unknown) => options.logger?.error({ err: error }, 'rent run failed; retried next pass'),
    );
  return {
    name: 'rent run',
    start: async () => {
      void pass();
      timer = setInterval(() => void pass(), options.intervalMs);
      timer.unref();
    },
    stop: async () => clearInterval(timer),
  };
}
