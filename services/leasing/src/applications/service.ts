import { notFound, unprocessable, type Principal } from '@portfolioos/service-kit';
import { inCallerOrg, portalUserOf, userIdOf } from '../access.js';
import type { LeasingDb, LeasingTx } from '../db/database.js';
import type { CursorPosition } from '../http-schemas.js';
import { publish } from '../outbox.js';
import { approve, decline, type Decider } from './decisions.js';
import { answersOf, applicationColumns, submittedEvent } from './mapping.js';
import {
  applicantOf,
  findListing,
  insertApplication,
  listApplications,
  lockApplication,
  updateApplication,
  upsertApplicant,
  type ApplicationFilter,
  type ApplicationRow,
  type ApplicationView,
} from './repository.js';
import { assertMay } from './rules.js';
import type { ApplicationBody, ApplicationPatch, ApproveBody, DeclineBody } from './schemas.js';

/**
 * Rental applications: applicants apply to a published listing and see only their own (anyone else's
 * is not found); staff of the listing's organization compare, ask for more, and decide.
 */
export class ApplicationService {
  constructor(
    private readonly db: LeasingDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  submit(principal: Principal | null, body: ApplicationBody): Promise<ApplicationView> {
    const userId = userIdOf(principal);
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      // The unit and organization come from listings' snapshot, never from the request.
      const listing = await findListing(tx, orgId, body.listing_id);
      if (!listing || listing.status !== 'active')
        throw unprocessable('No such published listing.', 'unknown-listing', [
          { in: 'body', field: 'listing_id', message: 'not a published listing of this organization' },
        ]);
      const applicant = await upsertApplicant(tx, {
        orgId,
        userId,
        fullName: body.applicant.full_name,
        email: body.applicant.email.toLowerCase(),
        phone: body.applicant.phone ?? null,
      });
      const row = await insertApplication(tx, {
        orgId,
        listingId: listing.id,
        unitId: listing.unitId,
        propertyId: listing.propertyId,
        applicantId: applicant.id,
        ...answersOf(body),
        screeningConsentAt: this.now(),
      });
      const view = { ...row, applicant, listingRentMinor: listing.rentMinor };
      await publish(tx, 'portfolioos.leasing.ApplicationSubmitted', row.id, submittedEvent(view));
      return view;
    });
  }

  list(
    principal: Principal | null,
    filter: ApplicationFilter,
    limit: number,
    after?: CursorPosition,
  ): Promise<ApplicationView[]> {
    const applicantUserId = portalUserOf(principal, 'applicant');
    return inCallerOrg(this.db, principal, (tx, orgId) =>
      listApplications(tx, orgId, { ...filter, applicantUserId }, limit, after),
    );
  }

  get(principal: Principal | null, id: string): Promise<ApplicationView> {
    return inCallerOrg(this.db, principal, (tx, orgId) => this.view(tx, orgId, principal, id));
  }

  /** The applicant changes an open application (an answer to a request for information). */
  revise(principal: Principal | null, id: string, patch: ApplicationPatch) {
    return this.change(principal, id, 'applicant', async (tx, orgId, row) => {
      assertMay(row.status, 'revise');
      await updateApplication(tx, orgId, id, {
        ...applicationColumns(patch),
        status: 'submitted',
        revision: row.revision + 1,
      });
    });
  }

  withdraw(principal: Principal | null, id: string) {
    return this.change(principal, id, 'applicant', async (tx, orgId, row) => {
      assertMay(row.status, 'withdraw');
      await updateApplication(tx, orgId, id, { status: 'withdrawn' });
      await publish(tx, 'portfolioos.leasing.ApplicationWithdrawn', id, {
        application_id: id,
        organization_id: orgId,
        occurred_at: this.now().getTime(),
        unit_id: row.unitId,
        applicant_id: row.applicantId,
      });
    });
  }

  requestInfo(principal: Principal | null, id: string, message: string) {
    return this.change(principal, id, 'staff', async (tx, orgId, row) => {
      assertMay(row.status, 'request_info');
      await updateApplication(tx, orgId, id, {
        status: 'info_requested',
        infoRequest: message,
        infoRequestedAt: this.now(),
      });
    });
  }

  approve(principal: Principal | null, id: string, body: ApproveBody) {
    return this.change(principal, id, 'staff', async (tx, orgId, row) => {
      assertMay(row.status, 'approve');
      const d = this.decider(tx, orgId, principal);
      await approve(d, row, await applicantOf(tx, row), body, (other) => applicantOf(tx, other));
    });
  }

  decline(principal: Principal | null, id: string, body: DeclineBody) {
    return this.change(principal, id, 'staff', async (tx, orgId, row) => {
      assertMay(row.status, 'decline');
      await decline(this.decider(tx, orgId, principal), row, await applicantOf(tx, row), body);
    });
  }

  private decider(tx: LeasingTx, orgId: string, principal: Principal | null): Decider {
    return { tx, orgId, userId: userIdOf(principal), now: this.now() };
  }

  /** Locks the application (an applicant's own only), applies `fn`, answers its new state. */
  private change(
    principal: Principal | null,
    id: string,
    who: 'applicant' | 'staff',
    fn: (tx: LeasingTx, orgId: string, row: ApplicationRow) => Promise<void>,
  ): Promise<ApplicationView> {
    return inCallerOrg(this.db, principal, async (tx, orgId) => {
      const row = await lockApplication(tx, orgId, id);
      if (!row) throw notFound();
      if (who === 'applicant') await this.view(tx, orgId, principal, id);
      await fn(tx, orgId, row);
      return this.view(tx, orgId, principal, id);
    });
  }

  private async view(tx: LeasingTx, orgId: string, principal: Principal | null, id: string) {
    const applicantUserId = portalUserOf(principal, 'applicant');
    const [view] = await listApplications(tx, orgId, { id, applicantUserId }, 1);
    if (!view) throw notFound();
    return view;
  }
}
