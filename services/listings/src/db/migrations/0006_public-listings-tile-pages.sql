-- Custom SQL migration file, put your migrate down below! --
-- Map-search pages sorted by price or newest: a city box is split into zoom-12 tiles (tile_x/tile_y are
-- zoom 24, so >> 12), and each tile's listings are read from these indexes already in sort order, 51 at a
-- time, instead of fetching every listing in the box and sorting them (see search/tile-pages.ts).
CREATE INDEX IF NOT EXISTS "public_listings_tile12_price_idx" ON "public_listings" USING btree ((tile_x >> 12), (tile_y >> 12), "price_minor", "listing_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "public_listings_tile12_published_idx" ON "public_listings" USING btree ((tile_x >> 12), (tile_y >> 12), "published_at", "listing_id");--> statement-breakpoint
ANALYZE "public_listings";
