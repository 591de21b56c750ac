import { type TSchema } from '@sinclair/typebox';
import { page, paginationQuery, type ServicePlugin } from '@portfolioos/service-kit';
import { leaseReaders, staffReaders, staffWriters } from '../access.js';
import { creationOrderPage, errors, idParams, positionAfter } from '../http-schemas.js';
import { leaseToJson } from './mapping.js';
import {
  cancelBody,
  leaseBody,
  leaseQuery,
  leaseSchema,
  noticeBody,
  renewBody,
  sendBody,
  terminateBody,
} from './schemas.js';
import type { LeaseService, TransitionInput } from './service.js';

const tags = ['leases'];
const leasePage = page(leaseSchema);

/** The lifecycle actions: path, what they do, their body (if any). */
const actions: {
  path: string;
  action: TransitionInput['action'];
  summary: string;
  body?: TSchema;
  /** Every field of the body is optional: a request without one means `{}` (send was body-less before). */
  bodyOptional?: true;
}[] = [
  {
    path: 'send',
    action: 'send',
    summary: 'Send a draft out for signature (a DocuSign envelope, or on paper)',
    body: sendBody,
    bodyOptional: true,
  },
  { path: 'sign', action: 'sign', summary: 'Record that every party signed' },
  { path: 'start', action: 'start', summary: 'Start a signed lease (from its start date)' },
  { path: 'notice', action: 'give_notice', summary: 'Record notice to end the lease', body: noticeBody },
  { path: 'end', action: 'end', summary: 'End a lease after its last day' },
  { path: 'terminate', action: 'terminate', summary: 'Terminate early', body: terminateBody },
  { path: 'cancel', action: 'cancel', summary: 'Cancel before signing', body: cancelBody },
  { path: 'renew', action: 'renew', summary: 'Renew: a new draft lease linked to this one', body: renewBody },
];

/** /v1/leases: drafting, the lifecycle and occupancy reads. */
export function leaseRoutes(leases: LeaseService): ServicePlugin {
  return async (app) => {
    app.post(
      '/',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Draft a lease',
          body: leaseBody,
          response: { 201: leaseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(leaseToJson(await leases.draft(request.principal, request.body))),
    );
    app.get(
      '/',
      {
        config: leaseReaders,
        schema: {
          tags,
          summary: 'Leases, oldest first; active_on / active_at give the occupancy of a unit',
          querystring: leaseQuery,
          response: { 200: leasePage, ...errors },
        },
      },
      async (request) => {
        const { limit, cursor, unit_id, status, active_on, active_at } = request.query;
        const filter = {
          unitId: unit_id,
          status,
          activeOn: active_on,
          activeAt: active_at === undefined ? undefined : new Date(active_at),
        };
        const rows = await leases.list(request.principal, filter, limit, positionAfter(cursor));
        return creationOrderPage(rows, limit, leaseToJson);
      },
    );
    app.get(
      '/:id',
      {
        config: leaseReaders,
        schema: { tags, summary: 'One lease', params: idParams, response: { 200: leaseSchema, ...errors } },
      },
      async (request) => leaseToJson(await leases.get(request.principal, request.params.id)),
    );
    for (const { path, action, summary, body, bodyOptional } of actions)
      app.post(
        `/:id/${path}`,
        {
          config: staffWriters,
          ...(bodyOptional
            ? {
                preValidation: async (request: { body: unknown }) => {
                  request.body ??= {};
                },
              }
            : {}),
          schema: {
            tags,
            summary,
            params: idParams,
            ...(body ? { body } : {}),
            response: { 200: leaseSchema, 201: leaseSchema, ...errors },
          },
        },
        async (request, reply) => {
          const input = { action, body: request.body } as TransitionInput;
          const lease = await leases.transition(request.principal, request.params.id, input);
          return reply.code(action === 'renew' ? 201 : 200).send(leaseToJson(lease));
        },
      );
  };
}

/** /v1/tenants/{id}/leases: the leases a tenant is on (staff). */
export function tenantLeaseRoutes(leases: LeaseService): ServicePlugin {
  return async (app) => {
    app.get(
      '/:id/leases',
      {
        config: staffReaders,
        schema: {
          tags,
          summary: "A tenant's leases, oldest first",
          params: idParams,
          querystring: paginationQuery,
          response: { 200: leasePage, ...errors },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const rows = await leases.listOfTenant(
          request.principal,
          request.params.id,
          limit,
          positionAfter(cursor),
        );
        return creationOrderPage(rows, limit, leaseToJson);
      },
    );
  };
}
