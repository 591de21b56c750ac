CREATE TABLE "applicants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applicants" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"household_members" jsonb NOT NULL,
	"monthly_income_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"employment" jsonb NOT NULL,
	"rental_history" jsonb NOT NULL,
	"pets" jsonb NOT NULL,
	"desired_move_in" date,
	"screening_consent_at" timestamp with time zone NOT NULL,
	"info_request" text,
	"info_requested_at" timestamp with time zone,
	"decision_reason" text,
	"decision_notes" text,
	"conditions" text,
	"adverse_action_notice" text,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"rent_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "screening_report_reads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"part" text NOT NULL,
	"request_id" text,
	"ip" text,
	"read_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "screening_report_reads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "screening_report_retention" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"agency_name" text NOT NULL,
	"agency_address" text,
	"agency_phone" text,
	"result" text NOT NULL,
	"summary" text,
	"content_type" text,
	"size_bytes" bigint,
	"object_key" text,
	"kek_id" text,
	"sealed_key" text,
	"iv" text,
	"auth_tag" text,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"purged_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "screening_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_id_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."applicants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_report_reads" ADD CONSTRAINT "screening_report_reads_report_id_screening_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."screening_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_reports" ADD CONSTRAINT "screening_reports_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applicants_org_user_idx" ON "applicants" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "applications_org_created_idx" ON "applications" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "applications_listing_idx" ON "applications" USING btree ("org_id","listing_id");--> statement-breakpoint
CREATE INDEX "applications_unit_idx" ON "applications" USING btree ("org_id","unit_id");--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications" USING btree ("org_id","applicant_id");--> statement-breakpoint
CREATE INDEX "screening_report_reads_report_idx" ON "screening_report_reads" USING btree ("org_id","report_id");--> statement-breakpoint
CREATE INDEX "screening_report_retention_due_idx" ON "screening_report_retention" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "screening_reports_application_idx" ON "screening_reports" USING btree ("org_id","application_id");--> statement-breakpoint
CREATE POLICY "org_isolation" ON "applicants" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "org_isolation" ON "applications" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "org_isolation" ON "listings" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "org_isolation" ON "screening_report_reads" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "org_isolation" ON "screening_reports" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- drizzle-kit has no FORCE option; output of forceRowLevelSecuritySql([...the new org-owned tables]).
ALTER TABLE "listings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "applicants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "applications" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "screening_reports" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "screening_report_reads" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_status" CHECK ("status" IN ('submitted', 'info_requested', 'approved', 'denied', 'withdrawn'));
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_income" CHECK ("monthly_income_minor" >= 0);
--> statement-breakpoint
ALTER TABLE "screening_reports" ADD CONSTRAINT "screening_reports_result" CHECK ("result" IN ('clear', 'consider', 'adverse'));
--> statement-breakpoint
-- One open application per applicant and listing: a second submit is a 409, also under concurrent submits.
CREATE UNIQUE INDEX "applications_one_open_per_applicant" ON "applications" ("applicant_id", "listing_id") WHERE "status" IN ('submitted', 'info_requested');
