CREATE TABLE "public_listings" (
	"listing_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"pet_policy" text NOT NULL,
	"beds" integer NOT NULL,
	"baths" numeric(3, 1) NOT NULL,
	"sqft" integer,
	"available_from" date,
	"amenities" text[] NOT NULL,
	"property_type" text NOT NULL,
	"address_line1" text NOT NULL,
	"city" text NOT NULL,
	"region" text NOT NULL,
	"postal_code" text NOT NULL,
	"country" char(2) NOT NULL,
	"location" geometry(Point, 4326) NOT NULL,
	"tile_x" integer NOT NULL,
	"tile_y" integer NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "public_listings_location_gist" ON "public_listings" USING gist ("location");--> statement-breakpoint
CREATE INDEX "public_listings_location_geog_gist" ON "public_listings" USING gist (("location"::geography));--> statement-breakpoint
CREATE INDEX "public_listings_price_idx" ON "public_listings" USING btree ("price_minor","listing_id");--> statement-breakpoint
CREATE INDEX "public_listings_published_idx" ON "public_listings" USING btree ("published_at","listing_id");--> statement-breakpoint
CREATE INDEX "public_listings_amenities_gin" ON "public_listings" USING gin ("amenities");