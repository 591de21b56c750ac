import type { ServicePlugin } from '@portfolioos/service-kit';
import { leaseLedgerReaders, paymentRecorders } from '../access.js';
import { reversalBody } from '../charges/schemas.js';
import { idempotencyHeaders, idParams, readErrors, writeErrors } from '../http-schemas.js';
import { keyOf, sendKeyed } from '../ledger/keyed-route.js';
import { paymentBody, paymentSchema } from './schemas.js';
import type { PaymentService } from './service.js';

const tags = ['payments'];

/** /v1/payments: money received, allocated to open charges by the organization's rule. */
export function paymentRoutes(payments: PaymentService): ServicePlugin {
  return async (app) => {
    app.post(
      '/',
      {
        config: paymentRecorders,
        schema: {
          tags,
          summary: 'Record a payment received (cash, check, bank transfer, money order)',
          headers: idempotencyHeaders,
          body: paymentBody,
          response: { 201: paymentSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        sendKeyed(reply, await payments.record(request.principal, keyOf(request), request.body)),
    );
    app.get(
      '/:id',
      {
        config: leaseLedgerReaders,
        schema: {
          tags,
          summary: 'One payment and its allocations',
          params: idParams,
          response: { 200: paymentSchema, ...readErrors },
        },
      },
      async (request) => payments.get(request.principal, request.params.id),
    );
    app.post(
      '/:id/reversal',
      {
        config: paymentRecorders,
        schema: {
          tags,
          summary: 'Reverse a payment that bounced or was returned (its charges reopen)',
          headers: idempotencyHeaders,
          params: idParams,
          body: reversalBody,
          response: { 201: paymentSchema, ...writeErrors },
        },
      },
      async (request, reply) =>
        sendKeyed(
          reply,
          await payments.reverse(request.principal, keyOf(request), request.params.id, request.body),
        ),
    );
  };
}
