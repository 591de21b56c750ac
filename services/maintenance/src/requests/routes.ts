import { page, type ServicePlugin } from '@portfolioos/service-kit';
import { requestReaders, requestWriters } from '../access.js';
import { creationOrderPage, errors, idParams, positionAfter } from '../http-schemas.js';
import type { RequestAction } from './lifecycle.js';
import { requestToJson } from './mapping.js';
import { closeBody, requestBody, requestQuery, requestSchema, transitionBody } from './schemas.js';
import type { RequestService } from './service.js';
import type { RequestTransitions } from './transitions.js';

const tags = ['maintenance requests'];

const actions: { action: RequestAction; summary: string }[] = [
  { action: 'triage', summary: 'Triage a submitted request (staff)' },
  { action: 'schedule', summary: 'Mark a triaged request scheduled (staff)' },
  { action: 'start', summary: 'Mark the work started (staff)' },
  { action: 'complete', summary: 'Mark the work completed (staff)' },
  { action: 'close', summary: 'Close a request, with its resolution (staff)' },
  { action: 'cancel', summary: 'Cancel a request (staff; the tenant before it is scheduled)' },
  { action: 'reopen', summary: 'Reopen a completed or closed request within the reopen window' },
];

/** /v1/maintenance-requests: filing, reading and the lifecycle. */
export function requestRoutes(requests: RequestService, transitions: RequestTransitions): ServicePlugin {
  return async (app) => {
    app.post(
      '/',
      {
        config: requestWriters,
        schema: {
          tags,
          summary: 'File a request (a tenant for the unit it leases; staff for any unit or common area)',
          body: requestBody,
          response: { 201: requestSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(requestToJson(await requests.file(request.principal, request.body))),
    );
    app.get(
      '/',
      {
        config: requestReaders,
        schema: {
          tags,
          summary: 'Requests, oldest first (a tenant sees the ones it filed)',
          querystring: requestQuery,
          response: { 200: page(requestSchema), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor, status, priority, unit_id } = request.query;
        const filter = { status, priority, unitId: unit_id };
        const rows = await requests.list(request.principal, filter, limit, positionAfter(cursor));
        return creationOrderPage(rows, limit, requestToJson);
      },
    );
    app.get(
      '/:id',
      {
        config: requestReaders,
        schema: {
          tags,
          summary: 'One request',
          params: idParams,
          response: { 200: requestSchema, ...errors },
        },
      },
      async (request) => requestToJson(await requests.get(request.principal, request.params.id)),
    );
    for (const { action, summary } of actions)
      app.post(
        `/:id/${action}`,
        {
          config: requestWriters,
          schema: {
            tags,
            summary,
            params: idParams,
            body: action === 'close' ? closeBody : transitionBody,
            response: { 200: requestSchema, ...errors },
          },
        },
        async (request) =>
          requestToJson(await transitions.apply(request.principal, request.params.id, action, request.body)),
      );
  };
}
