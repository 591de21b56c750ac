import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createLeasingHarness, bearer, subjectOf, type LeasingHarness } from './support/harness.js';
import { applicationBody, post } from './support/flows.js';

describe('applications: apply, compare, ask, decide', () => {
  let h: LeasingHarness;
  before(async () => {
    h = await createLeasingHarness();
  });
  after(() => h.close());

  const eventsOf = async (key: string) =>
    (
      await h.admin.query<{ event_type: string; payload: Record<string, unknown> }>(
        'select event_type, payload from outbox where key = $1 order by id',
        [key],
      )
    ).rows.map((r) => ({ type: r.event_type.replace('portfolioos.leasing.', ''), payload: r.payload }));

  test('an applicant applies to a published listing; the unit comes from the listing, not the request', async (t) => {
    const app = await h.app(t, { now: () => new Date('2027-01-10T15:00:00Z') });
    const orgId = crypto.randomUUID();
    const { listingId, unitId, propertyId } = await h.seedListing(orgId, { rentMinor: 150_000 });
    const token = await h.signer.staffToken(orgId, ['applicant']);

    const res = await post(app, token, '/v1/applications', applicationBody(listingId));
    assert.equal(res.statusCode, 201, res.body);
    const application = res.json();
    assert.equal(application.status, 'submitted');
    assert.equal(application.unit_id, unitId);
    assert.equal(application.property_id, propertyId);
    assert.equal(application.applicant.email, 'riley.chen@example.com');
    assert.equal(application.screening_consent_at, '2027-01-10T15:00:00.000Z');
    // 5,000.00 against 1,500.00 of rent: 3.33 times.
    assert.deepEqual(application.comparison, {
      occupants: 2,
      adults: 2,
      pets: 1,
      income_to_rent_hundredths: 333,
    });
    const [submitted] = await eventsOf(application.id);
    assert.equal(submitted!.type, 'ApplicationSubmitted');
    assert.deepEqual(
      { ...submitted!.payload, occurred_at: undefined },
      {
        application_id: application.id,
        organization_id: orgId,
        occurred_at: undefined,
        listing_id: listingId,
        unit_id: unitId,
        applicant_id: application.applicant.id,
        applicant_user_id: subjectOf(token),
        applicant_name: 'Riley Chen',
        applicant_email: 'riley.chen@example.com',
        desired_move_in: 20_878,
        occupants: 2,
      },
    );

    const again = await post(app, token, '/v1/applications', applicationBody(listingId));
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().type.endsWith('/already-applied'), true, again.body);
  });

  test("refused: unpublished, unknown and other organizations' listings (422); bad answers (400); staff (403)", async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const token = await h.signer.staffToken(orgId, ['applicant']);
    const paused = await h.seedListing(orgId, { status: 'paused' });
    const foreign = await h.seedListing(crypto.randomUUID());
    for (const listingId of [paused.listingId, foreign.listingId, crypto.randomUUID()]) {
      const res = await post(app, token, '/v1/applications', applicationBody(listingId));
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().type.endsWith('/unknown-listing'), true);
    }
    const { listingId } = await h.seedListing(orgId);
    for (const overrides of [
      { screening_consent: false },
      { monthly_income_minor: 4999.5 },
      { monthly_income_minor: -1 },
      { pets: [{ kind: 'dragon', description: 'Smaug' }] },
      { household_members: [{ full_name: 'X', relationship: 'friend' }] },
      { unit_id: crypto.randomUUID() },
    ]) {
      const res = await post(app, token, '/v1/applications', applicationBody(listingId, overrides));
      assert.equal(res.statusCode, 400, `${JSON.stringify(overrides)}: ${res.body}`);
    }
    const manager = await h.signer.staffToken(orgId, ['manager']);
    assert.equal((await post(app, manager, '/v1/applications', applicationBody(listingId))).statusCode, 403);
    const { rows } = await h.admin.query('select count(*)::int as n from applications where org_id = $1', [
      orgId,
    ]);
    assert.equal(rows[0].n, 0, 'nothing refused was written');
  });

  test("an applicant sees only their own applications; another's is 404, also to change", async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const { listingId } = await h.seedListing(orgId);
    const riley = await h.signer.staffToken(orgId, ['applicant']);
    const sam = await h.signer.staffToken(orgId, ['applicant']);
    const mine = (await post(app, riley, '/v1/applications', applicationBody(listingId))).json();
    const theirs = (
      await post(
        app,
        sam,
        '/v1/applications',
        applicationBody(listingId, { applicant: { full_name: 'Sam', email: 'sam@example.com' } }),
      )
    ).json();

    const get = (token: string, id: string) =>
      app.inject({ method: 'GET', url: `/v1/applications/${id}`, headers: bearer(token) });
    assert.equal((await get(riley, mine.id)).statusCode, 200);
    assert.equal((await get(riley, theirs.id)).statusCode, 404);
    assert.equal((await post(app, riley, `/v1/applications/${theirs.id}/withdraw`)).statusCode, 404);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/v1/applications/${theirs.id}`,
      headers: bearer(riley),
      payload: { monthly_income_minor: 1 },
    });
    assert.equal(patch.statusCode, 404);
    const listed = await app.inject({ method: 'GET', url: '/v1/applications', headers: bearer(riley) });
    assert.deepEqual(
      listed.json().items.map((a: { id: string }) => a.id),
      [mine.id],
    );
    // Staff of another organization: not found either.
    const stranger = await h.signer.staffToken(crypto.randomUUID(), ['owner']);
    assert.equal((await get(stranger, mine.id)).statusCode, 404);
  });

  test("staff compare a listing's applications, ask for more, approve one and decline the others", async (t) => {
    const app = await h.app(t, { now: () => new Date('2027-01-11T15:00:00Z') });
    const orgId = crypto.randomUUID();
    const { listingId, unitId } = await h.seedListing(orgId, { rentMinor: 200_000 });
    const otherListing = await h.seedListing(orgId, { unitId });
    const manager = await h.signer.staffToken(orgId, ['manager']);
    const viewer = await h.signer.staffToken(orgId, ['viewer']);
    const apply = async (income: number, listing = listingId) => {
      const token = await h.signer.staffToken(orgId, ['applicant']);
      const res = await post(
        app,
        token,
        '/v1/applications',
        applicationBody(listing, { monthly_income_minor: income }),
      );
      assert.equal(res.statusCode, 201, res.body);
      return { token, id: res.json().id as string };
    };
    const a = await apply(700_000);
    const b = await apply(500_000);
    const c = await apply(300_000, otherListing.listingId);

    const compared = await app.inject({
      method: 'GET',
      url: `/v1/applications?listing_id=${listingId}`,
      headers: bearer(viewer),
    });
    assert.equal(compared.statusCode, 200, compared.body);
    assert.deepEqual(
      compared
        .json()
        .items.map((x: { id: string; comparison: { income_to_rent_hundredths: number } }) => [
          x.id,
          x.comparison.income_to_rent_hundredths,
        ]),
      [
        [a.id, 350],
        [b.id, 250],
      ],
    );

    const asked = await post(app, manager, `/v1/applications/${a.id}/request-info`, {
      message: 'Please add your current employer contact.',
    });
    assert.equal(asked.statusCode, 200, asked.body);
    assert.equal(asked.json().status, 'info_requested');
    const answered = await app.inject({
      method: 'PATCH',
      url: `/v1/applications/${a.id}`,
      headers: bearer(a.token),
      payload: { employment: { status: 'employed', employer: 'Acme Robotics (hr@acme.example)' } },
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().status, 'submitted');
    assert.equal(answered.json().revision, 2);
    assert.equal(answered.json().monthly_income_minor, 700_000, 'absent answers stay');

    assert.equal((await post(app, viewer, `/v1/applications/${a.id}/approve`, {})).statusCode, 403);
    assert.equal((await post(app, a.token, `/v1/applications/${a.id}/approve`, {})).statusCode, 403);
    const approved = await post(app, manager, `/v1/applications/${a.id}/approve`, {
      conditions: 'Double deposit',
      decline_other_applications: true,
    });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().status, 'approved');
    assert.equal(approved.json().decision.conditions, 'Double deposit');

    // Both other open applications of the unit (through either listing) were declined.
    for (const other of [b, c]) {
      const seen = await app.inject({
        method: 'GET',
        url: `/v1/applications/${other.id}`,
        headers: bearer(other.token),
      });
      assert.equal(seen.json().status, 'denied');
      assert.equal(seen.json().decision.reason, 'unit_no_longer_available');
      assert.equal(seen.json().decision.adverse_action_notice, null);
      const [, denied] = await eventsOf(other.id);
      assert.equal(denied!.type, 'ApplicationDenied');
      assert.equal(denied!.payload.reason, 'UNIT_NO_LONGER_AVAILABLE');
    }
    const [, approvedEvent] = await eventsOf(a.id);
    assert.equal(approvedEvent!.type, 'ApplicationApproved');
    assert.equal(approvedEvent!.payload.decided_by_user_id, subjectOf(manager));
    assert.equal(approvedEvent!.payload.conditions, 'Double deposit');

    const twice = await post(app, manager, `/v1/applications/${b.id}/approve`, {});
    assert.equal(twice.statusCode, 409, twice.body);
    assert.equal(twice.json().type.endsWith('/invalid-transition'), true);
    const withdrawn = await post(app, a.token, `/v1/applications/${a.id}/withdraw`);
    assert.equal(withdrawn.json().status, 'withdrawn');
    assert.equal((await eventsOf(a.id)).at(-1)!.type, 'ApplicationWithdrawn');
  });
});
