CREATE TABLE "vendor_accounts" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vendor_accounts_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "vendor_accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendor_invitations" (
	"invitation_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"email" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendor_invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "vendors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"trade" text NOT NULL,
	"contact_name" text,
	"email" text NOT NULL,
	"phone" text,
	"service_area" text[] NOT NULL,
	"hourly_rate_minor" bigint,
	"currency" text NOT NULL,
	"insurance_expires_on" date,
	"w9_on_file" boolean NOT NULL,
	"eligible_1099" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vendors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "vendor_accounts_email_idx" ON "vendor_accounts" USING btree ("org_id","email");--> statement-breakpoint
CREATE INDEX "vendors_org_created_idx" ON "vendors" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "vendors_org_email_idx" ON "vendors" USING btree ("org_id",lower("email"));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "vendor_accounts" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "org_isolation" ON "vendor_invitations" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "org_isolation" ON "vendors" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- drizzle-kit has no FORCE option; output of forceRowLevelSecuritySql([...the new tables]).
ALTER TABLE "vendors" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "vendor_invitations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "vendor_accounts" FORCE ROW LEVEL SECURITY;
