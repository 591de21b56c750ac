import { Type, type Static } from '@sinclair/typebox';
import { forbidden, strictObject, type Principal, type ServicePlugin } from '@portfolioos/service-kit';
import { actorOf, inActorOrg, staffReaders, staffWriters } from '../access.js';
import type { MaintenanceDb } from '../db/database.js';
import { slaPolicies } from '../db/schema.js';
import { errors } from '../http-schemas.js';
import { slaHoursOf, type SlaHours } from './policy.js';

const hours = Type.Integer({ minimum: 1, maximum: 24 * 365 });
const slaPolicySchema = strictObject({ emergency_hours: hours, urgent_hours: hours, routine_hours: hours });
type SlaPolicyBody = Static<typeof slaPolicySchema>;

const toJson = (h: SlaHours) => ({
  emergency_hours: h.emergency,
  urgent_hours: h.urgent,
  routine_hours: h.routine,
});

/** The organization's SLA hours by priority; a request's deadline is fixed from them when it is filed. */
export class SlaPolicyService {
  constructor(private readonly db: MaintenanceDb) {}

  get(principal: Principal | null): Promise<SlaHours> {
    return inActorOrg(this.db, actorOf(principal), (tx, orgId) => slaHoursOf(tx, orgId));
  }

  async set(principal: Principal | null, body: SlaPolicyBody): Promise<SlaHours> {
    const actor = actorOf(principal);
    if (actor.kind !== 'staff' || !actor.canWrite) throw forbidden();
    const row = {
      emergencyHours: body.emergency_hours,
      urgentHours: body.urgent_hours,
      routineHours: body.routine_hours,
    };
    await inActorOrg(this.db, actor, (tx, orgId) =>
      tx
        .insert(slaPolicies)
        .values({ orgId, ...row })
        .onConflictDoUpdate({ target: slaPolicies.orgId, set: { ...row, updatedAt: new Date() } }),
    );
    return { emergency: body.emergency_hours, urgent: body.urgent_hours, routine: body.routine_hours };
  }
}

/** /v1/maintenance-requests/sla-policy (static, so it never reads as a request id). */
export function slaPolicyRoutes(policies: SlaPolicyService): ServicePlugin {
  return async (app) => {
    const tags = ['maintenance requests'];
    app.get(
      '/sla-policy',
      {
        config: staffReaders,
        schema: {
          tags,
          summary: 'SLA hours by priority (defaults 24 h / 72 h / 7 days)',
          response: { 200: slaPolicySchema, ...errors },
        },
      },
      async (request) => toJson(await policies.get(request.principal)),
    );
    app.put(
      '/sla-policy',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Set SLA hours by priority (for requests filed from now on)',
          body: slaPolicySchema,
          response: { 200: slaPolicySchema, ...errors },
        },
      },
      async (request) => toJson(await policies.set(request.principal, request.body)),
    );
  };
}
