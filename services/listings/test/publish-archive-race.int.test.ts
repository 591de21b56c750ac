import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { bearer, createListing, createProperty, createUnit } from './support/flows.js';
import { createListingsHarness, type ListingsHarness } from './support/harness.js';

const ROUNDS = 30;

describe('publishing a listing while its unit is archived', () => {
  let h: ListingsHarness;
  before(async () => {
    h = await createListingsHarness();
  });
  after(() => h.close());

  test(`${ROUNDS} concurrent publish/archive pairs never leave a published listing on an archived unit`, async (t) => {
    const app = await h.app(t);
    const token = await h.token(randomUUID(), ['manager']);
    const property = await createProperty(app, token);
    const outcomes = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const unit = await createUnit(app, token, property.id, { number: `R${round}` });
      const listing = await createListing(app, token, unit.id);
      const [publish, archive] = await Promise.all([
        app.inject({ method: 'POST', url: `/v1/listings/${listing.id}/publish`, headers: bearer(token) }),
        app.inject({ method: 'DELETE', url: `/v1/units/${unit.id}`, headers: bearer(token) }),
      ]);
      const outcome = `publish ${publish.statusCode}, archive ${archive.statusCode}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      // Exactly one wins: the publish (archive answers 409 published-listings) or the archive (publish 409).
      assert.ok(
        outcome === 'publish 200, archive 409' || outcome === 'publish 409, archive 204',
        `round ${round}: ${outcome}`,
      );
      const { rows } = await h.admin.query(
        `select l.status, u.archived_at is not null as archived
           from listings l join units u on u.id = l.unit_id where l.id = $1`,
        [listing.id],
      );
      assert.ok(!(rows[0].status === 'published' && rows[0].archived), `round ${round}: ${outcome}`);
    }
    t.diagnostic(JSON.stringify(Object.fromEntries(outcomes)));
  });
});
