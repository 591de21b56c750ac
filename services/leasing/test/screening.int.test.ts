import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { stack } from '@portfolioos/testing';
import { purgeExpiredReports } from '../src/screening/retention.js';
import { createLeasingHarness, bearer, type LeasingHarness } from './support/harness.js';
import { applicationBody, post } from './support/flows.js';

const REPORT = Buffer.from('%PDF-1.7\nTenant screening report: Riley Chen, two evictions (2019, 2021)\n');

describe('screening: manual provider, encrypted reports, owner/manager reads audited, retention', () => {
  let h: LeasingHarness;
  const s3 = new S3Client({
    endpoint: stack.s3.endpoint,
    region: stack.s3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: stack.s3.accessKeyId, secretAccessKey: stack.s3.secretAccessKey },
  });
  before(async () => {
    h = await createLeasingHarness();
  });
  after(async () => {
    s3.destroy();
    await h.close();
  });

  const screeningBody = (overrides: Record<string, unknown> = {}) => ({
    agency: {
      name: 'TransUnion SmartMove',
      address: 'P.O. Box 800, Woodlyn, PA 19094',
      phone: '+18666002222',
    },
    result: 'adverse',
    summary: 'Two eviction filings',
    report: { content_type: 'application/pdf', data_base64: REPORT.toString('base64') },
    ...overrides,
  });

  async function applied(app: Awaited<ReturnType<LeasingHarness['app']>>, orgId: string) {
    const { listingId } = await h.seedListing(orgId);
    const applicant = await h.signer.staffToken(orgId, ['applicant']);
    const res = await post(app, applicant, '/v1/applications', applicationBody(listingId));
    assert.equal(res.statusCode, 201, res.body);
    return { applicant, applicationId: res.json().id as string };
  }

  test('a recorded report is stored sealed; owners and managers read it back, each read audited', async (t) => {
    const app = await h.app(t, { now: () => new Date('2027-01-12T16:00:00Z') });
    const orgId = crypto.randomUUID();
    const { applicant, applicationId } = await applied(app, orgId);
    const manager = await h.signer.staffToken(orgId, ['manager']);
    const owner = await h.signer.staffToken(orgId, ['owner']);

    const recorded = await post(
      app,
      manager,
      `/v1/applications/${applicationId}/screening-reports`,
      screeningBody(),
    );
    assert.equal(recorded.statusCode, 201, recorded.body);
    const report = recorded.json();
    assert.equal(report.provider, 'manual');
    assert.equal(report.size_bytes, REPORT.length);
    assert.equal(report.expires_at, '2029-01-11T16:00:00.000Z', '730 days by default');

    // In object storage: ciphertext only.
    const { rows } = await h.admin.query('select object_key from screening_reports where id = $1', [
      report.id,
    ]);
    const stored = await s3.send(
      new GetObjectCommand({ Bucket: h.reportStore.bucket, Key: rows[0].object_key }),
    );
    const bytes = Buffer.from(await stored.Body!.transformToByteArray());
    assert.equal(bytes.length, REPORT.length);
    assert.equal(bytes.includes(Buffer.from('Riley')), false);

    const content = await app.inject({
      method: 'GET',
      url: `/v1/applications/${applicationId}/screening-reports/${report.id}/content`,
      headers: bearer(owner),
    });
    assert.equal(content.statusCode, 200, content.body);
    assert.equal(content.headers['cache-control'], 'no-store');
    assert.deepEqual(Buffer.from(content.json().data_base64, 'base64'), REPORT);
    const listed = await app.inject({
      method: 'GET',
      url: `/v1/applications/${applicationId}/screening-reports`,
      headers: bearer(manager),
    });
    assert.equal(listed.json().items[0].result, 'adverse');

    // Every other caller is refused, and nothing they tried is in the audit trail.
    const refused = [
      ...(await Promise.all(['accountant', 'viewer', 'tenant'].map((r) => h.signer.staffToken(orgId, [r])))),
      applicant,
    ];
    for (const token of refused)
      for (const url of [
        `/v1/applications/${applicationId}/screening-reports`,
        `/v1/applications/${applicationId}/screening-reports/${report.id}/content`,
      ]) {
        const res = await app.inject({ method: 'GET', url, headers: bearer(token) });
        assert.equal(res.statusCode, 403, `${url}: ${res.body}`);
      }
    const stranger = await h.signer.staffToken(crypto.randomUUID(), ['owner']);
    const foreign = await app.inject({
      method: 'GET',
      url: `/v1/applications/${applicationId}/screening-reports/${report.id}/content`,
      headers: bearer(stranger),
    });
    assert.equal(foreign.statusCode, 404);

    const reads = await app.inject({
      method: 'GET',
      url: `/v1/applications/${applicationId}/screening-reports/${report.id}/reads`,
      headers: bearer(owner),
    });
    assert.deepEqual(
      reads
        .json()
        .items.map((r: { part: string; request_id: string | null }) => [r.part, Boolean(r.request_id)]),
      [
        ['content', true],
        ['report', true],
      ],
    );
  });

  test('bad reports are 400/404 and store nothing', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const { applicationId } = await applied(app, orgId);
    const manager = await h.signer.staffToken(orgId, ['manager']);
    for (const body of [
      screeningBody({ result: 'great' }),
      screeningBody({ report: { content_type: 'text/html', data_base64: 'PGgxPg==' } }),
      screeningBody({ report: { content_type: 'application/pdf', data_base64: 'not base64!' } }),
      screeningBody({ agency: { name: '' } }),
    ]) {
      const res = await post(app, manager, `/v1/applications/${applicationId}/screening-reports`, body);
      assert.equal(res.statusCode, 400, res.body);
    }
    const missing = await post(
      app,
      manager,
      `/v1/applications/${crypto.randomUUID()}/screening-reports`,
      screeningBody(),
    );
    assert.equal(missing.statusCode, 404);
    const { rows } = await h.admin.query(
      'select count(*)::int as n from screening_reports where org_id = $1',
      [orgId],
    );
    assert.equal(rows[0].n, 0);
  });

  test('a decline driven by the report carries the adverse-action notice naming the agency', async (t) => {
    const app = await h.app(t, { now: () => new Date('2027-01-12T16:00:00Z') });
    const orgId = crypto.randomUUID();
    const { applicant, applicationId } = await applied(app, orgId);
    const manager = await h.signer.staffToken(orgId, ['manager']);
    const report = (
      await post(app, manager, `/v1/applications/${applicationId}/screening-reports`, screeningBody())
    ).json();

    const wrong = await post(app, manager, `/v1/applications/${applicationId}/decline`, {
      reason: 'rental_history',
      screening_report_id: crypto.randomUUID(),
    });
    assert.equal(wrong.statusCode, 422, wrong.body);
    const declined = await post(app, manager, `/v1/applications/${applicationId}/decline`, {
      reason: 'rental_history',
      notes: 'Evictions in 2019 and 2021',
      screening_report_id: report.id,
    });
    assert.equal(declined.statusCode, 200, declined.body);
    const notice: string = declined.json().decision.adverse_action_notice;
    assert.match(notice, /^Dear Riley Chen,/);
    assert.match(notice, /TransUnion SmartMove\nP\.O\. Box 800, Woodlyn, PA 19094\n\+18666002222/);
    assert.match(notice, /free copy of your report .* within 60 days/);
    assert.match(notice, /did not make this decision/);

    const seen = await app.inject({
      method: 'GET',
      url: `/v1/applications/${applicationId}`,
      headers: bearer(applicant),
    });
    assert.equal(seen.json().decision.adverse_action_notice, notice);
    assert.equal(seen.json().decision.notes, null, "staff's notes stay internal");
    const { rows } = await h.admin.query(
      `select payload from outbox where key = $1 and event_type = 'portfolioos.leasing.ApplicationDenied'`,
      [applicationId],
    );
    assert.equal(rows[0].payload.reason, 'RENTAL_HISTORY');
    assert.equal(rows[0].payload.screening_provider, 'TransUnion SmartMove');
    assert.equal(rows[0].payload.adverse_action_notice, notice);
  });

  test('past retention the worker deletes object and key once, also with two sweeps at a time; reads are 410', async (t) => {
    const app = await h.app(t);
    const orgId = crypto.randomUUID();
    const { applicationId } = await applied(app, orgId);
    const owner = await h.signer.staffToken(orgId, ['owner']);
    const report = (
      await post(app, owner, `/v1/applications/${applicationId}/screening-reports`, screeningBody())
    ).json();
    const { rows } = await h.admin.query('select object_key from screening_reports where id = $1', [
      report.id,
    ]);

    assert.equal(await purgeExpiredReports(h.handle.db, h.reportStore, new Date()), 0, 'nothing due yet');
    const later = new Date(Date.parse(report.expires_at) + 1000);
    const sweeps = await Promise.all(
      [1, 2].map(() => purgeExpiredReports(h.handle.db, h.reportStore, later)),
    );
    assert.equal(sweeps[0]! + sweeps[1]!, 1, 'two sweeps at once purge the report once');
    const { rows: after } = await h.admin.query(
      'select purged_at, object_key, sealed_key from screening_reports where id = $1',
      [report.id],
    );
    assert.ok(after[0].purged_at);
    assert.equal(after[0].object_key, null);
    assert.equal(after[0].sealed_key, null);
    await assert.rejects(
      s3.send(new GetObjectCommand({ Bucket: h.reportStore.bucket, Key: rows[0].object_key })),
      {
        name: 'NoSuchKey',
      },
    );
    const gone = await app.inject({
      method: 'GET',
      url: `/v1/applications/${applicationId}/screening-reports/${report.id}/content`,
      headers: bearer(owner),
    });
    assert.equal(gone.statusCode, 410, gone.body);
    assert.equal(await purgeExpiredReports(h.handle.db, h.reportStore, later), 0, 'each report once');
  });
});
