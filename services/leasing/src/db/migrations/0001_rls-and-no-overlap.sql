-- drizzle-kit has no FORCE option; output of forceRowLevelSecuritySql([...the org-owned tables]).
ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "properties" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "units" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "leases" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "lease_parties" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- What drizzle cannot model. btree_gist lets one GiST index hold the unit (=) and the dates (&&).
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_dates_ordered" CHECK ("end_date" IS NULL OR "end_date" >= "start_date");
--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_due_day" CHECK ("rent_due_day" BETWEEN 1 AND 28);
--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_money" CHECK ("rent_minor" >= 0 AND "deposit_minor" >= 0);
--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_status" CHECK ("status" IN ('draft', 'out_for_signature', 'signed', 'active', 'notice_given', 'ended', 'cancelled', 'terminated'));
--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_proration" CHECK ("proration" IN ('by_days', 'full', 'none'));
--> statement-breakpoint
-- No two leases of one unit overlap in time (both ends inclusive; an open end runs forever). A cancelled
-- lease never binds anyone and so frees its dates. Enforced here, not in code, so concurrent drafts
-- cannot both get in: the second insert waits for the first and fails with 23P01.
ALTER TABLE "leases" ADD CONSTRAINT "leases_unit_no_overlap" EXCLUDE USING gist (
  "unit_id" WITH =,
  daterange("start_date", "end_date", '[]') WITH &&
) WHERE ("status" <> 'cancelled');
