import { page, paginationQuery, type ServicePlugin } from '@portfolioos/service-kit';
import { staffReaders, staffWriters } from '../access.js';
import { creationOrderPage, errors, idParams, positionAfter } from '../http-schemas.js';
import { vendorToJson } from './mapping.js';
import { vendorBody, vendorPatch, vendorSchema } from './schemas.js';
import type { VendorService } from './service.js';

const tags = ['vendors'];

/** /v1/vendors: the organization's vendors directory; /v1/vendors/me for a vendor portal user. */
export function vendorRoutes(vendors: VendorService): ServicePlugin {
  return async (app) => {
    app.post(
      '/',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Add a vendor',
          body: vendorBody,
          response: { 201: vendorSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(vendorToJson(await vendors.create(request.principal, request.body))),
    );
    app.get(
      '/',
      {
        config: staffReaders,
        schema: {
          tags,
          summary: 'Vendors, oldest first',
          querystring: paginationQuery,
          response: { 200: page(vendorSchema), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const rows = await vendors.list(request.principal, limit, positionAfter(cursor));
        return creationOrderPage(rows, limit, vendorToJson);
      },
    );
    app.get(
      '/me',
      {
        config: { auth: { roles: ['vendor'] } },
        schema: {
          tags,
          summary: 'The vendor I act for (vendor portal)',
          response: { 200: vendorSchema, ...errors },
        },
      },
      async (request) => vendorToJson(await vendors.mine(request.principal)),
    );
    app.get(
      '/:id',
      {
        config: staffReaders,
        schema: { tags, summary: 'One vendor', params: idParams, response: { 200: vendorSchema, ...errors } },
      },
      async (request) => vendorToJson(await vendors.get(request.principal, request.params.id)),
    );
    app.patch(
      '/:id',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: "Change a vendor's details",
          params: idParams,
          body: vendorPatch,
          response: { 200: vendorSchema, ...errors },
        },
      },
      async (request) =>
        vendorToJson(await vendors.update(request.principal, request.params.id, request.body)),
    );
  };
}
