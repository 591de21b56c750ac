import { conflict, type Principal } from '@portfolioos/service-kit';
import { inActorOrg } from '../access.js';
import type { MaintenanceDb } from '../db/database.js';
import { publish } from '../outbox.js';
import { statusAfter, withinReopenWindow, type RequestAction } from './lifecycle.js';
import { closedEvent, statusChangedEvent } from './mapping.js';
import { updateRequest, type NewRequest, type RequestRow } from './repository.js';
import type { CloseBody } from './schemas.js';
import { visibleRequest, writerOf } from './service.js';
import type { RequestStatus } from './vocabulary.js';

/** Moves requests along their lifecycle (lifecycle.ts); each move is an event in the same transaction. */
export class RequestTransitions {
  constructor(
    private readonly db: MaintenanceDb,
    private readonly now: () => Date,
    private readonly reopenWindowDays: number,
  ) {}

  apply(
    principal: Principal | null,
    id: string,
    action: RequestAction,
    body: CloseBody,
  ): Promise<RequestRow> {
    const actor = writerOf(principal);
    return inActorOrg(this.db, actor, async (tx, orgId) => {
      const request = await visibleRequest(tx, actor, id, { lock: true });
      const from = request.status as RequestStatus;
      const to = statusAfter(from, action, actor.kind === 'tenant' ? 'tenant' : 'staff');
      const now = this.now();
      if (action === 'reopen' && !withinReopenWindow(request.completedAt, now, this.reopenWindowDays))
        throw conflict(
          `A request can be reopened up to ${this.reopenWindowDays} days after it was completed.`,
          'reopen-window-passed',
        );
      const changes: Partial<NewRequest> = { status: to, statusNote: body.note ?? null };
      if (to === 'completed') changes.completedAt = now;
      if (to === 'closed') changes.closedAt = now;
      if (action === 'reopen') Object.assign(changes, { completedAt: null, closedAt: null });
      const row = await updateRequest(tx, orgId, id, changes);
      const changedBy = actor.userId;
      await publish(
        tx,
        'portfolioos.maintenance.MaintenanceRequestStatusChanged',
        row.id,
        statusChangedEvent(row, from, changedBy),
      );
      if (to === 'closed')
        await publish(
          tx,
          'portfolioos.maintenance.MaintenanceRequestClosed',
          row.id,
          closedEvent(row, body.resolution ?? 'resolved', changedBy),
        );
      return row;
    });
  }
}
