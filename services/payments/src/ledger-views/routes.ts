import { Type } from '@sinclair/typebox';
import { IsoDateTime } from '@portfolioos/contracts';
import type { ServicePlugin } from '@portfolioos/service-kit';
import { leaseLedgerReaders, staffReaders } from '../access.js';
import { chargeSchema } from '../charges/schemas.js';
import { currency, readErrors, signedMinor, uuid } from '../http-schemas.js';
import type { LedgerViewService } from './service.js';

const tags = ['ledger'];
const minorTotal = Type.Integer({ minimum: 0 });

const leaseLedger = Type.Object({
  lease_id: uuid,
  currency,
  balance_minor: signedMinor,
  tenant_credit_minor: signedMinor,
  entries: Type.Array(
    Type.Object({
      entry_id: uuid,
      posted_at: IsoDateTime(),
      description: Type.String(),
      source_type: Type.String(),
      source_id: uuid,
      amount_minor: signedMinor,
      balance_minor: signedMinor,
    }),
  ),
  open_charges: Type.Array(chargeSchema),
});

const trialBalance = Type.Object({
  accounts: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      type: Type.String(),
      currency,
      debit_minor: minorTotal,
      credit_minor: minorTotal,
      balance_minor: signedMinor,
    }),
  ),
  totals: Type.Array(Type.Object({ currency, debit_minor: minorTotal, credit_minor: minorTotal })),
});

const deposits = Type.Object({
  items: Type.Array(Type.Object({ lease_id: uuid, currency, held_minor: signedMinor })),
});

/** /v1/ledger: the books as an accountant reads them. */
export function ledgerViewRoutes(views: LedgerViewService): ServicePlugin {
  return async (app) => {
    app.get(
      '/leases/:lease_id',
      {
        config: leaseLedgerReaders,
        schema: {
          tags,
          summary: "A lease's ledger with running balance",
          params: Type.Object({ lease_id: uuid }),
          response: { 200: leaseLedger, ...readErrors },
        },
      },
      async (request) => views.leaseLedger(request.principal, request.params.lease_id),
    );
    app.get(
      '/trial-balance',
      {
        config: staffReaders,
        schema: { tags, summary: 'Trial balance', response: { 200: trialBalance, ...readErrors } },
      },
      async (request) => views.trialBalance(request.principal),
    );
    app.get(
      '/deposits',
      {
        config: staffReaders,
        schema: {
          tags,
          summary: 'Security deposits held, per lease',
          response: { 200: deposits, ...readErrors },
        },
      },
      async (request) => views.depositsHeld(request.principal),
    );
  };
}
