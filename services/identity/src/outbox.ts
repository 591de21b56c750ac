import { enqueueEvent, type SqlExecutor } from '@portfolioos/events';
import { catalogRegistry, type EventPayloads, type MembershipRole as EventRole } from '@portfolioos/schemas';

/**
 * The event types identity publishes (identity.*). It subscribes to nothing, so it has no events.ts.
 */
export const identityEvents = catalogRegistry();

type IdentityEventType = Extract<keyof EventPayloads, `portfolioos.identity.${string}`>;

/**
 * Writes an identity event to the outbox in the caller's transaction, keyed by its aggregate id. The
 * envelope's occurred-at header is the payload's occurred_at, so consumers see one instant, not two.
 */
export function publish<T extends IdentityEventType>(
  tx: SqlExecutor,
  type: T,
  key: string,
  payload: EventPayloads[T] & { organization_id: string; occurred_at: number },
): Promise<string> {
  return enqueueEvent(tx, identityEvents, {
    type,
    key,
    organizationId: payload.organization_id,
    occurredAt: new Date(payload.occurred_at),
    payload,
  });
}

/** The Avro spelling of a membership role. */
export const eventRole = (role: string): EventRole => role.toUpperCase() as EventRole;

/** Now, as an Avro timestamp-millis. */
export const nowMillis = (): number => Date.now();
