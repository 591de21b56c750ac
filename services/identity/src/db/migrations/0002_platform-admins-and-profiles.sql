CREATE TABLE "platform_admins" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"granted_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"subject" text,
	"ip" text,
	"user_agent" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "home_org_id" uuid;--> statement-breakpoint
-- Hand-written backfill: existing people's home organization is their oldest membership. memberships is
-- FORCEd under row-level security, which would hide every row from this (owner-run) migration, so FORCE is
-- lifted for this one statement inside the migration's transaction and put back at once.
ALTER TABLE "memberships" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE "users" u SET "home_org_id" = (
  SELECT m."org_id" FROM "memberships" m WHERE m."user_id" = u."id" ORDER BY m."created_at", m."id" LIMIT 1
) WHERE u."home_org_id" IS NULL;--> statement-breakpoint
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "platform_admins" ADD CONSTRAINT "platform_admins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "platform_audit_events_time_idx" ON "platform_audit_events" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE POLICY "platform_admin_read" ON "organizations" AS PERMISSIVE FOR SELECT TO public USING (nullif(current_setting('app.platform_admin', true), '') = 'on');