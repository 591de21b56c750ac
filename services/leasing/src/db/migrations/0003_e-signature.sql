CREATE TABLE "docusign_connect_deliveries" (
	"body_sha256" text PRIMARY KEY NOT NULL,
	"envelope_id" text NOT NULL,
	"lease_id" uuid,
	"event" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "signing_method" text;--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "envelope_id" text;