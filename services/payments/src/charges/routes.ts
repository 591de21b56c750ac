import { Type } from '@sinclair/typebox';
import type { ServicePlugin } from '@portfolioos/service-kit';
import { chargeWriters, leaseLedgerReaders } from '../access.js';
import { idempotencyHeaders, idParams, readErrors, uuid, writeErrors } from '../http-schemas.js';
import { keyOf, sendKeyed } from '../ledger/keyed-route.js';
import {
  chargeBody,
  chargeList,
  chargeListQuery,
  chargeSchema,
  creditBody,
  rentRunBody,
  rentRunResult,
  reversalBody,
} from './schemas.js';
import type { ChargeService } from './service.js';

const tags = ['charges'];
const creditResult = Type.Object({ credit_id: uuid, charge: chargeSchema });
const voidResult = Type.Object({ reversal_id: uuid, charge: chargeSchema });

/** /v1/charges: what tenants owe, posted by staff (the rent run posts the scheduled ones). */
export function chargeRoutes(charges: ChargeService): ServicePlugin {
  return async (app) => {
    app.post(
      '/',
      {
        config: chargeWriters,
        schema: {
          tags,
          summary: 'Post a one-off charge to a lease',
          headers: idempotencyHeaders,
          body: chargeBody,
          response: { 201: chargeSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        sendKeyed(reply, await charges.post(request.principal, keyOf(request), request.body)),
    );
    app.post(
      '/rent-run',
      {
        config: chargeWriters,
        schema: {
          tags,
          summary: 'Post the rent and recurring charges due by as_of (re-running adds nothing)',
          headers: idempotencyHeaders,
          body: rentRunBody,
          response: { 200: rentRunResult, ...writeErrors },
        },
      },
      async (request, reply) =>
        sendKeyed(reply, await charges.rentRun(request.principal, keyOf(request), request.body.as_of)),
    );
    app.get(
      '/',
      {
        config: leaseLedgerReaders,
        schema: {
          tags,
          summary: "A lease's charges, oldest first",
          querystring: chargeListQuery,
          response: { 200: chargeList, ...readErrors },
        },
      },
      async (request) => charges.list(request.principal, request.query.lease_id),
    );
    app.get(
      '/:id',
      {
        config: leaseLedgerReaders,
        schema: {
          tags,
          summary: 'One charge',
          params: idParams,
          response: { 200: chargeSchema, ...readErrors },
        },
      },
      async (request) => charges.get(request.principal, request.params.id),
    );
    app.post(
      '/:id/credits',
      {
        config: chargeWriters,
        schema: {
          tags,
          summary: 'Credit a charge (concession, waiver, write-off)',
          headers: idempotencyHeaders,
          params: idParams,
          body: creditBody,
          response: { 201: creditResult, ...writeErrors },
        },
      },
      async (request, reply) =>
        sendKeyed(
          reply,
          await charges.credit(request.principal, keyOf(request), request.params.id, request.body),
        ),
    );
    app.post(
      '/:id/reversal',
      {
        config: chargeWriters,
        schema: {
          tags,
          summary: 'Void a charge posted in error (a reversing entry, never a delete)',
          headers: idempotencyHeaders,
          params: idParams,
          body: reversalBody,
          response: { 201: voidResult, ...writeErrors },
        },
      },
      async (request, reply) =>
        sendKeyed(
          reply,
          await charges.void(request.principal, keyOf(request), request.params.id, request.body),
        ),
    );
  };
}
