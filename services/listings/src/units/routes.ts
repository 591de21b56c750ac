import { Type } from '@sinclair/typebox';
import { page, paginationQuery, problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import { creationOrderPage, errors, idParams, positionAfter } from '../http-schemas.js';
import { staffReaders, staffWriters } from '../staff-access.js';
import { unitToJson } from './mapping.js';
import { bulkUnitsBody, unitBody, unitPatch, unitSchema } from './schemas.js';
import type { UnitService } from './service.js';

const tags = ['units'];
const writeErrors = { 409: problemSchema, 422: problemSchema, ...errors };

/** Units under /v1/properties/:id/units (create, bulk create, list). */
export function propertyUnitRoutes(units: UnitService): ServicePlugin {
  return async (app) => {
    app.post(
      '/:id/units',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Add a unit to a property',
          params: idParams,
          body: unitBody,
          response: { 201: unitSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const [row] = await units.create(request.principal, request.params.id, [request.body]);
        return reply.code(201).send(unitToJson(row!));
      },
    );
    app.post(
      '/:id/units/bulk',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Add up to 200 units to a property at once (all or none)',
          params: idParams,
          body: bulkUnitsBody,
          response: { 201: Type.Object({ items: Type.Array(unitSchema) }), ...writeErrors },
        },
      },
      async (request, reply) => {
        const rows = await units.create(request.principal, request.params.id, request.body.units);
        return reply.code(201).send({ items: rows.map(unitToJson) });
      },
    );
    app.get(
      '/:id/units',
      {
        config: staffReaders,
        schema: {
          tags,
          summary: 'Units of a property (not archived), in creation order',
          params: idParams,
          querystring: paginationQuery,
          response: { 200: page(unitSchema), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const after = positionAfter(cursor);
        return creationOrderPage(
          await units.list(request.principal, request.params.id, limit, after),
          limit,
          unitToJson,
        );
      },
    );
  };
}

/** /v1/units/:id */
export function unitRoutes(units: UnitService): ServicePlugin {
  return async (app) => {
    app.get(
      '/:id',
      {
        config: staffReaders,
        schema: { tags, summary: 'One unit', params: idParams, response: { 200: unitSchema, ...errors } },
      },
      async (request) => unitToJson(await units.get(request.principal, request.params.id)),
    );
    app.patch(
      '/:id',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Change a unit',
          params: idParams,
          body: unitPatch,
          response: { 200: unitSchema, ...writeErrors },
        },
      },
      async (request) => unitToJson(await units.update(request.principal, request.params.id, request.body)),
    );
    app.delete(
      '/:id',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Archive a unit',
          params: idParams,
          response: { 204: { type: 'null' }, 409: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        await units.archive(request.principal, request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
