-- drizzle-kit has no FORCE option; output of forceRowLevelSecuritySql([...the org-owned tables]).
ALTER TABLE "properties" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "units" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "listings" FORCE ROW LEVEL SECURITY;
