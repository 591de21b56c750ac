CREATE TABLE "inbox" (
	"consumer" text NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_consumer_event_id_pk" PRIMARY KEY("consumer","event_id")
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"pet_policy" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "listings_status" CHECK ("listings"."status" in ('draft', 'published', 'unpublished', 'leased')),
	CONSTRAINT "listings_price_non_negative" CHECK ("listings"."price_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "listings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"topic" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"organization_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"traceparent" text,
	"tracestate" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
CREATE TABLE "properties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"property_type" text NOT NULL,
	"address_line1" text NOT NULL,
	"address_line2" text,
	"city" text NOT NULL,
	"region" text NOT NULL,
	"postal_code" text NOT NULL,
	"country" char(2) NOT NULL,
	"location" geometry(Point, 4326) NOT NULL,
	"year_built" integer,
	"amenities" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_zone" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "properties" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"number" text NOT NULL,
	"beds" integer NOT NULL,
	"baths" numeric(3, 1) NOT NULL,
	"sqft" integer,
	"asking_rent_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"deposit_minor" bigint,
	"amenities" text[] DEFAULT '{}'::text[] NOT NULL,
	"available_from" date,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL,
	CONSTRAINT "units_baths_half_steps" CHECK ("units"."baths" >= 0 and "units"."baths" * 2 = floor("units"."baths" * 2)),
	CONSTRAINT "units_money_non_negative" CHECK ("units"."asking_rent_minor" >= 0 and coalesce("units"."deposit_minor", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "units" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listings_unit_status_idx" ON "listings" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "listings_org_created_idx" ON "listings" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "listings_published_price_idx" ON "listings" USING btree ("price_minor","id") WHERE "listings"."status" = 'published';--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "outbox" USING btree ("id") WHERE "outbox"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "properties_location_gist" ON "properties" USING gist ("location");--> statement-breakpoint
CREATE INDEX "properties_location_geog_gist" ON "properties" USING gist (("location"::geography));--> statement-breakpoint
CREATE INDEX "properties_org_created_idx" ON "properties" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "units_property_idx" ON "units" USING btree ("property_id","created_at","id");--> statement-breakpoint
CREATE POLICY "org_isolation" ON "listings" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "public_search_read" ON "listings" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.public_search', true) = 'on' and status = 'published');--> statement-breakpoint
CREATE POLICY "org_isolation" ON "properties" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "public_search_read" ON "properties" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.public_search', true) = 'on' and exists (select 1 from units u join listings l on l.unit_id = u.id where u.property_id = properties.id and l.status = 'published'));--> statement-breakpoint
CREATE POLICY "org_isolation" ON "units" AS PERMISSIVE FOR ALL TO public USING ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid) WITH CHECK ("org_id" = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
CREATE POLICY "public_search_read" ON "units" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.public_search', true) = 'on' and exists (select 1 from listings l where l.unit_id = units.id and l.status = 'published'));