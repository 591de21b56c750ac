-- drizzle-kit has no FORCE option; output of forceRowLevelSecuritySql([...the org-owned tables]).
ALTER TABLE "notes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;
