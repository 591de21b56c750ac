import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { conflict } from '@portfolioos/service-kit';
import { afterPosition, sqlStateOf } from '@portfolioos/db';
import type { LeasingTx } from '../db/database.js';
import { applicants, applications, listings } from '../db/schema.js';
import type { CursorPosition } from '../http-schemas.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
export type ApplicantRow = typeof applicants.$inferSelect;
export type ListingRow = typeof listings.$inferSelect;
/** An application with its applicant and the rent of the listing it was made to. */
export type ApplicationView = ApplicationRow & { applicant: ApplicantRow; listingRentMinor: number | null };

/** Statuses in which an application still awaits a decision. */
export const OPEN_STATUSES = ['submitted', 'info_requested'] as const;

export async function findListing(tx: LeasingTx, orgId: string, id: string): Promise<ListingRow | undefined> {
  const [row] = await tx
    .select()
    .from(listings)
    .where(and(eq(listings.orgId, orgId), eq(listings.id, id)));
  return row;
}

/** The applicant record of an identity user, created or brought up to date with the contact given. */
export async function upsertApplicant(
  tx: LeasingTx,
  row: { orgId: string; userId: string; fullName: string; email: string; phone: string | null },
): Promise<ApplicantRow> {
  const [applicant] = await tx
    .insert(applicants)
    .values(row)
    .onConflictDoUpdate({
      target: [applicants.orgId, applicants.userId],
      set: { fullName: row.fullName, email: row.email, phone: row.phone, updatedAt: new Date() },
    })
    .returning();
  return applicant!;
}

/**
 * Inserts an application in a savepoint: a second open application of the applicant to the listing is
 * a 409 (the unique index applications_one_open_per_applicant decides, also under concurrent submits).
 */
export async function insertApplication(tx: LeasingTx, row: NewApplication): Promise<ApplicationRow> {
  try {
    return await tx.transaction(async (sp) => (await sp.insert(applications).values(row).returning())[0]!);
  } catch (error) {
    if (sqlStateOf(error) === '23505')
      throw conflict('You already have an open application to this listing.', 'already-applied');
    throw error;
  }
}

/** The applicant of an application. */
export async function applicantOf(tx: LeasingTx, row: ApplicationRow): Promise<ApplicantRow> {
  const [applicant] = await tx
    .select()
    .from(applicants)
    .where(and(eq(applicants.orgId, row.orgId), eq(applicants.id, row.applicantId)));
  return applicant!;
}

export async function updateApplication(
  tx: LeasingTx,
  orgId: string,
  id: string,
  changes: Partial<NewApplication>,
): Promise<ApplicationRow> {
  const [row] = await tx
    .update(applications)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(applications.orgId, orgId), eq(applications.id, id)))
    .returning();
  return row!;
}

/** One application, locked for a change (concurrent decisions on it queue up). */
export async function lockApplication(
  tx: LeasingTx,
  orgId: string,
  id: string,
): Promise<ApplicationRow | undefined> {
  const [row] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.orgId, orgId), eq(applications.id, id)))
    .for('update');
  return row;
}

/** The other open applications of a unit, locked (approving one declines them). */
export function lockOtherOpenApplications(
  tx: LeasingTx,
  orgId: string,
  unitId: string,
  exceptId: string,
): Promise<ApplicationRow[]> {
  return tx
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.orgId, orgId),
        eq(applications.unitId, unitId),
        ne(applications.id, exceptId),
        inArray(applications.status, [...OPEN_STATUSES]),
      ),
    )
    .orderBy(asc(applications.createdAt))
    .for('update');
}

export interface ApplicationFilter {
  listingId?: string;
  unitId?: string;
  status?: string;
  /** Only this identity user's applications (an applicant sees nothing else). */
  applicantUserId?: string | null;
  id?: string;
}

/** Applications oldest first with their applicant, after the cursor position, matching `filter`. */
export async function listApplications(
  tx: LeasingTx,
  orgId: string,
  filter: ApplicationFilter,
  limit: number,
  after?: CursorPosition,
): Promise<ApplicationView[]> {
  const rows = await tx
    .select({ application: applications, applicant: applicants, listingRentMinor: listings.rentMinor })
    .from(applications)
    .innerJoin(applicants, eq(applicants.id, applications.applicantId))
    .leftJoin(listings, eq(listings.id, applications.listingId))
    .where(
      and(
        eq(applications.orgId, orgId),
        afterPosition(applications, after),
        filter.id ? eq(applications.id, filter.id) : undefined,
        filter.listingId ? eq(applications.listingId, filter.listingId) : undefined,
        filter.unitId ? eq(applications.unitId, filter.unitId) : undefined,
        filter.status ? eq(applications.status, filter.status) : undefined,
        filter.applicantUserId ? eq(applicants.userId, filter.applicantUserId) : undefined,
      ),
    )
    .orderBy(asc(applications.createdAt), asc(applications.id))
    .limit(limit);
  return rows.map((r) => ({
    ...r.application,
    applicant: r.applicant,
    listingRentMinor: r.listingRentMinor,
  }));
}
