-- drizzle-kit has no FORCE option; output of forceRowLevelSecuritySql([...the org-owned tables]).
ALTER TABLE "preferences" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "quiet_hours" FORCE ROW LEVEL SECURITY;
