import { page, type ServicePlugin } from '@portfolioos/service-kit';
import { applicants, applicationReaders, deciders, portalUserOf } from '../access.js';
import { creationOrderPage, errors, idParams, positionAfter } from '../http-schemas.js';
import { applicationToJson } from './mapping.js';
import type { ApplicationView } from './repository.js';
import {
  applicationBody,
  applicationPatch,
  applicationQuery,
  applicationSchema,
  approveBody,
  declineBody,
  infoRequestBody,
} from './schemas.js';
import type { ApplicationService } from './service.js';

const tags = ['applications'];
const one = { 200: applicationSchema, ...errors };

/** /v1/applications: applicants apply and follow their own; staff compare, ask for more, decide. */
export function applicationRoutes(service: ApplicationService): ServicePlugin {
  return async (app) => {
    const answer = (request: { principal: Parameters<typeof portalUserOf>[0] }, view: ApplicationView) =>
      applicationToJson(view, { forApplicant: portalUserOf(request.principal, 'applicant') !== null });

    app.post(
      '/',
      {
        config: applicants,
        schema: {
          tags,
          summary: 'Apply to a published listing (applicant)',
          body: applicationBody,
          response: { 201: applicationSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(answer(request, await service.submit(request.principal, request.body))),
    );
    app.get(
      '/',
      {
        config: applicationReaders,
        schema: {
          tags,
          summary: "Applications, oldest first (an applicant's own); by listing to compare them",
          querystring: applicationQuery,
          response: { 200: page(applicationSchema), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor, listing_id, unit_id, status } = request.query;
        const filter = { listingId: listing_id, unitId: unit_id, status };
        const rows = await service.list(request.principal, filter, limit, positionAfter(cursor));
        return creationOrderPage(rows, limit, (row) => answer(request, row));
      },
    );
    app.get(
      '/:id',
      {
        config: applicationReaders,
        schema: { tags, summary: 'One application', params: idParams, response: one },
      },
      async (request) => answer(request, await service.get(request.principal, request.params.id)),
    );
    app.patch(
      '/:id',
      {
        config: applicants,
        schema: {
          tags,
          summary: 'Change an open application (applicant; answers a request for information)',
          params: idParams,
          body: applicationPatch,
          response: one,
        },
      },
      async (request) =>
        answer(request, await service.revise(request.principal, request.params.id, request.body)),
    );
    app.post(
      '/:id/withdraw',
      {
        config: applicants,
        schema: { tags, summary: 'Withdraw (applicant)', params: idParams, response: one },
      },
      async (request) => answer(request, await service.withdraw(request.principal, request.params.id)),
    );
    app.post(
      '/:id/request-info',
      {
        config: deciders,
        schema: {
          tags,
          summary: 'Ask the applicant for more',
          params: idParams,
          body: infoRequestBody,
          response: one,
        },
      },
      async (request) =>
        answer(
          request,
          await service.requestInfo(request.principal, request.params.id, request.body.message),
        ),
    );
    app.post(
      '/:id/approve',
      {
        config: deciders,
        schema: { tags, summary: 'Approve', params: idParams, body: approveBody, response: one },
      },
      async (request) =>
        answer(request, await service.approve(request.principal, request.params.id, request.body)),
    );
    app.post(
      '/:id/decline',
      {
        config: deciders,
        schema: {
          tags,
          summary: 'Decline with a reason (adverse-action notice when a screening report drove it)',
          params: idParams,
          body: declineBody,
          response: one,
        },
      },
      async (request) =>
        answer(request, await service.decline(request.principal, request.params.id, request.body)),
    );
  };
}
