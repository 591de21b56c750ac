import { forbidden, notFound, type Principal } from '@portfolioos/service-kit';
import { actorOf, inActorOrg, type Actor } from '../access.js';
import type { MaintenanceDb, MaintenanceTx } from '../db/database.js';
import type { CursorPosition } from '../http-schemas.js';
import { publish } from '../outbox.js';
import { slaDueAt, slaHoursOf } from '../sla/policy.js';
import { checkAvailability, locateRequest } from './filing.js';
import { submittedEvent } from './mapping.js';
import {
  findRequest,
  insertRequest,
  listRequests,
  type RequestFilter,
  type RequestRow,
} from './repository.js';
import type { RequestBody } from './schemas.js';

/** Staff who may change requests (owners, managers, write-scoped partners) and tenants; not viewers. */
export function writerOf(principal: Principal | null): Actor {
  const actor = actorOf(principal);
  if (actor.kind === 'vendor' || (actor.kind === 'staff' && !actor.canWrite)) throw forbidden();
  return actor;
}

/**
 * The request `id` as `actor` may see it: staff see the organization's, a tenant only the ones it filed;
 * anything else is not found (404), never "forbidden", so ids reveal nothing.
 */
export async function visibleRequest(
  tx: MaintenanceTx,
  actor: Actor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RequestRow> {
  const row = await findRequest(tx, actor.orgId, id, options);
  if (!row || (actor.kind !== 'staff' && row.submittedByUserId !== actor.userId)) throw notFound();
  return row;
}

/** Filing and reading maintenance requests; every change goes out as an event in the same transaction. */
export class RequestService {
  constructor(
    private readonly db: MaintenanceDb,
    private readonly now: () => Date,
  ) {}

  file(principal: Principal | null, body: RequestBody): Promise<RequestRow> {
    const actor = writerOf(principal);
    if (!actor.userId) throw forbidden('A request is filed by a person.');
    const submittedBy = actor.userId;
    checkAvailability(body.availability);
    return inActorOrg(this.db, actor, async (tx, orgId) => {
      const now = this.now();
      const location = await locateRequest(tx, actor, body, now);
      const hours = await slaHoursOf(tx, orgId);
      const row = await insertRequest(tx, {
        orgId,
        ...location,
        submittedByUserId: submittedBy,
        submittedAs: actor.kind === 'tenant' ? 'tenant' : 'staff',
        category: body.category,
        priority: body.priority,
        title: body.title,
        description: body.description,
        permissionToEnter: body.permission_to_enter,
        availability: body.availability ?? [],
        slaDueAt: slaDueAt(hours, body.priority, now),
      });
      await publish(tx, 'portfolioos.maintenance.MaintenanceRequestSubmitted', row.id, submittedEvent(row));
      return row;
    });
  }

  get(principal: Principal | null, id: string): Promise<RequestRow> {
    const actor = actorOf(principal);
    return inActorOrg(this.db, actor, (tx) => visibleRequest(tx, actor, id));
  }

  list(
    principal: Principal | null,
    filter: RequestFilter,
    limit: number,
    after?: CursorPosition,
  ): Promise<RequestRow[]> {
    const actor = actorOf(principal);
    const narrowed = actor.kind === 'staff' ? filter : { ...filter, submittedBy: actor.userId };
    return inActorOrg(this.db, actor, (tx, orgId) => listRequests(tx, orgId, narrowed, limit, after));
  }
}
