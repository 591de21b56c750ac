import { page, paginationQuery, problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import { creationOrderPage, errors, idParams, positionAfter } from '../http-schemas.js';
import { staffReaders, staffWriters } from '../staff-access.js';
import { propertyToJson } from './mapping.js';
import { propertyBody, propertyPatch, propertySchema } from './schemas.js';
import type { PropertyService } from './service.js';

const tags = ['properties'];

/** /v1/properties: the organization's buildings and lots. */
export function propertyRoutes(properties: PropertyService): ServicePlugin {
  return async (app) => {
    app.post(
      '/',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Add a property',
          body: propertyBody,
          response: { 201: propertySchema, 422: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const row = await properties.create(request.principal, request.body);
        return reply.code(201).send(propertyToJson(row));
      },
    );
    app.get(
      '/',
      {
        config: staffReaders,
        schema: {
          tags,
          summary: 'Properties (not archived), oldest first',
          querystring: paginationQuery,
          response: { 200: page(propertySchema), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const after = positionAfter(cursor);
        return creationOrderPage(
          await properties.list(request.principal, limit, after),
          limit,
          propertyToJson,
        );
      },
    );
    app.get(
      '/:id',
      {
        config: staffReaders,
        schema: {
          tags,
          summary: 'One property',
          params: idParams,
          response: { 200: propertySchema, ...errors },
        },
      },
      async (request) => propertyToJson(await properties.get(request.principal, request.params.id)),
    );
    app.patch(
      '/:id',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Change a property',
          params: idParams,
          body: propertyPatch,
          response: { 200: propertySchema, 409: problemSchema, 422: problemSchema, ...errors },
        },
      },
      async (request) =>
        propertyToJson(await properties.update(request.principal, request.params.id, request.body)),
    );
    app.delete(
      '/:id',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Archive a property (it stays for leases and the ledger)',
          params: idParams,
          response: { 204: { type: 'null' }, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await properties.archive(request.principal, request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
