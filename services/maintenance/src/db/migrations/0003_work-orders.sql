CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"request_id" uuid,
	"property_id" uuid NOT NULL,
	"unit_id" uuid,
	"vendor_id" uuid NOT NULL,
	"category" text NOT NULL,
	"priority" text NOT NULL,
	"title" text NOT NULL,
	"instructions" text NOT NULL,
	"access_details" text,
	"window_start" timestamp with time zone,
	"window_end" timestamp with time zone,
	"not_to_exceed_minor" bigint,
	"currency" text NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"vendor_notes" text,
	"labor_minutes" integer,
	"labor_cost_minor" bigint,
	"materials" jsonb,
	"invoice_amount_minor" bigint,
	"cost_approval" text,
	"cost_approved_at" timestamp with time zone,
	"cost_approved_by_user_id" uuid,
	"completed_at" timestamp with time zone,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "work_orders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "work_orders_org_created_idx" ON "work_orders" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "work_orders_vendor_idx" ON "work_orders" USING btree ("org_id","vendor_id");--> statement-breakpoint
CREATE POLICY "org_isolation" ON "work_orders" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- drizzle-kit has no FORCE option; output of forceRowLevelSecuritySql([...the new tables]).
ALTER TABLE "work_orders" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_status" CHECK ("status" IN ('assigned', 'accepted', 'declined', 'scheduled', 'in_progress', 'completed', 'cancelled'));
--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_money" CHECK (coalesce("not_to_exceed_minor", 0) >= 0 AND coalesce("labor_cost_minor", 0) >= 0 AND coalesce("invoice_amount_minor", 0) >= 0);
