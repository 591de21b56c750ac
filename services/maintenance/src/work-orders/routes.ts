import { Type, type TSchema } from '@sinclair/typebox';
import { Cursor } from '@portfolioos/contracts';
import { page, strictObject, type ServicePlugin } from '@portfolioos/service-kit';
import { workOrderReaders, workOrderWriters } from '../access.js';
import { creationOrderPage, errors, idParams, oneOf, positionAfter } from '../http-schemas.js';
import { seesAccess } from './access.js';
import { WORK_ORDER_STATUSES } from './lifecycle.js';
import { workOrderToJson } from './mapping.js';
import { completionBody, notesBody, scheduleBody, workOrderBody, workOrderSchema } from './schemas.js';
import type { WorkOrderService } from './service.js';
import type { WorkOrderUpdate, WorkOrderUpdates } from './updates.js';

const tags = ['work orders'];

const workOrderQuery = strictObject({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  cursor: Type.Optional(Cursor({ maxLength: 1024 })),
  status: Type.Optional(oneOf(WORK_ORDER_STATUSES)),
  request_id: Type.Optional(Type.String({ format: 'uuid' })),
});

const actions: { action: WorkOrderUpdate['action']; summary: string; body: TSchema }[] = [
  { action: 'accept', summary: 'Accept the job (the assigned vendor)', body: notesBody },
  { action: 'decline', summary: 'Decline the job (the assigned vendor)', body: notesBody },
  { action: 'schedule', summary: 'Set the visit window (the vendor or staff)', body: scheduleBody },
  { action: 'start', summary: 'Start the work (the assigned vendor)', body: notesBody },
  {
    action: 'complete',
    summary: 'Complete with hours, materials and the invoice (the vendor)',
    body: completionBody,
  },
  { action: 'cancel', summary: 'Cancel (staff)', body: notesBody },
];

/** /v1/work-orders: staff open and assign them; the assigned vendor moves them along. */
export function workOrderRoutes(workOrders: WorkOrderService, updates: WorkOrderUpdates): ServicePlugin {
  return async (app) => {
    app.post(
      '/',
      {
        config: workOrderWriters,
        schema: {
          tags,
          summary: 'Open a work order for a vendor (staff)',
          body: workOrderBody,
          response: { 201: workOrderSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(workOrderToJson(await workOrders.create(request.principal, request.body), true)),
    );
    app.get(
      '/',
      {
        config: workOrderReaders,
        schema: {
          tags,
          summary: 'Work orders, oldest first (a vendor sees the ones assigned to it)',
          querystring: workOrderQuery,
          response: { 200: page(workOrderSchema), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor, status, request_id } = request.query;
        const filter = { status, requestId: request_id };
        const { rows, actor } = await workOrders.list(
          request.principal,
          filter,
          limit,
          positionAfter(cursor),
        );
        return creationOrderPage(rows, limit, (row) => workOrderToJson(row, seesAccess(actor, row)));
      },
    );
    app.get(
      '/:id',
      {
        config: workOrderReaders,
        schema: {
          tags,
          summary: 'One work order',
          params: idParams,
          response: { 200: workOrderSchema, ...errors },
        },
      },
      async (request) => {
        const { row, actor } = await workOrders.get(request.principal, request.params.id);
        return workOrderToJson(row, seesAccess(actor, row));
      },
    );
    for (const { action, summary, body } of actions)
      app.post(
        `/:id/${action}`,
        {
          config: workOrderWriters,
          schema: { tags, summary, params: idParams, body, response: { 200: workOrderSchema, ...errors } },
        },
        async (request) => {
          const update = { action, body: request.body } as WorkOrderUpdate;
          const { row, actor } = await updates.apply(request.principal, request.params.id, update);
          return workOrderToJson(row, seesAccess(actor, row));
        },
      );
    app.post(
      '/:id/approve-cost',
      {
        config: workOrderWriters,
        schema: {
          tags,
          summary: 'Approve a completion over its not-to-exceed (staff); the cost goes to the books',
          params: idParams,
          response: { 200: workOrderSchema, ...errors },
        },
      },
      async (request) =>
        workOrderToJson((await updates.approveCost(request.principal, request.params.id)).row, true),
    );
  };
}
