import { paginationQuery, page, type ServicePlugin } from '@portfolioos/service-kit';
import { staffReaders, staffWriters } from '../access.js';
import { creationOrderPage, errors, idParams, positionAfter } from '../http-schemas.js';
import { tenantToJson } from './mapping.js';
import { tenantBody, tenantPatch, tenantSchema } from './schemas.js';
import type { TenantService } from './service.js';

const tags = ['tenants'];

/** /v1/tenants: the people of an organization who rent or live in its units (staff only). */
export function tenantRoutes(tenants: TenantService): ServicePlugin {
  return async (app) => {
    app.post(
      '/',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Add a tenant',
          body: tenantBody,
          response: { 201: tenantSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(tenantToJson(await tenants.create(request.principal, request.body))),
    );
    app.get(
      '/',
      {
        config: staffReaders,
        schema: {
          tags,
          summary: 'Tenants, oldest first',
          querystring: paginationQuery,
          response: { 200: page(tenantSchema), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const rows = await tenants.list(request.principal, limit, positionAfter(cursor));
        return creationOrderPage(rows, limit, tenantToJson);
      },
    );
    app.get(
      '/:id',
      {
        config: staffReaders,
        schema: { tags, summary: 'One tenant', params: idParams, response: { 200: tenantSchema, ...errors } },
      },
      async (request) => tenantToJson(await tenants.get(request.principal, request.params.id)),
    );
    app.patch(
      '/:id',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: "Change a tenant's details",
          params: idParams,
          body: tenantPatch,
          response: { 200: tenantSchema, ...errors },
        },
      },
      async (request) =>
        tenantToJson(await tenants.update(request.principal, request.params.id, request.body)),
    );
  };
}
