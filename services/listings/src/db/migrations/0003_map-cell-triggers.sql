-- listing_map_cells follows published listings in the writing transaction (statement triggers, so a bulk
-- insert or a property with many listings costs one upsert per touched cell, not one per row).
-- Cell of a point at level z = its TILE_ZOOM (24) tile shifted right by 24 - z; levels = MAP_CELL_LEVELS.
CREATE FUNCTION listing_map_cells_add(tx integer[], ty integer[], delta integer[], lng bigint[], lat bigint[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO listing_map_cells AS c (zoom, x, y, listings, sum_lng_e7, sum_lat_e7)
  SELECT l.zoom, t.x >> (24 - l.zoom), t.y >> (24 - l.zoom), sum(t.d), sum(t.d * t.lng), sum(t.d * t.lat)
    FROM unnest(tx, ty, delta, lng, lat) AS t(x, y, d, lng, lat)
   CROSS JOIN unnest(ARRAY[3, 6, 9, 12, 15]) AS l(zoom)
   GROUP BY 1, 2, 3
  HAVING sum(t.d) <> 0 OR sum(t.d * t.lng) <> 0 OR sum(t.d * t.lat) <> 0
   ORDER BY 1, 2, 3 -- a fixed lock order, so concurrent writers cannot deadlock on two cells
      ON CONFLICT (zoom, x, y) DO UPDATE
     SET listings = c.listings + excluded.listings,
         sum_lng_e7 = c.sum_lng_e7 + excluded.sum_lng_e7,
         sum_lat_e7 = c.sum_lat_e7 + excluded.sum_lat_e7;
$$;
--> statement-breakpoint
-- +1 for each published listing of the `plus` units, -1 for each of the `minus` units, at their property.
CREATE FUNCTION listing_map_cells_add_units(plus uuid[], minus uuid[]) RETURNS void LANGUAGE sql AS $$
  SELECT listing_map_cells_add(array_agg(p.tile_x), array_agg(p.tile_y), array_agg(c.d),
                               array_agg(round(ST_X(p.location) * 1e7)::bigint),
                               array_agg(round(ST_Y(p.location) * 1e7)::bigint))
    FROM (SELECT unit_id, 1 AS d FROM unnest(plus) AS unit_id
          UNION ALL SELECT unit_id, -1 FROM unnest(minus) AS unit_id) c
    JOIN units u ON u.id = c.unit_id
    JOIN properties p ON p.id = u.property_id
  HAVING count(*) > 0;
$$;
--> statement-breakpoint
CREATE FUNCTION listing_map_cells_on_listings() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  plus uuid[] := '{}';
  minus uuid[] := '{}';
BEGIN
  IF TG_OP <> 'DELETE' THEN plus := array(SELECT unit_id FROM new_rows WHERE status = 'published'); END IF;
  IF TG_OP <> 'INSERT' THEN minus := array(SELECT unit_id FROM old_rows WHERE status = 'published'); END IF;
  IF cardinality(plus) + cardinality(minus) > 0 THEN PERFORM listing_map_cells_add_units(plus, minus); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER listing_map_cells_listings_insert AFTER INSERT ON listings
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION listing_map_cells_on_listings();
--> statement-breakpoint
CREATE TRIGGER listing_map_cells_listings_update AFTER UPDATE ON listings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION listing_map_cells_on_listings();
--> statement-breakpoint
CREATE TRIGGER listing_map_cells_listings_delete AFTER DELETE ON listings
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION listing_map_cells_on_listings();
--> statement-breakpoint
-- A moved property moves the published listings of its units (units never change property).
CREATE FUNCTION listing_map_cells_on_properties() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM listing_map_cells_add(array_agg(m.tile_x), array_agg(m.tile_y), array_agg(m.d),
                                array_agg(round(ST_X(m.location) * 1e7)::bigint),
                                array_agg(round(ST_Y(m.location) * 1e7)::bigint))
     FROM (SELECT o.id, o.tile_x, o.tile_y, o.location, -1 AS d, n.location AS other FROM old_rows o JOIN new_rows n USING (id)
           UNION ALL
           SELECT n.id, n.tile_x, n.tile_y, n.location, 1, o.location FROM new_rows n JOIN old_rows o USING (id)) m
     JOIN units u ON u.property_id = m.id
     JOIN listings l ON l.unit_id = u.id AND l.status = 'published'
    WHERE NOT ST_OrderingEquals(m.location, m.other)
   HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER listing_map_cells_properties_update AFTER UPDATE ON properties
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION listing_map_cells_on_properties();
--> statement-breakpoint
-- Recomputes the derived cells from the listings. Reads through the public-search policies (published
-- listings of every organization), so it works as the service role under forced row-level security.
CREATE FUNCTION rebuild_listing_map_cells() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  previous text := coalesce(current_setting('app.public_search', true), '');
BEGIN
  PERFORM set_config('app.public_search', 'on', true);
  DELETE FROM listing_map_cells;
  PERFORM listing_map_cells_add(array_agg(p.tile_x), array_agg(p.tile_y), array_agg(1),
                                array_agg(round(ST_X(p.location) * 1e7)::bigint),
                                array_agg(round(ST_Y(p.location) * 1e7)::bigint))
     FROM listings l JOIN units u ON u.id = l.unit_id JOIN properties p ON p.id = u.property_id
    WHERE l.status = 'published'
   HAVING count(*) > 0;
  PERFORM set_config('app.public_search', previous, true);
END $$;
