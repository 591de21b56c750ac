-- drizzle-kit has no FORCE option; output of forceRowLevelSecuritySql([...the org-owned tables]).
ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "properties" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "units" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenancies" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tenancy_parties" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "maintenance_requests" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "request_comments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "request_photos" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sla_policies" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "maintenance_requests" ADD CONSTRAINT "requests_status" CHECK ("status" IN ('submitted', 'triaged', 'scheduled', 'in_progress', 'completed', 'closed', 'cancelled'));
--> statement-breakpoint
ALTER TABLE "maintenance_requests" ADD CONSTRAINT "requests_priority" CHECK ("priority" IN ('emergency', 'urgent', 'routine'));
--> statement-breakpoint
ALTER TABLE "maintenance_requests" ADD CONSTRAINT "requests_submitted_as" CHECK ("submitted_as" IN ('tenant', 'staff'));
--> statement-breakpoint
ALTER TABLE "request_photos" ADD CONSTRAINT "request_photos_status" CHECK ("status" IN ('pending', 'attached'));
--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_positive" CHECK ("emergency_hours" > 0 AND "urgent_hours" > 0 AND "routine_hours" > 0);
--> statement-breakpoint
-- The SLA breach detector looks across organizations for requests whose SLA ran out: with this setting
-- (set only by that worker, in its own read-only listing transaction) it may SELECT them; every write it
-- makes then runs scoped to the request's own organization under the ordinary policy.
CREATE POLICY "sla_sweep_read" ON "maintenance_requests" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.sla_sweep', true) = 'on');
--> statement-breakpoint
CREATE INDEX "requests_sla_open_idx" ON "maintenance_requests" ("sla_due_at") WHERE "sla_breached_at" IS NULL AND "status" NOT IN ('completed', 'closed', 'cancelled');
