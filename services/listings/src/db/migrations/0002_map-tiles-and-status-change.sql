CREATE TABLE "listing_map_cells" (
	"zoom" smallint NOT NULL,
	"x" integer NOT NULL,
	"y" integer NOT NULL,
	"listings" integer NOT NULL,
	"sum_lng_e7" bigint NOT NULL,
	"sum_lat_e7" bigint NOT NULL,
	CONSTRAINT "listing_map_cells_zoom_x_y_pk" PRIMARY KEY("zoom","x","y"),
	CONSTRAINT "listing_map_cells_zoom" CHECK ("listing_map_cells"."zoom" between 0 and 24)
);
--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "status_changed_at" timestamp with time zone DEFAULT date_trunc('milliseconds', now()) NOT NULL;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "tile_x" integer GENERATED ALWAYS AS (least(greatest(floor(((ST_X("location") + 180) / 360) * 16777216), 0), 16777215)::integer) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "properties" ADD COLUMN "tile_y" integer GENERATED ALWAYS AS (least(greatest(floor(((1 - ln(tan(radians(greatest(least(ST_Y("location"), 85.0511287798066), -85.0511287798066))) + 1 / cos(radians(greatest(least(ST_Y("location"), 85.0511287798066), -85.0511287798066)))) / pi()) / 2) * 16777216), 0), 16777215)::integer) STORED NOT NULL;--> statement-breakpoint
-- Listings that existed before the column: their last status change is best known as publication or creation.
UPDATE "listings" SET "status_changed_at" = coalesce("published_at", "created_at");
