import { page, paginationQuery, problemSchema, type ServicePlugin } from '@portfolioos/service-kit';
import { creationOrderPage, errors, idParams, positionAfter } from '../http-schemas.js';
import { staffReaders, staffWriters } from '../staff-access.js';
import { listingToJson } from './mapping.js';
import { listingBody, listingPatch, listingSchema } from './schemas.js';
import type { ListingService } from './service.js';

const tags = ['listings'];
const writeErrors = { 409: problemSchema, 422: problemSchema, ...errors };

/** /v1/listings for staff: CRUD and the publish/unpublish transitions. */
export function listingRoutes(listings: ListingService): ServicePlugin {
  return async (app) => {
    app.post(
      '/',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Create a draft listing for a unit',
          body: listingBody,
          response: { 201: listingSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        const row = await listings.create(request.principal, request.body);
        return reply.code(201).send(listingToJson(row));
      },
    );
    app.get(
      '/',
      {
        config: staffReaders,
        schema: {
          tags,
          summary: 'Listings of the organization, oldest first',
          querystring: paginationQuery,
          response: { 200: page(listingSchema), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor } = request.query;
        const after = positionAfter(cursor);
        return creationOrderPage(await listings.list(request.principal, limit, after), limit, listingToJson);
      },
    );
    app.get(
      '/:id',
      {
        config: staffReaders,
        schema: {
          tags,
          summary: 'One listing',
          params: idParams,
          response: { 200: listingSchema, ...errors },
        },
      },
      async (request) => listingToJson(await listings.get(request.principal, request.params.id)),
    );
    app.patch(
      '/:id',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Change a listing',
          params: idParams,
          body: listingPatch,
          response: { 200: listingSchema, ...writeErrors },
        },
      },
      async (request) =>
        listingToJson(await listings.update(request.principal, request.params.id, request.body)),
    );
    for (const action of ['publish', 'unpublish'] as const)
      app.post(
        `/:id/${action}`,
        {
          config: staffWriters,
          schema: {
            tags,
            summary: action === 'publish' ? 'Publish (publicly searchable)' : 'Take off the market',
            params: idParams,
            response: { 200: listingSchema, ...writeErrors },
          },
        },
        async (request) =>
          listingToJson(await listings.transition(request.principal, request.params.id, action)),
      );
    app.delete(
      '/:id',
      {
        config: staffWriters,
        schema: {
          tags,
          summary: 'Delete a listing (tombstone on listings.listing)',
          params: idParams,
          response: { 204: { type: 'null' }, ...errors },
        },
      },
      async (request, reply) => {
        await listings.remove(request.principal, request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
