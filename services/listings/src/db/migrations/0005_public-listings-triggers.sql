-- public_listings follows the published listings in the writing transaction: statement triggers on listings,
-- units and properties refresh the listings a statement touched (one refresh per statement, so the bulk
-- seeder's multi-row inserts cost one set-based upsert, not one per row).
--
-- What a published listing shows. security_invoker: the caller's row-level security applies, so a staff
-- transaction refreshes only its own organization's listings, and the rebuild reads through the
-- public-search policies. Its columns are public_listings' columns, by name.
CREATE VIEW public_listing_source WITH (security_invoker = true) AS
SELECT l.id AS listing_id, l.org_id, l.unit_id, u.property_id, l.title, l.description, l.price_minor,
       l.currency, l.pet_policy, u.beds, u.baths, u.sqft, u.available_from,
       array(SELECT DISTINCT a FROM unnest(p.amenities || u.amenities) AS a ORDER BY a) AS amenities,
       p.property_type, p.address_line1, p.city, p.region, p.postal_code, p.country, p.location,
       p.tile_x, p.tile_y, l.published_at
  FROM listings l
  JOIN units u ON u.id = l.unit_id
  JOIN properties p ON p.id = u.property_id
 WHERE l.status = 'published';
--> statement-breakpoint
-- Recomputes the rows of `ids` from the source tables: gone unless published, else their current values.
-- The upsert (not a plain insert) lets a refresh that waited on a concurrent one overwrite its row.
CREATE FUNCTION public_listings_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM public_listings WHERE listing_id = ANY(ids);
  INSERT INTO public_listings AS t (
    listing_id, org_id, unit_id, property_id, title, description, price_minor, currency, pet_policy, beds,
    baths, sqft, available_from, amenities, property_type, address_line1, city, region, postal_code, country,
    location, tile_x, tile_y, published_at)
  SELECT listing_id, org_id, unit_id, property_id, title, description, price_minor, currency, pet_policy, beds,
         baths, sqft, available_from, amenities, property_type, address_line1, city, region, postal_code,
         country, location, tile_x, tile_y, published_at
    FROM public_listing_source
   WHERE listing_id = ANY(ids)
   ORDER BY listing_id
      ON CONFLICT (listing_id) DO UPDATE SET
         org_id = excluded.org_id, unit_id = excluded.unit_id, property_id = excluded.property_id,
         title = excluded.title, description = excluded.description, price_minor = excluded.price_minor,
         currency = excluded.currency, pet_policy = excluded.pet_policy, beds = excluded.beds,
         baths = excluded.baths, sqft = excluded.sqft, available_from = excluded.available_from,
         amenities = excluded.amenities, property_type = excluded.property_type,
         address_line1 = excluded.address_line1, city = excluded.city, region = excluded.region,
         postal_code = excluded.postal_code, country = excluded.country, location = excluded.location,
         tile_x = excluded.tile_x, tile_y = excluded.tile_y, published_at = excluded.published_at;
$$;
--> statement-breakpoint
-- A unit or property change first locks the listings it affects (in id order), as a listing change does by
-- updating its row: two writers of one listing's projection then take turns, and the second refreshes from
-- a snapshot that includes the first (a publish racing a property move cannot keep the old location).
CREATE FUNCTION public_listings_refresh_locked(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM listings WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  PERFORM public_listings_refresh(ids);
END $$;
--> statement-breakpoint
CREATE FUNCTION public_listings_on_listings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    ids := array(SELECT id FROM new_rows WHERE status = 'published');
  ELSIF TG_OP = 'DELETE' THEN
    ids := array(SELECT id FROM old_rows WHERE status = 'published');
  ELSE
    ids := array(SELECT id FROM new_rows WHERE status = 'published'
                 UNION SELECT id FROM old_rows WHERE status = 'published');
  END IF;
  IF cardinality(ids) > 0 THEN PERFORM public_listings_refresh(ids); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER public_listings_listings_insert AFTER INSERT ON listings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public_listings_on_listings();
--> statement-breakpoint
CREATE TRIGGER public_listings_listings_update AFTER UPDATE ON listings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public_listings_on_listings();
--> statement-breakpoint
CREATE TRIGGER public_listings_listings_delete AFTER DELETE ON listings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public_listings_on_listings();
--> statement-breakpoint
-- Units: only the columns a public listing shows (a touched updated_at or an archive changes nothing).
-- Every listing of the unit is locked, published or not: one may be being published right now.
CREATE FUNCTION public_listings_on_units() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  ids := array(
    SELECT l.id
      FROM new_rows n JOIN old_rows o USING (id)
      JOIN listings l ON l.unit_id = n.id
     WHERE (n.property_id, n.beds, n.baths, n.sqft, n.available_from, n.amenities)
           IS DISTINCT FROM (o.property_id, o.beds, o.baths, o.sqft, o.available_from, o.amenities));
  IF cardinality(ids) > 0 THEN PERFORM public_listings_refresh_locked(ids); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER public_listings_units_update AFTER UPDATE ON units
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public_listings_on_units();
--> statement-breakpoint
CREATE FUNCTION public_listings_on_properties() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  ids := array(
    SELECT l.id
      FROM new_rows n JOIN old_rows o USING (id)
      JOIN units u ON u.property_id = n.id
      JOIN listings l ON l.unit_id = u.id
     WHERE (n.property_type, n.address_line1, n.city, n.region, n.postal_code, n.country, n.amenities)
           IS DISTINCT FROM (o.property_type, o.address_line1, o.city, o.region, o.postal_code, o.country, o.amenities)
        OR NOT ST_OrderingEquals(n.location, o.location));
  IF cardinality(ids) > 0 THEN PERFORM public_listings_refresh_locked(ids); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER public_listings_properties_update AFTER UPDATE ON properties
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION public_listings_on_properties();
--> statement-breakpoint
-- Recomputes public_listings from the source tables. Reads through the public-search policies (published
-- listings of every organization and what they show), so it works as the service role under forced
-- row-level security.
CREATE FUNCTION rebuild_public_listings() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  previous text := coalesce(current_setting('app.public_search', true), '');
BEGIN
  PERFORM set_config('app.public_search', 'on', true);
  DELETE FROM public_listings;
  PERFORM public_listings_refresh(array(SELECT listing_id FROM public_listing_source));
  PERFORM set_config('app.public_search', previous, true);
END $$;
--> statement-breakpoint
SELECT rebuild_public_listings();
