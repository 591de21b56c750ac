// docusign-esign as the services will use it: ApiClient's basePath pointed at Prism (component prism-docusign, the
// subset of DocuSign's eSignature v2.1 document derived by deploy/local/docusign/derive-subset.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import docusign from 'docusign-esign';
import { stack } from '@portfolioos/testing';

const ACCOUNT_ID = '6b2c3e1a-0d4f-4e59-9a77-3f0c2b1d9e10';
const apiClient = new docusign.ApiClient({
  basePath: stack.docusignUrl,
  oAuthBasePath: 'account-d.docusign.com',
});
apiClient.addDefaultHeader('Authorization', 'Bearer local-stand-in-token');
const envelopes = new docusign.EnvelopesApi(apiClient);

// A one-page PDF is enough: Prism checks the envelope's shape, not the document's content.
const LEASE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

test('an envelope with a document and an embedded signer is created, then a recipient view (signing URL)', async () => {
  const summary = await envelopes.createEnvelope(ACCOUNT_ID, {
    envelopeDefinition: {
      emailSubject: 'Please sign your lease',
      status: 'sent',
      documents: [{ documentId: '1', name: 'lease.pdf', fileExtension: 'pdf', documentBase64: LEASE_PDF }],
      recipients: {
        signers: [
          {
            recipientId: '1',
            routingOrder: '1',
            email: 'tess@example.com',
            name: 'Tess Tenant',
            clientUserId: 'tenant-42',
            tabs: {
              signHereTabs: [{ documentId: '1', pageNumber: '1', xPosition: '100', yPosition: '700' }],
            },
          },
        ],
      },
    },
  });
  assert.equal(typeof summary.envelopeId, 'string');
  assert.equal(typeof summary.status, 'string');

  const view = await envelopes.createRecipientView(ACCOUNT_ID, summary.envelopeId ?? '', {
    recipientViewRequest: {
      authenticationMethod: 'none',
      clientUserId: 'tenant-42',
      email: 'tess@example.com',
      userName: 'Tess Tenant',
      returnUrl: 'http://127.0.0.1:8080/leases/signed',
    },
  });
  assert.equal(typeof view.url, 'string');
});

test("an envelope that breaks DocuSign's contract is refused with 400", async () => {
  const error = await envelopes
    .createEnvelope(ACCOUNT_ID, {
      envelopeDefinition: { emailSubject: 7, recipients: { signers: 'nobody' } },
    })
    .then(() => assert.fail('Prism accepted an invalid envelope'))
    .catch((e: unknown) => e as { status?: number; response?: { status?: number } });
  assert.equal(error.response?.status ?? error.status, 400);
});
